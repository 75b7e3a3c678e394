package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.ftkg.release.FactState;
import org.w3id.ftkg.release.ReleaseDiff;
import org.w3id.ftkg.release.ReleaseFolder;
import org.w3id.ftkg.serve.html.ChangesPage;
import org.w3id.ftkg.serve.html.Pages;
import org.w3id.ftkg.serve.html.ReleasesPage;

/**
 * {@code /releases/}: the releases held, newest first; {@code /releases/VERSION/changes}: the diff from its
 * predecessor; and a release's own files by their fixed names (never a path from the URL).
 */
public final class ReleasesServlet extends HttpServlet {
    /** The files of a release folder served as they are, with their media types. */
    private static final Map<String, String> FILES = Map.of(
        ReleaseFolder.DESCRIPTION, "text/turtle;charset=utf-8",
        ReleaseFolder.NOTES, "text/markdown;charset=utf-8",
        ReleaseFolder.CHANGELOG, "text/markdown;charset=utf-8",
        ReleaseFolder.PATCH, "application/rdf-patch;charset=utf-8",
        ReleaseFolder.HASHES, "text/tab-separated-values;charset=utf-8",
        ReleaseFolder.SUMS, "text/plain;charset=utf-8");

    private final HeldReleases releases;

    public ReleasesServlet(HeldReleases releases) {
        this.releases = releases;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getRequestURI();
        String rest = path.equals("/releases") ? null : path.substring("/releases/".length());
        int slash = rest == null ? -1 : rest.indexOf('/');
        var release = slash < 0 ? Optional.<HeldRelease>empty() : releases.find(rest.substring(0, slash));
        String file = slash < 0 ? "" : rest.substring(slash + 1);
        var diff = release.filter(r -> file.equals("changes")).flatMap(releases::diff);
        Path p = release.map(r -> r.dir().resolve(file)).orElse(null);
        if (rest == null)
            res.sendRedirect("/releases/");
        else if (rest.isEmpty())
            Http.html(res, Pages.render(list()));
        else if (diff.isPresent())
            Http.html(res, Pages.render(changes(diff.get())));
        else if (p == null || !FILES.containsKey(file) || !Files.isRegularFile(p))
            Http.notFound(res, path);
        else
            Http.send(res, 200, FILES.get(file), Files.readString(p));
    }

    private ReleasesPage list() {
        String newest = releases.newest().map(HeldRelease::version).orElse(null);
        List<ReleasesPage.Release> out = new ArrayList<>();
        for (HeldRelease r : releases.all()) {
            String files = "/releases/" + r.version() + "/";
            var diff = releases.diff(r);
            out.add(new ReleasesPage.Release(r.version(), ReleaseFolder.RELEASE_BASE + r.version(), r.issued(), r.previous(),
                r.commit(), r.facts().size(), r.version().equals(newest), r.base() + "/ftkg/sparql", r.base() + "/sparql",
                files + ReleaseFolder.DESCRIPTION, files + ReleaseFolder.NOTES,
                diff.map(d -> files + "changes").orElse(null),
                diff.map(d -> d.added().size() + " added, " + d.removed().size() + " removed, " + d.changed().size() + " changed")
                    .orElse(null),
                r.previous() == null ? null : files + ReleaseFolder.PATCH, files + ReleaseFolder.HASHES));
        }
        Collections.reverse(out); // newest first
        return new ReleasesPage(out);
    }

    static ChangesPage changes(ReleaseDiff d) {
        return new ChangesPage(d.oldVersion(), d.newVersion(), d.unchanged(),
            d.added().stream().map(f -> fact(f, d.newVersion())).toList(),
            d.removed().stream().map(f -> fact(f, d.oldVersion())).toList(),
            d.changed().stream().map(c -> new ChangesPage.Change(fact(c.before(), d.oldVersion()), fact(c.after(), d.newVersion())))
                .toList());
    }

    private static ChangesPage.Fact fact(FactState f, String version) {
        return new ChangesPage.Fact(f.id(), "/v/" + version + "/fact/" + f.id(), f.hash(), f.quote(), f.source(),
            f.start() == null ? null : "[" + f.start() + ", " + f.end() + ")");
    }
}

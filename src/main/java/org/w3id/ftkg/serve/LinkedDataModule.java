package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.w3id.ftkg.release.ReleaseFolder;
import org.w3id.ftkg.serve.html.Pages;

/**
 * FTKG's own routes beside Fuseki's endpoints, as one Fuseki module: the Linked Data IRIs, the pages and views, the
 * dumps, the VoID description and the static files, with the security headers and the release every page names; and
 * {@code /releases/} with each release's Linked Data routes and query page under {@code /v/VERSION/} (its endpoint is a
 * dataset of {@link FtkgServer#builder}).
 *
 * @param served   the release the default routes serve (or "unreleased")
 * @param releases the releases held: a fact only they have answers 410 Gone, pointing to the last one
 * @param views    the timeline, network and sources pages, which start reading what they keep once the server answers
 */
public record LinkedDataModule(LinkedDataStore store, Path project, Path dist, DataRelease served, HeldReleases releases,
                               ViewsServlet views)
    implements FusekiModule {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public LinkedDataModule(LinkedDataStore store, Path project, Path dist, DataRelease served, HeldReleases releases) {
        this(store, project, dist, served, releases, new ViewsServlet(store, project.resolve("seeds")));
    }

    @Override
    public String name() {
        return "FTKG Linked Data";
    }

    @Override
    public void serverAfterStarting(FusekiServer server) {
        // The data is loaded once the server answers (FtkgServer): the views may read it from now on.
        views.timelineIndex();
    }

    @Override
    public void prepare(FusekiServer.Builder b, Set<String> datasetNames, Model configModel) {
        // The source texts of the served release when the data is one (held, or its dumps given as dist), else of the project.
        Path seeds = releases.find(served.version()).filter(r -> served.released()).map(r -> r.seeds(project))
            .or(() -> ReleaseFolder.ofDumps(dist).map(r -> r.resolve(ReleaseFolder.SEEDS)).filter(Files::isDirectory))
            .orElse(project.resolve("seeds"));
        // A shared query link names the release it ran on when there is one, so that it reruns on the same data.
        String pinned = releases.newest().filter(r -> r.version().equals(served.version())).map(r -> r.base() + "/sparql")
            .orElse("/sparql");
        DumpsServlet dumps = new DumpsServlet(dist);
        PagesServlet pages = new PagesServlet(store, project.resolve("queries"), dist, "", pinned);
        LinkedDataServlet.mount(b, "", store, seeds, served, releases);
        OntologyServlet.mount(b, new OntologyServlet(store, dist));
        b.addFilter("/*", LinkedDataModule::securityHeaders)
            .addFilter("/*", this::nameRelease)
            .addServlet("/dumps/*", dumps)
            .addServlet(DumpsServlet.VOID_PATH, dumps)
            .addServlet("/static/*", new StaticServlet())
            .addServlet("/timeline", views)
            .addServlet("/network", views)
            .addServlet("/network.json", views)
            .addServlet("/sources", views)
            .addServlet("", pages)
            .addServlet("/index.html", pages)
            .addServlet("/sparql/*", pages);
        ReleasesServlet list = new ReleasesServlet(releases);
        b.addServlet("/releases", list).addServlet("/releases/*", list);
        for (HeldRelease r : releases.all()) {
            LinkedDataStore held = new LinkedDataStore(r.dataset());
            LinkedDataServlet.mount(b, r.base(), held, r.seeds(project), r.asDataRelease(), HeldReleases.NONE);
            PagesServlet heldPages = new PagesServlet(held, project.resolve("queries"), r.dir(), r.base(),
                r.base() + "/sparql");
            b.addServlet(r.base() + "/sparql", heldPages).addServlet(r.base() + "/sparql/*", heldPages);
        }
    }

    /** Headers every response carries: no MIME sniffing, no framing, a strict CSP (pages run only their own scripts). */
    private static void securityHeaders(ServletRequest req, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        HttpServletResponse res = (HttpServletResponse) response;
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("X-Frame-Options", "DENY");
        res.setHeader("Referrer-Policy", "same-origin");
        res.setHeader("Content-Security-Policy", CSP);
        chain.doFilter(req, res);
    }

    /** Names, for the pages a request renders, their data's release: the one under /v/VERSION/, else the served one. */
    private void nameRelease(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
        Pages.Served previous = Pages.served();
        Pages.setServed(served(((HttpServletRequest) req).getRequestURI()));
        try {
            chain.doFilter(req, res);
        } finally {
            Pages.setServed(previous);
        }
    }

    private Pages.Served served(String path) {
        if (path != null && path.startsWith("/v/")) {
            int slash = path.indexOf('/', 3);
            var held = releases.find(slash < 0 ? path.substring(3) : path.substring(3, slash));
            if (held.isPresent())
                return served(held.get().asDataRelease(), held.get().base());
        }
        return served(served, "");
    }

    private Pages.Served served(DataRelease r, String base) {
        return r.released()
            ? new Pages.Served("FTKG release " + r.version() + " (issued " + r.date() + ")", "/releases/", base)
            : new Pages.Served("unreleased build (" + r.date() + ")", releases.all().isEmpty() ? null : "/releases/",
                base);
    }
}

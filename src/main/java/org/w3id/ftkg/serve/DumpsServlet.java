package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.w3id.ftkg.output.Dumps;
import org.w3id.ftkg.output.VoidDescription;
import org.w3id.ftkg.serve.html.DumpsPage;
import org.w3id.ftkg.serve.html.Pages;

/**
 * {@code /dumps/}: the files of dist/, with their media types, and an index page listing sizes and checksums;
 * {@code /.well-known/void}: their VoID + DCAT description, as Turtle (or JSON-LD / N-Triples by Accept).
 */
public final class DumpsServlet extends HttpServlet {
    static final String VOID_PATH = "/.well-known/void";
    private final Path dist;

    public DumpsServlet(Path dist) {
        this.dist = dist;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String rel = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (req.getServletPath().equals(VOID_PATH)) {
            voidDescription(req, res);
            return;
        }
        if (rel.isEmpty() || rel.equals("/")) {
            index(res);
            return;
        }
        Optional<Path> file = resolve(dist, rel.substring(1));
        if (file.isEmpty()) {
            Http.notFound(res, req.getRequestURI());
            return;
        }
        String name = file.get().getFileName().toString();
        String type = name.endsWith(".gz") ? "application/gzip"
            : name.equals(Dumps.SUMS) ? "text/plain;charset=utf-8"
            : VoidDescription.mediaType(name) + (name.endsWith(".jsonld") ? "" : ";charset=utf-8");
        res.setStatus(200);
        res.setContentType(type);
        res.setHeader("Access-Control-Allow-Origin", "*");
        res.setContentLengthLong(Files.size(file.get()));
        if (name.endsWith(".gz"))
            res.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        Files.copy(file.get(), res.getOutputStream());
    }

    private void voidDescription(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Path v = dist.resolve(Dumps.VOID);
        res.setHeader("Vary", "Accept");
        res.setHeader("Access-Control-Allow-Origin", "*");
        RDFFormat format = LinkedDataServlet.negotiate(req.getHeader("Accept"));
        if (!Files.isRegularFile(v))
            Http.notFound(res, "the VoID description (run `ftkg build` to write dist/)");
        else if (format == null || format == RDFFormat.TURTLE_PRETTY)
            Http.send(res, 200, "text/turtle;charset=utf-8", Files.readString(v));
        else
            Http.rdf(res, 200, RDFDataMgr.loadGraph(v.toString()), format);
    }

    private void index(HttpServletResponse res) throws IOException {
        Path sums = dist.resolve(Dumps.SUMS);
        List<DumpsPage.File> files = new ArrayList<>();
        boolean built = Files.isRegularFile(sums);
        if (built)
            for (String line : Files.readAllLines(sums)) {
                String[] parts = line.split("  ", 2);
                if (parts.length != 2)
                    continue;
                Optional<Path> f = resolve(dist, parts[1]);
                files.add(new DumpsPage.File(parts[1], f.isPresent() ? Files.size(f.get()) : 0, parts[0]));
            }
        Http.html(res, Pages.render(new DumpsPage(built, files)));
    }

    /**
     * Resolves a request path to a file inside one folder, or nothing: a plain relative name ("a/b.ttl"), no "..",
     * absolute path, backslash, encoded or hidden segment, and its real path (links resolved) still inside the folder.
     */
    private static Optional<Path> resolve(Path root, String relative) {
        if (relative == null || relative.isEmpty() || relative.length() > 512)
            return Optional.empty();
        if (relative.contains("\\") || relative.contains("%") || relative.contains("\0") || relative.startsWith("/"))
            return Optional.empty();
        for (String seg : relative.split("/", -1))
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..") || seg.startsWith("."))
                return Optional.empty();
        try {
            Path base = root.toRealPath();
            Path p = base.resolve(relative).normalize();
            if (!p.startsWith(base) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                return Optional.empty();
            Path real = p.toRealPath();
            return real.startsWith(base) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

package org.w3id.ftkg.serve;

import static org.w3id.ftkg.serve.html.Html.esc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.ftkg.output.Dumps;
import org.w3id.ftkg.output.VoidDescription;
import org.w3id.ftkg.serve.html.Html;

/** {@code /dumps/}: the files of dist/, with their media types, and an index page listing sizes and checksums. */
public final class DumpsServlet extends HttpServlet {
    private final Path dist;

    public DumpsServlet(Path dist) {
        this.dist = dist;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String rel = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (rel.isEmpty() || rel.equals("/")) {
            index(res);
            return;
        }
        Optional<Path> file = FileRoutes.resolve(dist, rel.substring(1));
        if (file.isEmpty()) {
            Http.notFound(res, req.getRequestURI());
            return;
        }
        String name = file.get().getFileName().toString();
        String type = name.endsWith(".gz") ? "application/gzip"
            : name.equals(Dumps.SUMS) ? "text/plain;charset=utf-8"
            : VoidDescription.mediaType(name) + (name.endsWith(".jsonld") || name.endsWith(".nq.gz") ? "" : ";charset=utf-8");
        res.setStatus(200);
        res.setContentType(type);
        res.setHeader("Access-Control-Allow-Origin", "*");
        res.setContentLengthLong(Files.size(file.get()));
        if (name.endsWith(".gz"))
            res.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        Files.copy(file.get(), res.getOutputStream());
    }

    private void index(HttpServletResponse res) throws IOException {
        StringBuilder b = new StringBuilder("<h1>Downloads</h1>\n<p>The whole dataset in several formats. The curated data is ")
            .append("published under <a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>; sizes and ")
            .append("SHA-256 checksums are also in <a href=\"/.well-known/void\">the VoID description</a>.</p>\n");
        Path sums = dist.resolve(Dumps.SUMS);
        if (!Files.isRegularFile(sums)) {
            b.append("<p>No dumps have been built yet: run <code>ftkg build</code>.</p>");
        } else {
            b.append("<table><tr><th>File</th><th>Bytes</th><th>SHA-256</th></tr>");
            for (String line : Files.readAllLines(sums)) {
                String[] parts = line.split("  ", 2);
                if (parts.length != 2)
                    continue;
                Optional<Path> f = FileRoutes.resolve(dist, parts[1]);
                b.append("<tr><td><a href=\"/dumps/").append(esc(parts[1])).append("\">").append(esc(parts[1]))
                    .append("</a></td><td>").append(f.isPresent() ? Files.size(f.get()) : 0).append("</td><td><code>")
                    .append(esc(parts[0])).append("</code></td></tr>");
            }
            b.append("</table>");
        }
        Http.html(res, Html.page("Downloads", b.toString()));
    }
}

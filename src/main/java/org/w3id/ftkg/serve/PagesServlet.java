package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.ftkg.serve.html.HomePage;
import org.w3id.ftkg.serve.html.QueryPage;

/** The home page (and the 404 for any path no other route takes) and the query page. */
public final class PagesServlet extends HttpServlet {
    private final LinkedDataStore store;
    private final Path queries;

    public PagesServlet(LinkedDataStore store, Path queries) {
        this.store = store;
        this.queries = queries;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getRequestURI();
        switch (path) {
            case "", "/", "/index.html" -> Http.html(res, HomePage.render(store));
            case "/sparql" -> Http.html(res, QueryPage.render(examples()));
            default -> Http.notFound(res, path);
        }
    }

    /** The .rq files of queries/, by name. */
    Map<String, String> examples() throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(queries))
            return out;
        try (Stream<Path> s = Files.list(queries)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".rq")).toList())
                out.put(p.getFileName().toString(), Files.readString(p));
        }
        return out;
    }
}

package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.NodeFactory;
import org.w3id.ftkg.serve.html.HomePage;
import org.w3id.ftkg.serve.html.Pages;
import org.w3id.ftkg.serve.html.QueryPage;

/** The home page (and the 404 for any path no other route takes) and the query page. */
public final class PagesServlet extends HttpServlet {
    private final LinkedDataStore store;
    private final ViewRecords records;
    private final Path queries;

    public PagesServlet(LinkedDataStore store, Path queries) {
        this.store = store;
        this.records = new ViewRecords(store);
        this.queries = queries;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getRequestURI();
        switch (path) {
            case "", "/", "/index.html" -> Http.html(res, Pages.render(home()));
            case "/sparql" -> Http.html(res, Pages.render(new QueryPage(examples())));
            default -> Http.notFound(res, path);
        }
    }

    private HomePage home() {
        List<HomePage.Count> counts = store.counts().entrySet().stream().map(c -> new HomePage.Count(c.getKey(), c.getValue())).toList();
        List<org.w3id.ftkg.serve.html.Link> entities = store.exampleEntities(12).stream()
            .map(e -> records.link(NodeFactory.createURI(e))).toList();
        List<HomePage.Source> sources = store.sources().stream().map(s -> new HomePage.Source(s.stem(), s.file(), s.title())).toList();
        return new HomePage(counts, entities, sources);
    }

    /** The .rq files of queries/, by name. */
    List<QueryPage.Example> examples() throws IOException {
        List<QueryPage.Example> out = new ArrayList<>();
        if (!Files.isDirectory(queries))
            return out;
        try (Stream<Path> s = Files.list(queries)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".rq")).sorted().toList())
                out.add(new QueryPage.Example(p.getFileName().toString(), Files.readString(p)));
        }
        return out;
    }
}

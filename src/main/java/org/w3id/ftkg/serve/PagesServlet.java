package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final String base;
    private final String sharePath;
    private final ComputedOnce<Map<String, Long>> counts;
    // Read from the served data on first use (not at start-up), then kept.
    private final ComputedOnce<QueryVocabulary> vocabulary;

    /**
     * {@code base}: where these pages live ("" or {@code /v/VERSION}, whose endpoint is
     * {@code base/ftkg/sparql}); {@code sharePath}: the query page a shared link opens (one that
     * names a release, so that the query reruns on the same data). The home page's counts come
     * from {@code dist}'s VoID file; only without one are they counted in the data (once).
     */
    public PagesServlet(LinkedDataStore store, Path queries, Path dist, String base, String sharePath) {
        this.store = store;
        this.base = base;
        this.sharePath = sharePath;
        this.records = new ViewRecords(store);
        this.queries = queries;
        this.counts = new ComputedOnce<>(() -> ReleaseCounts.of(dist).map(ReleaseCounts::counts).orElseGet(store::counts));
        this.vocabulary = new ComputedOnce<>(() -> QueryVocabulary.of(store.dataset()));
    }

    /** Sources the home page lists; /sources has them all. */
    static final int HOME_SOURCES = 20;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getRequestURI().substring(base.length());
        switch (path) {
            case "", "/", "/index.html" -> Http.html(res, Pages.render(home()));
            case "/sparql" -> Http.html(res, Pages.render(queryPage(req.getParameter("query"), req.getParameter("example"))));
            case "/sparql/prefixes.json" -> json(res, vocabulary.get().prefixesJson());
            case "/sparql/terms.json" -> json(res, vocabulary.get().termsJson());
            default -> Http.notFound(res, req.getRequestURI());
        }
    }

    private HomePage home() {
        List<HomePage.Count> counts = this.counts.get().entrySet().stream().map(c -> new HomePage.Count(c.getKey(), c.getValue())).toList();
        List<org.w3id.ftkg.serve.html.Link> entities = store.exampleEntities(ViewsServlet.HOME_EXAMPLES).stream()
            .map(e -> records.link(NodeFactory.createURI(e))).toList();
        List<LinkedDataStore.Source> all = store.sources();
        List<HomePage.Source> sources = all.stream().limit(HOME_SOURCES).map(s -> new HomePage.Source(s.stem(), s.file(), s.title()))
            .toList();
        return new HomePage(counts, entities, sources, all.size());
    }

    /**
     * The query page opened on a query: the one in the link ({@code ?query=}, what a shared link
     * holds), else the named example, else the page's default.
     */
    QueryPage queryPage(String query, String example) throws IOException {
        List<QueryPage.Example> examples = examples();
        if (query != null && !query.isBlank())
            return new QueryPage(examples, query, "", base, sharePath);
        for (QueryPage.Example e : examples)
            if (e.name().equals(example))
                return new QueryPage(examples, e.text(), e.name(), base, sharePath);
        return new QueryPage(examples, QueryPage.DEFAULT_QUERY, "", base, sharePath);
    }

    private static void json(HttpServletResponse res, String body) throws IOException {
        res.setHeader("Cache-Control", "public, max-age=3600");
        Http.send(res, 200, "application/json;charset=utf-8", body);
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

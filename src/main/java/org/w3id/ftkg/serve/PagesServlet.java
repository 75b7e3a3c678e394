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

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonBuilder;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.serve.terms.UnknownTerms;
import org.w3id.ftkg.serve.html.HomePage;
import org.w3id.ftkg.serve.html.Link;
import org.w3id.ftkg.serve.html.Pages;
import org.w3id.ftkg.serve.html.QueryPage;

/** The home page (and the 404 of paths no other route takes), the query page, and what the query page reads. */
public final class PagesServlet extends HttpServlet {
    /** The ontology's terms the query editor completes, with their English labels and comments. */
    private static final String TERMS = """
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?iri ?kind (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?comment) WHERE {
          { ?iri a owl:Class BIND("class" AS ?kind) }
          UNION { VALUES ?pt { owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty rdf:Property }
                  ?iri a ?pt BIND("property" AS ?kind) }
          UNION { ?iri a owl:NamedIndividual BIND("individual" AS ?kind) }
          FILTER(STRSTARTS(STR(?iri), "%s"))
          OPTIONAL { ?iri rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), "en")) }
          OPTIONAL { ?iri rdfs:comment ?c FILTER(LANGMATCHES(LANG(?c), "en")) }
        } GROUP BY ?iri ?kind ORDER BY ?iri ?kind""".formatted(Iris.ONTOLOGY);

    private final LinkedDataStore store;
    private final ViewRecords records;
    private final Path queries;
    private final String base;
    private final String sharePath;
    private final ComputedOnce<Map<String, Long>> counts;
    // Read from the served data on first use (not at start-up), then kept.
    private final ComputedOnce<String> terms;
    private final ComputedOnce<UnknownTerms> unknownTerms;

    /**
     * {@code base}: "" or {@code /v/VERSION}; {@code sharePath}: the query page a shared link opens (one naming a
     * release, so the query reruns on the same data). The counts come from {@code dist}'s VoID file if there is one.
     */
    public PagesServlet(LinkedDataStore store, Path queries, Path dist, String base, String sharePath) {
        this.store = store;
        this.base = base;
        this.sharePath = sharePath;
        this.records = new ViewRecords(store);
        this.queries = queries;
        this.counts = new ComputedOnce<>(() -> ReleaseCounts.of(dist).map(ReleaseCounts::counts).orElseGet(store::counts));
        this.terms = new ComputedOnce<>(() -> termsJson(store.dataset()));
        this.unknownTerms = new ComputedOnce<>(() -> UnknownTerms.of(store.dataset()));
    }

    /** The longest query text {@code /sparql/check} parses (the endpoint's own limits are larger than any real query). */
    static final int MAX_CHECKED_CHARS = 100_000;

    /** Sources the home page lists; /sources has them all. */
    static final int HOME_SOURCES = 20;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getRequestURI().substring(base.length());
        switch (path) {
            case "", "/", "/index.html" -> Http.html(res, Pages.render(home()));
            case "/sparql" -> Http.html(res, Pages.render(queryPage(req.getParameter("query"), req.getParameter("example"))));
            case "/sparql/prefixes.json" -> json(res, prefixesJson());
            case "/sparql/terms.json" -> json(res, terms.get());
            case "/sparql/check" -> check(req, res);
            default -> Http.notFound(res, req.getRequestURI());
        }
    }

    /** The query check also takes a form POST, as the endpoint does, for queries too long for an address. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (req.getRequestURI().substring(base.length()).equals("/sparql/check"))
            check(req, res);
        else
            res.sendError(405);
    }

    /** {@code /sparql/check?query=}: the query's unknown {@code ftkg:} terms with suggestions, or 400 with why. */
    private void check(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String text = req.getParameter("query");
        res.setHeader("Cache-Control", "no-store");
        String problem = text == null || text.isBlank() ? "no query to check"
            : text.length() > MAX_CHECKED_CHARS ? "the query is longer than " + MAX_CHECKED_CHARS + " characters" : null;
        Query query = null;
        try {
            if (problem == null)
                query = QueryFactory.create(text, Syntax.syntaxARQ);
        } catch (QueryException e) {
            problem = e.getMessage();
        } catch (StackOverflowError e) {
            problem = "the query is too deeply nested to check";
        }
        if (problem != null) {
            JsonObject error = new JsonObject();
            error.put("error", problem);
            Http.send(res, 400, "application/json;charset=utf-8", error.toString());
            return;
        }
        JsonBuilder b = JsonBuilder.create().startObject().key("unknown").startArray();
        for (UnknownTerms.Unknown u : unknownTerms.get().in(query)) {
            b.startObject().pair("term", "ftkg:" + u.name());
            if (u.suggestion() != null)
                b.pair("suggestion", "ftkg:" + u.suggestion());
            b.pair("message", "unknown term ftkg:" + u.name()
                + (u.suggestion() == null ? "" : "; did you mean ftkg:" + u.suggestion() + "?")).finishObject();
        }
        Http.send(res, 200, "application/json;charset=utf-8", b.finishArray().finishObject().build().toString());
    }

    private HomePage home() {
        List<HomePage.Count> counts = this.counts.get().entrySet().stream().map(c -> new HomePage.Count(c.getKey(), c.getValue())).toList();
        List<Link> entities = store.exampleEntities(ViewsServlet.HOME_EXAMPLES).stream()
            .map(records::link).toList();
        List<LinkedDataStore.Source> all = store.sources();
        return new HomePage(counts, entities, all.stream().limit(HOME_SOURCES)
            .map(s -> new HomePage.Source(s.stem(), s.file(), s.title())).toList(), all.size());
    }

    /** The query page opened on the query in the link ({@code ?query=}), else the named example, else the default. */
    QueryPage queryPage(String query, String example) throws IOException {
        List<QueryPage.Example> examples = examples();
        if (query != null && !query.isBlank())
            return new QueryPage(examples, query, "", base, sharePath);
        QueryPage.Example named = examples.stream().filter(e -> e.name().equals(example)).findFirst()
            .orElse(new QueryPage.Example("", QueryPage.DEFAULT_QUERY));
        return new QueryPage(examples, named.text(), named.name(), base, sharePath);
    }

    /** FTKG's prefixes (and Jena's full-text search's, for {@code text:query}) in prefix.cc's format. */
    private static String prefixesJson() {
        JsonObject prefixes = new JsonObject();
        Vocab.PREFIXES.forEach(prefixes::put);
        prefixes.put("text", "http://jena.apache.org/text#");
        return prefixes.toString();
    }

    private static String termsJson(DatasetGraph dsg) {
        JsonArray terms = new JsonArray();
        for (Binding r : LinkedDataStore.select(dsg, TERMS)) {
            JsonObject o = new JsonObject();
            for (String key : List.of("iri", "kind", "label", "comment"))
                o.put(key, LinkedDataStore.str(r, key));
            terms.add(o);
        }
        return terms.toString();
    }

    private static void json(HttpServletResponse res, String body) throws IOException {
        res.setHeader("Cache-Control", "public, max-age=3600");
        Http.send(res, 200, "application/json;charset=utf-8", body);
    }

    /** The .rq files of queries/, by name. */
    List<QueryPage.Example> examples() throws IOException {
        if (!Files.isDirectory(queries))
            return List.of();
        List<QueryPage.Example> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(queries)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".rq")).sorted().toList())
                out.add(new QueryPage.Example(p.getFileName().toString(), Files.readString(p)));
        }
        return out;
    }
}

package org.w3id.ftkg.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.ftkg.provenance.FactHash;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/**
 * Read access to the served dataset for the Linked Data pages: descriptions of entities, facts
 * and sources, and the facts (with their evidence) that mention a thing. Everything goes
 * through SPARQL inside a read transaction, so the pages work on any backing store.
 */
public final class LinkedDataStore {
    static final String PREFIXES = """
        PREFIX ftkg: <https://w3id.org/ftkg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;

    private static final String FACT_PROVENANCE = PREFIXES + """
        SELECT ?fact ?quote ?file ?start ?end ?cfile ?cline ?hash WHERE {
          GRAPH <https://w3id.org/ftkg/graph/provenance> {
            ?fact a ftkg:FactGraph ; prov:value ?quote ; prov:wasDerivedFrom ?src ;
                  ftkg:curationFile/dcterms:identifier ?cfile ; ftkg:curationLine ?cline ;
                  ftkg:evidence/oa:hasTarget/oa:hasSelector ?pos .
            ?pos oa:start ?start ; oa:end ?end .
            ?src dcterms:identifier ?file .
            OPTIONAL { ?fact ftkg:factHash ?hash }
          }
        }""";

    private final DatasetGraph dsg;
    private final Map<String, String> labelCache = new java.util.concurrent.ConcurrentHashMap<>();

    public LinkedDataStore(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    public DatasetGraph dataset() {
        return dsg;
    }

    private List<QuerySolution> select(String query) {
        return dsg.calculateRead(() -> {
            List<QuerySolution> out = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.create(query, DatasetFactory.wrap(dsg))) {
                qe.execSelect().forEachRemaining(r -> out.add(LinkedDataStore.detached(r)));
            }
            return out;
        });
    }

    /**
     * A copy of a result row whose values are read now: rows from TDB2 fetch their nodes lazily,
     * which fails once the read transaction has ended.
     */
    static QuerySolution detached(QuerySolution r) {
        org.apache.jena.query.QuerySolutionMap m = new org.apache.jena.query.QuerySolutionMap();
        r.varNames().forEachRemaining(v -> {
            if (r.get(v) != null)
                m.add(v, r.get(v));
        });
        return m;
    }

    private static String bind(String query, String var, Node value) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(query);
        pss.setParam(var, value);
        return pss.toString();
    }

    /** Triples describing a Linked Data IRI; empty if the IRI names nothing in the data. */
    public Graph describe(String iri) {
        Node n = NodeFactory.createURI(iri);
        Graph g = GraphFactory.createDefaultGraph();
        dsg.executeRead(() -> {
            if (iri.startsWith(Iris.FACT)) {
                if (!dsg.containsGraph(n))
                    return;
                dsg.getGraph(n).find().forEachRemaining(g::add);
                provenanceOf(iri, g);
            } else if (iri.startsWith(Iris.SOURCE)) {
                provenanceOf(iri, g);
                if (g.isEmpty())
                    return;
                dsg.getDefaultGraph().find(n, Node.ANY, Node.ANY).forEachRemaining(g::add);
            } else {
                Graph union = dsg.getDefaultGraph();
                union.find(n, Node.ANY, Node.ANY).forEachRemaining(g::add);
                if (g.isEmpty())
                    return;
                union.find(Node.ANY, Node.ANY, n).forEachRemaining(g::add);
                // Parts minted under this IRI (none today) and quantities hang off fact fragments.
                g.find(n, Vocab.QUANTITY_PROP, Node.ANY).toList()
                    .forEach(t -> union.find(t.getObject(), Node.ANY, Node.ANY).forEachRemaining(g::add));
            }
        });
        return g;
    }

    /** The provenance of a fact or source: its own triples and those of its parts (#evidence, #quote, ...), by index lookups. */
    private void provenanceOf(String iri, Graph g) {
        Graph prov = dsg.getGraph(Iris.PROVENANCE_GRAPH);
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(NodeFactory.createURI(iri)));
        java.util.Set<Node> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            Node s = todo.poll();
            if (!seen.add(s))
                continue;
            prov.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
                g.add(t);
                Node o = t.getObject();
                if (o.isURI() && o.getURI().startsWith(iri + "#"))
                    todo.add(o);
            });
        }
    }

    /**
     * A literal as a reader expects it: the dumps write decimals in canonical form ("10000.0", the form
     * TDB2 gives back, so that fact hashes recompute), but a page shows a whole number as the text did.
     */
    static String shown(Node literal) {
        String lex = literal.getLiteralLexicalForm();
        if (org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal.getURI().equals(literal.getLiteralDatatypeURI())
            && lex.matches("-?[0-9]+\\.0+"))
            return lex.substring(0, lex.indexOf('.'));
        return lex;
    }

    /** The English label of a node (or a readable fallback), cached. */
    public String label(Node n) {
        if (n.isLiteral())
            return shown(n);
        if (!n.isURI())
            return n.toString();
        return labelCache.computeIfAbsent(n.getURI(), k -> dsg.calculateRead(() -> {
            String fallback = null;
            var it = dsg.getDefaultGraph().find(n, Vocab.LABEL, Node.ANY);
            try {
                while (it.hasNext()) {
                    Node l = it.next().getObject();
                    if ("en".equals(l.getLiteralLanguage()))
                        return l.getLiteralLexicalForm();
                    fallback = l.getLiteralLexicalForm();
                }
            } finally {
                it.close();
            }
            if (fallback != null)
                return fallback;
            String u = n.getURI();
            int cut = Math.max(u.lastIndexOf('#'), u.lastIndexOf('/'));
            return u.substring(cut + 1);
        }));
    }

    /**
     * An event's label, most specific class, date, date words, whether the date is inferred, and
     * status, by index lookups in the union graph; empty if the thing is not an event.
     */
    public Optional<ViewQueries.TimelineItem> event(Node e) {
        return dsg.calculateRead(() -> {
            Graph union = dsg.getDefaultGraph();
            List<Node> types = union.find(e, Vocab.TYPE, Node.ANY).mapWith(Triple::getObject)
                .filterKeep(t -> Neighbourhood.ancestors(union, t).contains(Vocab.EVENT)).toList();
            if (types.isEmpty())
                return Optional.<ViewQueries.TimelineItem>empty();
            Node type = types.stream().filter(t -> !t.equals(Vocab.EVENT)).min(java.util.Comparator.comparing(Node::getURI))
                .orElse(Vocab.EVENT);
            // The date as the text gives it: on a day (or month, year), else the start or end of a span.
            Node date = first(union, e, Vocab.DATE);
            if (date == null)
                date = first(union, e, Iris.term("startDate"));
            if (date == null)
                date = first(union, e, Iris.term("endDate"));
            Node dateText = first(union, e, Vocab.DATE_TEXT);
            Node inferred = first(union, e, Vocab.DATE_INFERRED);
            Node status = first(union, e, Vocab.STATUS);
            Node shown = date;
            return Optional.of(new ViewQueries.TimelineItem(e.getURI(), label(e), type.getURI(), label(type),
                shown == null ? "" : date.getLiteralLexicalForm(), date == null ? "" : date.getLiteralDatatypeURI(),
                dateText == null ? "" : dateText.getLiteralLexicalForm(),
                inferred != null && "true".equals(inferred.getLiteralLexicalForm()), status == null ? "" : label(status),
                new ArrayList<>(), new ArrayList<>()));
        });
    }

    /** A thing's ftkg:sortDate (the earliest, should two facts disagree), as an ISO date. */
    public Optional<String> sortDate(Node e) {
        return dsg.calculateRead(() -> {
            Graph union = dsg.getDefaultGraph();
            return union.find(e, Vocab.SORT_DATE, Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).toList()
                .stream().min(java.util.Comparator.naturalOrder());
        });
    }

    /** The object of the first (s, p, ?) triple, or null; the iterator is closed (TDB2 needs that). */
    static Node first(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    /** Every fact whose graph mentions {@code iri} as subject or object, in source order. */
    public List<FactView> factsMentioning(String iri) {
        return views(List.copyOf(dsg.calculateRead(() -> factGraphsMentioning(NodeFactory.createURI(iri)))));
    }

    /**
     * The fact graphs that mention a thing as subject or object, by two quad-index lookups (inside a
     * read transaction). ARQ evaluates {@code GRAPH ?fact { ... }} by visiting every named graph, which
     * JFR showed was nine tenths of an entity page's time on the built-in corpus.
     */
    private java.util.Set<String> factGraphsMentioning(Node it) {
        java.util.Set<String> facts = new java.util.LinkedHashSet<>();
        java.util.function.Consumer<org.apache.jena.sparql.core.Quad> add = q -> {
            if (q.getGraph().isURI() && q.getGraph().getURI().startsWith(Iris.FACT))
                facts.add(q.getGraph().getURI());
        };
        dsg.find(Node.ANY, it, Node.ANY, Node.ANY).forEachRemaining(add);
        dsg.find(Node.ANY, Node.ANY, Node.ANY, it).forEachRemaining(add);
        return facts;
    }

    /** Every fact derived from a source, ordered by where its quote starts. */
    public List<FactView> factsOfSource(String stem) {
        String q = PREFIXES + """
            SELECT ?fact WHERE { GRAPH <https://w3id.org/ftkg/graph/provenance> { ?fact prov:wasDerivedFrom ?src } }""";
        List<String> facts = new ArrayList<>();
        select(bind(q, "src", Iris.source(stem))).forEach(r -> facts.add(r.getResource("fact").getURI()));
        return views(facts);
    }

    /** The source file each of these facts is derived from (fact IRI to file name); one lookup per call. */
    public Map<String, String> sourceFiles(java.util.Collection<String> factIris) {
        if (factIris.isEmpty())
            return Map.of();
        StringBuilder values = new StringBuilder();
        factIris.forEach(f -> values.append(" <").append(f).append(">"));
        String q = PREFIXES + """
            SELECT ?fact ?file WHERE {
              VALUES ?fact { %s }
              GRAPH <https://w3id.org/ftkg/graph/provenance> { ?fact prov:wasDerivedFrom/dcterms:identifier ?file }
            }""".formatted(values);
        Map<String, String> out = new LinkedHashMap<>();
        select(q).forEach(r -> out.put(r.getResource("fact").getURI(), r.getLiteral("file").getString()));
        return out;
    }

    /** The canonical N-Quads (RDFC-1.0) a fact's content hash covers, as the served data has them. */
    public String canonicalFact(String iri) {
        return dsg.calculateRead(() -> FactHash.canonical(FactHash.hashedQuads(dsg, NodeFactory.createURI(iri))));
    }

    public Optional<FactView> fact(String iri) {
        List<FactView> v = views(List.of(iri));
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    private List<FactView> views(List<String> factIris) {
        if (factIris.isEmpty())
            return List.of();
        StringBuilder values = new StringBuilder(" VALUES ?fact {");
        factIris.forEach(f -> values.append(" <").append(f).append(">"));
        values.append(" }");
        String q = FACT_PROVENANCE.substring(0, FACT_PROVENANCE.lastIndexOf('}')) + values + " }";
        Map<String, FactView> out = new LinkedHashMap<>();
        for (QuerySolution r : select(q)) {
            String fact = r.getResource("fact").getURI();
            String file = r.getLiteral("file").getString();
            String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
            List<Triple> triples = dsg.calculateRead(() -> dsg.getGraph(NodeFactory.createURI(fact)).find().toList());
            triples.sort(org.w3id.ftkg.output.Sorted.TRIPLES);
            out.put(fact, new FactView(fact, fact.substring(Iris.FACT.length()), r.getLiteral("quote").getString(), file,
                stem, r.getLiteral("start").getInt(), r.getLiteral("end").getInt(), r.getLiteral("cfile").getString(),
                r.getLiteral("cline").getInt(), triples, r.contains("hash") ? r.getLiteral("hash").getString() : ""));
        }
        List<FactView> list = new ArrayList<>(out.values());
        list.sort(java.util.Comparator.comparing(FactView::sourceFile).thenComparingInt(FactView::start)
            .thenComparing(FactView::id));
        return list;
    }

    /** Counts for the home page. */
    public Map<String, Long> counts() {
        // The data is read-only while served: count once (a scan of a large store is not per request).
        if (counts == null)
            counts = countNow();
        return counts;
    }

    private volatile Map<String, Long> counts;

    private Map<String, Long> countNow() {
        String q = PREFIXES + """
            SELECT (COUNT(DISTINCT ?f) AS ?facts) (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?src) AS ?sources) WHERE {
              { GRAPH <https://w3id.org/ftkg/graph/provenance> { ?f a ftkg:FactGraph } }
              UNION { GRAPH <https://w3id.org/ftkg/graph/provenance> { ?eg a ftkg:CurationGraph } GRAPH ?eg { ?e ftkg:wikidataLinkStatus ?x } }
              UNION { GRAPH <https://w3id.org/ftkg/graph/provenance> { ?src a ftkg:SourceDocument } }
            }""";
        QuerySolution r = select(q).get(0);
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("facts", r.getLiteral("facts").getLong());
        m.put("entities", r.getLiteral("entities").getLong());
        m.put("sources", r.getLiteral("sources").getLong());
        m.put("quads", dsg.calculateRead(() -> {
            long n = 0;
            var it = dsg.find();
            while (it.hasNext()) {
                var quad = it.next();
                if (!quad.isDefaultGraph())
                    n++;
            }
            return n;
        }));
        return m;
    }

    /** A source document: its file name, the stem its IRI ends with, and its title (empty if the text gives none). */
    public record Source(String file, String stem, String title) {}

    /** Source documents, by file name (read once: one row per source, not per fact). */
    public List<Source> sources() {
        List<Source> s = sources;
        if (s == null)
            sources = s = List.copyOf(readSources());
        return s;
    }

    private volatile List<Source> sources;

    private List<Source> readSources() {
        String q = PREFIXES + """
            SELECT ?src ?file ?title WHERE {
              GRAPH <https://w3id.org/ftkg/graph/provenance> { ?src a ftkg:SourceDocument ; dcterms:identifier ?file }
              OPTIONAL { ?src ftkg:title ?title }
            } ORDER BY ?file""";
        List<Source> out = new ArrayList<>();
        for (QuerySolution r : select(q)) {
            String file = r.getLiteral("file").getString();
            out.add(new Source(file, file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file,
                r.contains("title") ? r.getLiteral("title").getString() : ""));
        }
        return out;
    }

    /** Entities ranked for the examples: the first this many in index order, so the ranking is bounded at any size. */
    static final int EXAMPLE_CANDIDATES = 500;

    /**
     * A few entities to start browsing from: those mentioned by the most facts (then by IRI) among
     * the first {@value #EXAMPLE_CANDIDATES} entity records (all of them in a small corpus).
     */
    public List<String> exampleEntities(int n) {
        // The data is read-only while served: rank once, by index lookups per entity rather than a join over every graph.
        return examples.computeIfAbsent(n, k -> dsg.calculateRead(() -> {
            Map<String, Integer> mentions = new java.util.HashMap<>();
            var it = dsg.find(Node.ANY, Node.ANY, Vocab.LINK_STATUS, Node.ANY);
            try {
                while (it.hasNext() && mentions.size() < EXAMPLE_CANDIDATES) {
                    Node e = it.next().getSubject();
                    mentions.computeIfAbsent(e.getURI(), x -> factGraphsMentioning(e).size());
                }
            } finally {
                org.apache.jena.atlas.iterator.Iter.close(it);
            }
            return mentions.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(k).map(Map.Entry::getKey).toList();
        }));
    }

    private final Map<Integer, List<String>> examples = new java.util.concurrent.ConcurrentHashMap<>();
}

package org.w3id.ftkg.serve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.io.FilenameUtils;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.G;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.output.Sorted;
import org.w3id.ftkg.provenance.FactHash;

/** Read access to the served dataset for the pages, always inside a read transaction, so they work on any store. */
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

    /** How long a page's own query may run: a bounded page, so a stuck one is cut off well before a client gives up. */
    static final long TIMEOUT_MS = 20_000;

    /** Entities ranked for the examples: the first this many in index order, so the ranking is bounded at any size. */
    static final int EXAMPLE_CANDIDATES = 500;

    private final DatasetGraph dsg;
    private final Map<String, String> labelCache = new ConcurrentHashMap<>();
    // The data is read-only while served: what is read once here is kept.
    private final Map<Integer, List<String>> examples = new ConcurrentHashMap<>();
    private final ComputedOnce<List<Source>> sources = new ComputedOnce<>(this::readSources);

    public LinkedDataStore(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    public DatasetGraph dataset() {
        return dsg;
    }

    /** The rows, detached: rows from TDB2 fetch their nodes lazily, which fails once the read transaction has ended. */
    static List<Binding> select(DatasetGraph dsg, String query) {
        return dsg.calculateRead(() -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(query).timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).build()) {
                return qe.select().stream().map(Binding::detach).toList();
            }
        });
    }

    /** A variable's value as a string (a literal's lexical form, an IRI), or "" when unbound. */
    static String str(Binding r, String var) {
        Node n = r.get(var);
        return n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.getURI();
    }

    /** Triples describing a Linked Data IRI; empty if the IRI names nothing in the data. */
    public Graph describe(String iri) {
        Node n = Iris.uri(iri);
        Graph g = GraphFactory.createDefaultGraph();
        dsg.executeRead(() -> {
            Graph union = dsg.getDefaultGraph();
            if (iri.startsWith(Iris.FACT)) {
                if (!dsg.containsGraph(n))
                    return;
                dsg.getGraph(n).find().forEachRemaining(g::add);
                provenanceOf(iri, g);
            } else if (iri.startsWith(Iris.SOURCE)) {
                provenanceOf(iri, g);
                if (!g.isEmpty())
                    union.find(n, Node.ANY, Node.ANY).forEachRemaining(g::add);
            } else {
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

    /** The provenance of a fact or source: its own triples and those of its parts (#evidence, #quote, ...), by lookups. */
    private void provenanceOf(String iri, Graph g) {
        Graph prov = dsg.getGraph(Iris.PROVENANCE_GRAPH);
        ArrayDeque<Node> todo = new ArrayDeque<>(List.of(Iris.uri(iri)));
        Set<Node> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Node s = todo.poll();
            if (seen.add(s))
                prov.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
                    g.add(t);
                    if (t.getObject().isURI() && t.getObject().getURI().startsWith(iri + "#"))
                        todo.add(t.getObject());
                });
        }
    }

    /**
     * A literal as a reader expects it: the dumps write decimals in canonical form ("10000.0", the form
     * TDB2 gives back, so that fact hashes recompute), but a page shows a whole number as the text did.
     */
    static String shown(Node literal) {
        String lex = literal.getLiteralLexicalForm();
        if (XSDDatatype.XSDdecimal.getURI().equals(literal.getLiteralDatatypeURI()) && lex.matches("-?[0-9]+\\.0+"))
            return lex.substring(0, lex.indexOf('.'));
        return lex;
    }

    /** The English label of a node (else any label, else the IRI's last segment), cached. */
    public String label(Node n) {
        if (n.isLiteral())
            return shown(n);
        if (!n.isURI())
            return n.toString();
        return labelCache.computeIfAbsent(n.getURI(), u -> dsg.calculateRead(() -> {
            List<Node> labels = dsg.getDefaultGraph().find(n, Vocab.LABEL, Node.ANY).mapWith(Triple::getObject).toList();
            return labels.stream().filter(l -> "en".equals(l.getLiteralLanguage())).findFirst()
                .or(() -> labels.stream().reduce((a, b) -> b)).map(Node::getLiteralLexicalForm)
                .orElseGet(() -> u.substring(Math.max(u.lastIndexOf('#'), u.lastIndexOf('/')) + 1));
        }));
    }

    /** An event's label, most specific class, date (on a day, else a span's start or end), date words and status. */
    public Optional<ViewQueries.TimelineItem> event(Node e) {
        return dsg.calculateRead(() -> {
            Graph union = dsg.getDefaultGraph();
            List<Node> types = union.find(e, Vocab.TYPE, Node.ANY).mapWith(Triple::getObject)
                .filterKeep(t -> G.superClasses(union, t).contains(Vocab.EVENT)).toList();
            if (types.isEmpty())
                return Optional.empty();
            Node type = types.stream().filter(t -> !t.equals(Vocab.EVENT)).min(Comparator.comparing(Node::getURI))
                .orElse(Vocab.EVENT);
            Node date = Stream.of(Vocab.DATE, Iris.term("startDate"), Iris.term("endDate"))
                .map(p -> G.getSP(union, e, p)).filter(Objects::nonNull).findFirst().orElse(null);
            Node status = G.getSP(union, e, Vocab.STATUS);
            return Optional.of(new ViewQueries.TimelineItem(e.getURI(), label(e), label(type), lexical(date),
                date == null ? "" : date.getLiteralDatatypeURI(), lexical(G.getSP(union, e, Vocab.DATE_TEXT)),
                lexical(G.getSP(union, e, Vocab.DATE_INFERRED)).equals("true"), status == null ? "" : label(status),
                new ArrayList<>(), new ArrayList<>()));
        });
    }

    /** A thing's ftkg:sortDate (the earliest, should two facts disagree), as an ISO date. */
    public Optional<String> sortDate(Node e) {
        return dsg.calculateRead(() -> dsg.getDefaultGraph().find(e, Vocab.SORT_DATE, Node.ANY)
            .mapWith(t -> t.getObject().getLiteralLexicalForm()).toList().stream().min(Comparator.naturalOrder()));
    }

    private static String lexical(Node literal) {
        return literal == null ? "" : literal.getLiteralLexicalForm();
    }

    /** The file name of the source a fact is derived from, or null (inside a read transaction). */
    String sourceFile(Node fact) {
        Graph prov = dsg.getGraph(Iris.PROVENANCE_GRAPH);
        Node src = G.getSP(prov, fact, Vocab.PROV_WAS_DERIVED_FROM);
        Node file = src == null ? null : G.getSP(prov, src, Vocab.DCT_IDENTIFIER);
        return file == null ? null : file.getLiteralLexicalForm();
    }

    /** Every fact whose graph mentions {@code iri} as subject or object, in source order. */
    public List<FactView> factsMentioning(String iri) {
        return views(List.copyOf(dsg.calculateRead(() -> factGraphsMentioning(Iris.uri(iri)))));
    }

    /**
     * The fact graphs that mention a thing, by two quad-index lookups: ARQ evaluates {@code GRAPH ?fact {...}}
     * by visiting every named graph, which JFR showed was nine tenths of an entity page's time.
     */
    private Set<String> factGraphsMentioning(Node it) {
        Set<String> facts = new LinkedHashSet<>();
        for (var found : List.of(dsg.find(Node.ANY, it, Node.ANY, Node.ANY), dsg.find(Node.ANY, Node.ANY, Node.ANY, it)))
            found.forEachRemaining(q -> {
                if (Iris.isFactGraph(q.getGraph()))
                    facts.add(q.getGraph().getURI());
            });
        return facts;
    }

    /** Every fact derived from a source, ordered by where its quote starts. */
    public List<FactView> factsOfSource(String stem) {
        return views(dsg.calculateRead(() -> dsg.getGraph(Iris.PROVENANCE_GRAPH)
            .find(Node.ANY, Vocab.PROV_WAS_DERIVED_FROM, Iris.source(stem)).mapWith(t -> t.getSubject().getURI()).toList()));
    }

    /** The source file each of these facts is derived from (fact IRI to file name). */
    public Map<String, String> sourceFiles(Collection<String> factIris) {
        Map<String, String> out = new HashMap<>();
        dsg.executeRead(() -> factIris.forEach(f -> Optional.ofNullable(sourceFile(Iris.uri(f)))
            .ifPresent(file -> out.put(f, file))));
        return out;
    }

    /** The canonical N-Quads (RDFC-1.0) a fact's content hash covers, as the served data has them. */
    public String canonicalFact(String iri) {
        return dsg.calculateRead(() -> FactHash.canonical(FactHash.hashedQuads(dsg, Iris.uri(iri))));
    }

    public Optional<FactView> fact(String iri) {
        return views(List.of(iri)).stream().findFirst();
    }

    private List<FactView> views(List<String> factIris) {
        if (factIris.isEmpty())
            return List.of();
        String values = factIris.stream().map(f -> " <" + f + ">").collect(Collectors.joining("", " VALUES ?fact {", " }"));
        Map<String, FactView> out = new LinkedHashMap<>();
        for (Binding r : select(dsg, FACT_PROVENANCE.substring(0, FACT_PROVENANCE.lastIndexOf('}')) + values + " }")) {
            String fact = str(r, "fact"), file = str(r, "file");
            List<Triple> triples = new ArrayList<>(dsg.calculateRead(() -> dsg.getGraph(Iris.uri(fact)).find().toList()));
            triples.sort(Sorted.TRIPLES);
            out.put(fact, new FactView(fact, fact.substring(Iris.FACT.length()), str(r, "quote"), file,
                FilenameUtils.removeExtension(file), Integer.parseInt(str(r, "start")), Integer.parseInt(str(r, "end")),
                str(r, "cfile"), Integer.parseInt(str(r, "cline")), triples, str(r, "hash")));
        }
        return out.values().stream().sorted(Comparator.comparing(FactView::sourceFile).thenComparingInt(FactView::start)
            .thenComparing(FactView::id)).toList();
    }

    /** Counts for the home page: facts, entities, sources and quads (a scan: the caller keeps the answer). */
    public Map<String, Long> counts() {
        Binding r = select(dsg, PREFIXES + """
            SELECT (COUNT(DISTINCT ?f) AS ?facts) (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?src) AS ?sources) WHERE {
              { GRAPH <https://w3id.org/ftkg/graph/provenance> { ?f a ftkg:FactGraph } }
              UNION { GRAPH <https://w3id.org/ftkg/graph/provenance> { ?eg a ftkg:CurationGraph } GRAPH ?eg { ?e ftkg:wikidataLinkStatus ?x } }
              UNION { GRAPH <https://w3id.org/ftkg/graph/provenance> { ?src a ftkg:SourceDocument } }
            }""").get(0);
        Map<String, Long> m = new LinkedHashMap<>();
        for (String count : List.of("facts", "entities", "sources"))
            m.put(count, Long.parseLong(str(r, count)));
        m.put("quads", dsg.calculateRead(() -> dsg.stream().filter(q -> !q.isDefaultGraph()).count()));
        return m;
    }

    /** A source document: its file name, the stem its IRI ends with, and its title (empty if the text gives none). */
    public record Source(String file, String stem, String title) {}

    /** Source documents, by file name (read once: one row per source, not per fact). */
    public List<Source> sources() {
        return sources.get();
    }

    private List<Source> readSources() {
        return select(dsg, PREFIXES + """
            SELECT ?src ?file ?title WHERE {
              GRAPH <https://w3id.org/ftkg/graph/provenance> { ?src a ftkg:SourceDocument ; dcterms:identifier ?file }
              OPTIONAL { ?src ftkg:title ?title }
            } ORDER BY ?file""").stream()
            .map(r -> new Source(str(r, "file"), FilenameUtils.removeExtension(str(r, "file")), str(r, "title")))
            .toList();
    }

    /**
     * A few entities to start browsing from: those mentioned by the most facts (then by IRI) among the
     * first {@value #EXAMPLE_CANDIDATES} entity records, ranked once by index lookups, not a join over every graph.
     */
    public List<String> exampleEntities(int n) {
        return examples.computeIfAbsent(n, k -> dsg.calculateRead(() -> {
            Map<String, Integer> mentions = new HashMap<>();
            var it = dsg.find(Node.ANY, Node.ANY, Vocab.LINK_STATUS, Node.ANY);
            try {
                while (it.hasNext() && mentions.size() < EXAMPLE_CANDIDATES) {
                    Node e = it.next().getSubject();
                    mentions.computeIfAbsent(e.getURI(), x -> factGraphsMentioning(e).size());
                }
            } finally {
                Iter.close(it);
            }
            return mentions.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(k).map(Map.Entry::getKey).toList();
        }));
    }
}

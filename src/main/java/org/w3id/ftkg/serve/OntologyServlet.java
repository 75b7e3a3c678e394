package org.w3id.ftkg.serve;

import static org.w3id.ftkg.serve.LinkedDataServlet.SUFFIXES;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.serve.html.Link;
import org.w3id.ftkg.serve.html.OntologyPage;
import org.w3id.ftkg.serve.html.Pages;
import org.w3id.ftkg.serve.html.Statement;

/**
 * {@code /ontology} dereferenced as W3C vocabularies are, made once: the ontology graph as RDF, or the reference page
 * (each term's labels, comments, domain, range, uses by the data as VoID counts them, and an example with its fact).
 */
public final class OntologyServlet extends HttpServlet {
    static final String PATH = "/ontology";
    /** How many of a term's uses are looked through for one stated by a fact rather than an entity record. */
    private static final int EXAMPLE_LOOKS = 10_000;

    private final DatasetGraph dsg;
    private final ViewRecords records;
    private final Path dist;
    private final ComputedOnce<Graph> graph = new ComputedOnce<>(this::readGraph);
    private final ComputedOnce<OntologyPage> page = new ComputedOnce<>(this::readPage);

    /** {@code dist}: the served release's dumps, whose VoID description counts each term's uses. */
    public OntologyServlet(LinkedDataStore store, Path dist) {
        this.dsg = store.dataset();
        this.records = new ViewRecords(store);
        this.dist = dist;
    }

    static void mount(FusekiServer.Builder b, OntologyServlet servlet) {
        b.addServlet(PATH, servlet);
        for (String suffix : SUFFIXES.keySet())
            b.addServlet(PATH + suffix, servlet);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Vary", "Accept");
        res.setHeader("Access-Control-Allow-Origin", "*");
        String path = req.getServletPath();
        RDFFormat format = path.equals(PATH) ? LinkedDataServlet.negotiate(req.getHeader("Accept"))
            : SUFFIXES.get(path.substring(PATH.length()));
        if (format == null)
            Http.html(res, Pages.render(page.get()));
        else
            Http.rdf(res, 200, graph.get(), format);
    }

    /** A copy of the ontology graph with FTKG's prefixes, for RDF answers. */
    private Graph readGraph() {
        return dsg.calculateRead(() -> {
            Graph g = GraphFactory.createDefaultGraph();
            dsg.getGraph(Iris.ONTOLOGY_GRAPH).find().forEachRemaining(g::add);
            Vocab.PREFIXES.forEach(g.getPrefixMapping()::setNsPrefix);
            g.getPrefixMapping().setNsPrefix("vann", "http://purl.org/vocab/vann/");
            return g;
        });
    }

    private OntologyPage readPage() {
        Graph g = graph.get();
        Set<Node> classes = terms(g, OWL.Class.asNode()), properties = terms(g, OWL.ObjectProperty.asNode()),
            individuals = terms(g, OWL.NamedIndividual.asNode());
        properties.addAll(terms(g, OWL.DatatypeProperty.asNode()));
        Map<String, Long> usage = ReleaseCounts.termUses(dist).orElseGet(() -> counted(classes, properties));
        Node ontology = Iris.uri(Iris.ONTOLOGY_IRI);
        List<OntologyPage.Section> sections = List.of(
            new OntologyPage.Section("classes", "Classes", classes.stream().map(c -> term(g, c, "class",
                RDFS.subClassOf.asNode(), usage.getOrDefault(c.getURI(), 0L), Node.ANY, Vocab.TYPE, c)).toList()),
            new OntologyPage.Section("properties", "Properties", properties.stream().map(p -> term(g, p,
                g.contains(p, Vocab.TYPE, OWL.ObjectProperty.asNode()) ? "object property" : "datatype property",
                RDFS.subPropertyOf.asNode(), usage.getOrDefault(p.getURI(), 0L), Node.ANY, p, Node.ANY)).toList()),
            new OntologyPage.Section("individuals", "Individuals",
                individuals.stream().map(i -> term(g, i, "individual", Vocab.TYPE,
                    dsg.calculateRead(() -> distinct(Node.ANY, Node.ANY, i)), Node.ANY, Node.ANY, i)).toList()));
        return new OntologyPage(Iris.ONTOLOGY_IRI, text(g, ontology, Vocab.LABEL, "en"), text(g, ontology, Vocab.COMMENT, "en"),
            text(g, ontology, OWL.versionInfo.asNode(), ""), sections);
    }

    /** The FTKG terms of this type, by local name (letter case ignored). */
    private static Set<Node> terms(Graph g, Node type) {
        return g.find(Node.ANY, Vocab.TYPE, type).mapWith(Triple::getSubject)
            .filterKeep(n -> n.isURI() && n.getURI().startsWith(Iris.ONTOLOGY)).toList().stream()
            .sorted(Comparator.comparing((Node n) -> n.getURI().toLowerCase(Locale.ROOT)).thenComparing(Node::getURI))
            .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private OntologyPage.Term term(Graph g, Node t, String kind, Node superProperty, long uses, Node s, Node p, Node o) {
        String name = t.getURI().substring(Iris.ONTOLOGY.length());
        List<Link> supers = links(g, t, superProperty);
        if (kind.equals("individual"))
            supers = supers.stream().filter(l -> !l.label().equals("owl:NamedIndividual")).toList();
        Quad example = uses == 0 ? null : example(s, p, o);
        Statement statement = example == null ? null : records.statement(example.asTriple());
        Link source = example == null ? null
            : Iris.isFactGraph(example.getGraph()) ? records.link(example.getGraph())
            : Link.to(example.getSubject().getURI(), "entity record of " + records.link(example.getSubject()).label());
        return new OntologyPage.Term(name, t.getURI(), kind, text(g, t, Vocab.LABEL, "en"), text(g, t, Vocab.LABEL, "es"),
            text(g, t, Vocab.COMMENT, "en"), text(g, t, Vocab.COMMENT, "es"), supers, links(g, t, RDFS.domain.asNode()),
            links(g, t, RDFS.range.asNode()), uses, statement, source);
    }

    /** A quad of the data graphs that matches, from a fact if one of the first uses is from a fact. */
    private Quad example(Node s, Node p, Node o) {
        return dsg.calculateRead(() -> {
            Quad fallback = null;
            var it = dsg.find(Node.ANY, s, p, o);
            try {
                for (int i = 0; i < EXAMPLE_LOOKS && it.hasNext(); i++) {
                    Quad q = it.next();
                    if (Iris.isFactGraph(q.getGraph()) && q.getSubject().isURI())
                        return q;
                    if (fallback == null && Iris.isEntityGraph(q.getGraph()) && q.getSubject().isURI())
                        fallback = q;
                }
            } finally {
                Iter.close(it);
            }
            return fallback;
        });
    }

    /** The objects as links: FTKG's terms to their anchor on this page, others to themselves by prefixed name. */
    private static List<Link> links(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isURI).mapWith(Node::getURI).toList()
            .stream().map(iri -> iri.startsWith(Iris.ONTOLOGY) ? new Link("#" + iri.substring(Iris.ONTOLOGY.length()),
                "ftkg:" + iri.substring(Iris.ONTOLOGY.length())) : new Link(iri, g.getPrefixMapping().shortForm(iri)))
            .sorted(Comparator.comparing(Link::label)).toList();
    }

    /** The value in this language ("" for any), or "". */
    private static String text(Graph g, Node s, Node p, String lang) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList().stream()
            .filter(o -> o.isLiteral() && (lang.isEmpty() || lang.equals(o.getLiteralLanguage())))
            .map(Node::getLiteralLexicalForm).findFirst().orElse("");
    }

    /** The uses VoID counts, counted in the data through the index: for data served without its VoID description. */
    private Map<String, Long> counted(Set<Node> classes, Set<Node> properties) {
        return dsg.calculateRead(() -> {
            Map<String, Long> counts = new HashMap<>();
            for (Node c : classes)
                counts.put(c.getURI(), distinct(Node.ANY, Vocab.TYPE, c));
            for (Node p : properties)
                counts.put(p.getURI(), distinct(Node.ANY, p, Node.ANY));
            return counts;
        });
    }

    /** Distinct triples of the data graphs that match; a triple several graphs state counts once, as in VoID. */
    private long distinct(Node s, Node p, Node o) {
        try (Stream<Quad> quads = dsg.stream(Node.ANY, s, p, o)) {
            return quads.filter(q -> Iris.isDataGraph(q.getGraph())).map(Quad::asTriple).distinct().count();
        }
    }
}

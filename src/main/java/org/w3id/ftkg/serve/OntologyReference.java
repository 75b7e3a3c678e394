package org.w3id.ftkg.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.serve.html.Link;
import org.w3id.ftkg.serve.html.OntologyPage;
import org.w3id.ftkg.serve.html.Statement;

/**
 * The ontology as the served data carries it (its ontology graph, derived from
 * {@code ontology/ftkg.ttl}): as RDF, and as the reference page, where each term has its labels,
 * comments, domain, range, how many triples of the data use it (the VoID partitions of the
 * release) and one of them, with the fact that states it.
 */
final class OntologyReference {
    /** How many of a term's uses are looked through for one stated by a fact rather than an entity record. */
    private static final int EXAMPLE_LOOKS = 10_000;

    private final DatasetGraph dsg;
    private final ViewRecords records;
    private final Path dist;

    OntologyReference(LinkedDataStore store, Path dist) {
        this.dsg = store.dataset();
        this.records = new ViewRecords(store);
        this.dist = dist;
    }

    /** A copy of the ontology graph with FTKG's prefixes, for RDF answers. */
    Graph graph() {
        return dsg.calculateRead(() -> {
            Graph g = GraphFactory.createDefaultGraph();
            dsg.getGraph(Iris.ONTOLOGY_GRAPH).find().forEachRemaining(g::add);
            Vocab.PREFIXES.forEach(g.getPrefixMapping()::setNsPrefix);
            g.getPrefixMapping().setNsPrefix("vann", "http://purl.org/vocab/vann/");
            return g;
        });
    }

    OntologyPage page() {
        Graph g = graph();
        Set<Node> classes = terms(g, OWL.Class.asNode()), properties = new LinkedHashSet<>(),
            individuals = terms(g, OWL.NamedIndividual.asNode());
        properties.addAll(terms(g, OWL.ObjectProperty.asNode()));
        properties.addAll(terms(g, OWL.DatatypeProperty.asNode()));
        TermUsage usage = TermUsage.of(dist).orElseGet(() -> TermUsage.counted(dsg, classes, properties));
        Node ontology = Iris.uri(Iris.ONTOLOGY_IRI);
        List<OntologyPage.Section> sections = List.of(
            new OntologyPage.Section("classes", "Classes",
                classes.stream().map(c -> term(g, c, "class", RDFS.subClassOf.asNode(), usage.of(c.getURI()),
                    Node.ANY, Vocab.TYPE, c)).toList()),
            new OntologyPage.Section("properties", "Properties",
                properties.stream().map(p -> term(g, p, g.contains(p, Vocab.TYPE, OWL.ObjectProperty.asNode())
                    ? "object property" : "datatype property", RDFS.subPropertyOf.asNode(), usage.of(p.getURI()),
                    Node.ANY, p, Node.ANY)).toList()),
            new OntologyPage.Section("individuals", "Individuals",
                individuals.stream().map(i -> term(g, i, "individual", Vocab.TYPE,
                    dsg.calculateRead(() -> TermUsage.distinct(dsg, Node.ANY, Node.ANY, i)), Node.ANY, Node.ANY, i)).toList()));
        return new OntologyPage(Iris.ONTOLOGY_IRI, text(g, ontology, Vocab.LABEL, "en"), text(g, ontology, Vocab.COMMENT, "en"),
            text(g, ontology, OWL.versionInfo.asNode(), ""), sections);
    }

    /** The FTKG terms of this type, by local name (letter case ignored). */
    private static Set<Node> terms(Graph g, Node type) {
        Set<Node> out = new LinkedHashSet<>();
        g.find(Node.ANY, Vocab.TYPE, type).mapWith(Triple::getSubject)
            .filterKeep(n -> n.isURI() && n.getURI().startsWith(Iris.ONTOLOGY)).toList().stream()
            .sorted(Comparator.comparing((Node n) -> n.getURI().toLowerCase(Locale.ROOT)).thenComparing(Node::getURI))
            .forEach(out::add);
        return out;
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
                org.apache.jena.atlas.iterator.Iter.close(it);
            }
            return fallback;
        });
    }

    /** The objects as links: FTKG's terms to their anchor on this page, others to themselves by prefixed name. */
    private static List<Link> links(Graph g, Node s, Node p) {
        List<Link> out = new ArrayList<>();
        for (Node o : g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList()) {
            if (!o.isURI())
                continue;
            String iri = o.getURI();
            out.add(iri.startsWith(Iris.ONTOLOGY) ? new Link("#" + iri.substring(Iris.ONTOLOGY.length()),
                "ftkg:" + iri.substring(Iris.ONTOLOGY.length())) : new Link(iri, g.getPrefixMapping().shortForm(iri)));
        }
        out.sort(Comparator.comparing(Link::label));
        return out;
    }

    /** The value in this language ("" for any), or "". */
    private static String text(Graph g, Node s, Node p, String lang) {
        for (Node o : g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList())
            if (o.isLiteral() && (lang.isEmpty() || lang.equals(o.getLiteralLanguage())))
                return o.getLiteralLexicalForm();
        return "";
    }
}

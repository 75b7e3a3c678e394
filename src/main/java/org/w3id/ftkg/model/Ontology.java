package org.w3id.ftkg.model;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.ftkg.files.InputFile;
import org.w3id.ftkg.shapes.ShapeCheck;
import org.w3id.ftkg.diagnostics.Problems;

/** The FTKG ontology as the curation's vocabulary: classes, properties, domains, ranges, subclass closure. */
public final class Ontology {
    public static final String FILE = "ontology/ftkg.ttl";

    public enum Kind { CLASS, OBJECT_PROPERTY, DATATYPE_PROPERTY }

    public record Term(String localName, Node iri, Kind kind, Node domain, Node range) {}

    private final Graph graph;
    private final Map<String, Term> terms = new HashMap<>();
    private final Map<Node, Set<Node>> superClasses = new HashMap<>();

    private Ontology(Graph graph) {
        this.graph = graph;
        index(OWL.Class.asNode(), Kind.CLASS);
        index(OWL.ObjectProperty.asNode(), Kind.OBJECT_PROPERTY);
        index(OWL.DatatypeProperty.asNode(), Kind.DATATYPE_PROPERTY);
    }

    public static Optional<Ontology> load(Path project, Problems problems) {
        // The shapes beside it are read later (checks, digests, dumps): a pipe there must fail here, before any is opened.
        Path shapes = project.resolve(ShapeCheck.FILE);
        boolean shapesReadable = InputFile.check(shapes.getParent(), shapes, ShapeCheck.FILE, problems);
        return InputFile.rdf(project, FILE, "the ontology", problems).filter(g -> shapesReadable).map(Ontology::new);
    }

    private void index(Node type, Kind kind) {
        for (Node s : G.listPO(graph, RDF.type.asNode(), type))
            if (s.isURI() && s.getURI().startsWith(Iris.ONTOLOGY)) {
                String local = s.getURI().substring(Iris.ONTOLOGY.length());
                terms.put(local, new Term(local, s, kind, one(s, RDFS.domain.asNode()), one(s, RDFS.range.asNode())));
            }
    }

    private Node one(Node s, Node p) {
        return G.listSP(graph, s, p).stream().findFirst().orElse(null);
    }

    public Graph graph() {
        return graph;
    }

    public Optional<Term> term(String localName) {
        return Optional.ofNullable(terms.get(localName));
    }

    public Optional<Term> classNamed(String localName) {
        return term(localName).filter(t -> t.kind() == Kind.CLASS);
    }

    public Optional<Term> property(String localName) {
        return term(localName).filter(t -> t.kind() != Kind.CLASS);
    }

    /** True if {@code c} is {@code sup} or one of its (transitive) subclasses. */
    public boolean isSubClassOf(Node c, Node sup) {
        return c.equals(sup) || superClasses.computeIfAbsent(c, k -> G.superClasses(graph, k)).contains(sup);
    }
}

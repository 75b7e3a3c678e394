package org.w3id.ftkg.provenance;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ftkg.digest.Sha256;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;

/**
 * A fact's hash: SHA-256 of the RDFC-1.0 N-Quads of its graph and quote only, so a rebuild or shifted offset leaves
 * it alone; RDFC-1.0, not sorted N-Quads, so that a blank node would still hash the same.
 */
public final class FactHash {
    /** How the build publishes a hash ({@code ftkg:factHash}): the algorithm, a colon, the hex digits. */
    public static final String PREFIX = "sha256:";

    private FactHash() {}

    /** The quads a fact's hash covers, from what the build models: its triples in its graph, and its quote. */
    public static List<Quad> hashedQuads(Node fact, List<Triple> triples, String quote) {
        // A dataset holds each quad once, whatever the modeller listed twice.
        Set<Quad> quads = new LinkedHashSet<>(triples.size() * 2);
        triples.forEach(t -> quads.add(Quad.create(fact, t)));
        quads.add(Quad.create(Iris.PROVENANCE_GRAPH, fact, Vocab.PROV_VALUE, NodeFactory.createLiteralString(quote)));
        return List.copyOf(quads);
    }

    /** The quads a fact's hash covers: its graph and its quote, in the graphs they are published in. */
    public static List<Quad> hashedQuads(DatasetGraph dsg, Node fact) {
        List<Quad> quads = new ArrayList<>();
        dsg.find(fact, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        dsg.find(Iris.PROVENANCE_GRAPH, fact, Vocab.PROV_VALUE, Node.ANY).forEachRemaining(quads::add);
        return quads;
    }

    /** The canonical N-Quads (RDFC-1.0) of some quads. */
    public static String canonical(List<Quad> quads) {
        RdfCanon canon = RdfCanon.create("SHA-256");
        for (Quad q : quads) {
            Node o = q.getObject(); // RDF 1.1: a simple literal is an xsd:string, a tagged one an rdf:langString
            String datatype = o.isLiteral() ? o.getLiteralDatatypeURI() : null;
            String lang = o.isLiteral() && !o.getLiteralLanguage().isEmpty() ? o.getLiteralLanguage() : null;
            canon.quad(term(q.getSubject()), q.getPredicate().getURI(), term(o), datatype, lang, null,
                q.isDefaultGraph() ? null : term(q.getGraph()));
        }
        StringWriter out = new StringWriter();
        try {
            canon.provide(new NQuadsWriter(out));
        } catch (RdfConsumerException e) {
            throw new IllegalStateException("canonical N-Quads cannot be written: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** The hash of a fact, as 64 lower-case hex digits. */
    public static String of(DatasetGraph dsg, Node fact) {
        return of(hashedQuads(dsg, fact));
    }

    /** The hash of the quads of a fact ({@link #hashedQuads}), as 64 lower-case hex digits. */
    public static String of(List<Quad> hashedQuads) {
        return Sha256.hex(canonical(hashedQuads));
    }

    /** The hex digits of a published {@code ftkg:factHash} value, or null if it is not one. */
    public static String hexOf(String published) {
        return published != null && published.startsWith(PREFIX) && published.length() == PREFIX.length() + 64
            ? published.substring(PREFIX.length()) : null;
    }

    private static String term(Node n) {
        if (n.isBlank())
            return "_:" + n.getBlankNodeLabel();
        if (n.isURI())
            return n.getURI();
        if (n.isLiteral())
            return n.getLiteralLexicalForm();
        throw new IllegalArgumentException("not an RDF 1.1 term: " + n);
    }
}

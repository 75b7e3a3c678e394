package org.w3id.ftkg.output;

import java.util.List;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.w3id.ftkg.model.Vocab;

/**
 * Statement-level provenance for dumps that cannot hold named graphs: each (graph, triple) pair
 * becomes an rdf:Statement, named from a digest of the triple, that points at its graph with
 * ftkg:statedIn. The graph's provenance (source, quote, offsets) is then one hop away.
 */
public final class StatementNodes {
    private StatementNodes() {}

    public static Node iri(Node graph, Triple t) {
        String nt = NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " "
            + NodeFmtLib.strNT(t.getObject());
        return NodeFactory.createURI(graph.getURI() + "#t-" + DigestUtils.sha256Hex(nt).substring(0, 16));
    }

    public static List<Triple> describe(Node graph, Triple t) {
        return describe(iri(graph, t), graph, t);
    }

    /** The statement {@code st} (already named) of triple {@code t} in {@code graph}. */
    public static List<Triple> describe(Node st, Node graph, Triple t) {
        return List.of(
            Triple.create(st, Vocab.TYPE, Vocab.RDF_STATEMENT),
            Triple.create(st, Vocab.RDF_SUBJECT, t.getSubject()),
            Triple.create(st, Vocab.RDF_PREDICATE, t.getPredicate()),
            Triple.create(st, Vocab.RDF_OBJECT, t.getObject()),
            Triple.create(st, Vocab.STATED_IN, graph));
    }
}

package org.w3id.ftkg.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ftkg.digest.Sha256;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/**
 * Statement-level provenance for dumps that cannot hold named graphs: each (graph, triple) pair
 * becomes an rdf:Statement, named from a digest of the triple in N-Triples, that points at its
 * graph with ftkg:statedIn. The graph's provenance (source, quote, offsets) is then one hop away.
 * One instance per thread (it keeps its formatted terms and its digest).
 */
public final class StatementNodes {
    private final NodeText terms = NodeText.nt();
    private final MessageDigest sha256 = Sha256.newDigest();
    private final StringBuilder nt = new StringBuilder(256);
    private long lastDigest;

    /** The statement node of {@code t} in {@code graph}; {@link #lastDigest} is then the 64 bits that name it. */
    public Node name(Node graph, Triple t) {
        nt.setLength(0);
        terms.append(nt, t.getSubject());
        nt.append(' ');
        terms.append(nt, t.getPredicate());
        nt.append(' ');
        terms.append(nt, t.getObject());
        byte[] d = sha256.digest(nt.toString().getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++)
            v = (v << 8) | (d[i] & 0xff);
        lastDigest = v;
        return NodeFactory.createURI(graph.getURI() + "#t-" + HexFormat.of().formatHex(d, 0, 8));
    }

    /** The digest of the last statement named (the first 16 hex digits of its name, as a number). */
    public long lastDigest() {
        return lastDigest;
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

    /**
     * The flat view of a stream of quads: the triples of the fact and entity graphs, each graph's
     * statement nodes after its triples, and the provenance graph; the ontology graph is left
     * out (it is a dump of its own).
     */
    public static DatasetSink flatten(StreamRDF triples) {
        return new Flatten(triples);
    }

    /** Each graph's statement nodes wait until its last triple (the graphs' quads come together). */
    private static final class Flatten extends StreamRDFWrapper implements DatasetSink {
        private final StatementNodes names = new StatementNodes();
        private final List<Triple> pending = new ArrayList<>();
        private Node pendingGraph;

        Flatten(StreamRDF other) {
            super(other);
        }

        @Override
        public void quad(Quad q) {
            Node g = q.getGraph();
            if (!g.equals(pendingGraph))
                flush();
            if (Iris.isDataGraph(g)) {
                Triple t = q.asTriple();
                super.triple(t);
                pendingGraph = g;
                pending.addAll(describe(names.name(g, t), g, t));
            } else if (g.equals(Iris.PROVENANCE_GRAPH))
                super.triple(q.asTriple());
        }

        /** The statement nodes of the graph just written, grouped by statement. */
        private void flush() {
            pending.sort(Sorted.TRIPLES);
            pending.forEach(super::triple);
            pending.clear();
            pendingGraph = null;
        }

        @Override
        public void startSource(String stem) {
            flush();
            if (other instanceof DatasetSink d)
                d.startSource(stem);
        }

        @Override
        public void finishSource() {
            flush();
            if (other instanceof DatasetSink d)
                d.finishSource();
        }

        @Override
        public void finish() {
            flush();
            super.finish();
        }
    }
}

package org.w3id.ftkg.output;

import java.nio.ByteBuffer;
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
import org.apache.jena.sparql.util.NodeCmp;
import org.w3id.ftkg.digest.Sha256;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/**
 * Statement-level provenance for dumps that cannot hold named graphs: each (graph, triple) pair
 * becomes an rdf:Statement, named from a digest of the triple in N-Triples, that points at its
 * graph with ftkg:statedIn, one hop from the graph's provenance. Not thread-safe.
 */
public final class StatementNodes {
    private final NodeText terms = NodeText.nt();
    private final MessageDigest sha256 = Sha256.newDigest();

    /** The statement node of {@code t} in {@code graph}. */
    public Node name(Node graph, Triple t) {
        return NodeFactory.createURI(graph.getURI() + "#t-" + HexFormat.of().toHexDigits(digest(t)));
    }

    /** The 64 bits that name the statement of {@code t}: the start of the SHA-256 of it in N-Triples. */
    long digest(Triple t) {
        StringBuilder nt = new StringBuilder(256);
        terms.append(nt, t.getSubject());
        nt.append(' ');
        terms.append(nt, t.getPredicate());
        nt.append(' ');
        terms.append(nt, t.getObject());
        return ByteBuffer.wrap(sha256.digest(nt.toString().getBytes(StandardCharsets.UTF_8))).getLong();
    }

    /** The statement {@code st} of {@code t} in {@code graph}, its triples as {@link Sorted#TRIPLES} sorts them. */
    public static List<Triple> describe(Node st, Node graph, Triple t) {
        return List.of(
            Triple.create(st, Vocab.RDF_OBJECT, t.getObject()),
            Triple.create(st, Vocab.RDF_PREDICATE, t.getPredicate()),
            Triple.create(st, Vocab.RDF_SUBJECT, t.getSubject()),
            Triple.create(st, Vocab.TYPE, Vocab.RDF_STATEMENT),
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
        private record Statement(Node name, Triple t) {}

        private final StatementNodes names = new StatementNodes();
        private final List<Statement> pending = new ArrayList<>();
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
                pending.add(new Statement(names.name(g, t), t));
            } else if (g.equals(Iris.PROVENANCE_GRAPH))
                super.triple(q.asTriple());
        }

        /**
         * The statement nodes of the graph just written, in the order of {@link Sorted#TRIPLES}: sorted
         * by name, then each name's triples by predicate (a triple stated twice has its copies side by side).
         */
        private void flush() {
            pending.sort((a, b) -> NodeCmp.compareRDFTerms(a.name(), b.name()));
            for (int i = 0, j; i < pending.size(); i = j) {
                for (j = i + 1; j < pending.size() && pending.get(j).name().equals(pending.get(i).name());)
                    j++;
                List<List<Triple>> same = pending.subList(i, j).stream()
                    .map(s -> describe(s.name(), pendingGraph, s.t())).toList();
                for (int k = 0; k < same.get(0).size(); k++)
                    for (List<Triple> d : same)
                        super.triple(d.get(k));
            }
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

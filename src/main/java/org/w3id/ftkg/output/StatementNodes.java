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
 * Provenance for dumps without named graphs: each (graph, triple) becomes an rdf:Statement, named by a digest of
 * its N-Triples, pointing at its graph by ftkg:statedIn. Not thread-safe.
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

    /** The flat view: data graphs' triples, each followed by its statement nodes, and provenance (not the ontology). */
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

        /** The graph's statement nodes as {@link Sorted#TRIPLES} orders them (a repeated triple's copies together). */
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

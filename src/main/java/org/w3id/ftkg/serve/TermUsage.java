package org.w3id.ftkg.serve;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/**
 * How many distinct triples of the published data (fact and entity graphs) use each class (as
 * {@code rdf:type} object) and each property (as predicate), as the build's VoID class and
 * property partitions counted them while writing the dumps: reading them costs a small file, not a
 * scan of the data.
 *
 * @param byTerm the count of each term IRI; a term absent is used nowhere
 */
record TermUsage(Map<String, Long> byTerm) {
    private static final String VOID = "http://rdfs.org/ns/void#";

    long of(String iri) {
        return byTerm.getOrDefault(iri, 0L);
    }

    /** The partitions of {@code dist/void.ttl}; empty if there is no such file or it has no partitions. */
    static Optional<TermUsage> of(Path dist) {
        return ReleaseCounts.voidGraph(dist).map(TermUsage::partitions).filter(u -> !u.byTerm().isEmpty());
    }

    private static TermUsage partitions(Graph g) {
        Map<String, Long> counts = new HashMap<>();
        partition(g, "classPartition", "class", "entities", counts);
        partition(g, "propertyPartition", "property", "triples", counts);
        return new TermUsage(Map.copyOf(counts));
    }

    private static void partition(Graph g, String partition, String term, String count, Map<String, Long> out) {
        Node ds = Iris.uri(Iris.DATASET);
        for (Triple t : g.find(ds, Iris.uri(VOID + partition), Node.ANY).toList()) {
            Node part = t.getObject();
            Long n = ReleaseCounts.number(g, part, Iris.uri(VOID + count));
            for (Triple c : g.find(part, Iris.uri(VOID + term), Node.ANY).toList())
                if (n != null && c.getObject().isURI())
                    out.put(c.getObject().getURI(), n);
        }
    }

    /**
     * The same counts for these terms, counted in the data (each term's uses read once, through the
     * index): only for data served without its VoID description.
     */
    static TermUsage counted(DatasetGraph dsg, Set<Node> classes, Set<Node> properties) {
        return dsg.calculateRead(() -> {
            Map<String, Long> counts = new HashMap<>();
            for (Node c : classes)
                counts.put(c.getURI(), distinct(dsg, Node.ANY, Vocab.TYPE, c));
            for (Node p : properties)
                counts.put(p.getURI(), distinct(dsg, Node.ANY, p, Node.ANY));
            return new TermUsage(Map.copyOf(counts));
        });
    }

    /** Distinct triples of the data graphs that match; a triple several graphs state counts once, as in VoID. */
    static long distinct(DatasetGraph dsg, Node s, Node p, Node o) {
        Set<Triple> seen = new HashSet<>();
        var it = dsg.find(Node.ANY, s, p, o);
        try {
            while (it.hasNext()) {
                Quad q = it.next();
                if (Iris.isDataGraph(q.getGraph()))
                    seen.add(q.asTriple());
            }
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
        return seen.size();
    }
}

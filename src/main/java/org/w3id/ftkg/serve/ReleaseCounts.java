package org.w3id.ftkg.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/** What the release's VoID description counts (the build counted it): for the pages, a small file, not a scan. */
record ReleaseCounts(Map<String, Long> counts) {
    private static final String VOID = "http://rdfs.org/ns/void#";

    /** The counts of {@code dist/void.ttl}; empty if there is no such file or it lacks a count. */
    static Optional<ReleaseCounts> of(Path dist) {
        return voidGraph(dist).flatMap(g -> {
            Node ds = Iris.uri(Iris.DATASET);
            Long facts = number(g, ds, Iris.term("factCount")), entities = number(g, ds, Iris.uri(VOID + "entities")),
                quads = number(g, ds, Iris.uri(VOID + "quads"));
            if (facts == null || entities == null || quads == null)
                return Optional.empty();
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("facts", facts);
            m.put("entities", entities);
            m.put("sources", (long) g.find(ds, Vocab.DCT_SOURCE, Node.ANY).toList().size());
            m.put("quads", quads);
            return Optional.of(new ReleaseCounts(Collections.unmodifiableMap(m)));
        });
    }

    /** The VoID description of {@code dist} ({@code void.ttl}), if there is a readable one. */
    private static Optional<Graph> voidGraph(Path dist) {
        return graph(dist == null ? null : dist.resolve("void.ttl"));
    }

    /** The RDF of {@code file}, if there is a readable one. */
    static Optional<Graph> graph(Path file) {
        if (file == null || !Files.isRegularFile(file))
            return Optional.empty();
        try {
            return Optional.of(RDFDataMgr.loadGraph(file.toString()));
        } catch (RiotException e) {
            return Optional.empty();
        }
    }

    /**
     * How many distinct triples of the data use each class (as {@code rdf:type} object) and property, as the build's
     * VoID partitions counted them (a term absent is used nowhere); empty if {@code dist} has none.
     */
    static Optional<Map<String, Long>> termUses(Path dist) {
        return voidGraph(dist).map(g -> {
            Map<String, Long> counts = new HashMap<>();
            partition(g, "classPartition", "class", "entities", counts);
            partition(g, "propertyPartition", "property", "triples", counts);
            return Map.copyOf(counts);
        }).filter(counts -> !counts.isEmpty());
    }

    private static void partition(Graph g, String partition, String term, String count, Map<String, Long> out) {
        Node ds = Iris.uri(Iris.DATASET);
        for (Triple t : g.find(ds, Iris.uri(VOID + partition), Node.ANY).toList()) {
            Node part = t.getObject();
            Long n = number(g, part, Iris.uri(VOID + count));
            for (Triple c : g.find(part, Iris.uri(VOID + term), Node.ANY).toList())
                if (n != null && c.getObject().isURI())
                    out.put(c.getObject().getURI(), n);
        }
    }

    private static Long number(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? Long.valueOf(it.next().getObject().getLiteralLexicalForm()) : null;
        } catch (NumberFormatException e) {
            return null;
        } finally {
            it.close();
        }
    }
}

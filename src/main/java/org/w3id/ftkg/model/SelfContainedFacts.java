package org.w3id.ftkg.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.w3id.ftkg.diagnostics.Problems;

/**
 * A fact graph types every node it describes, as a nanopublication does, so that {@code GRAPH ?f { ?x a
 * ftkg:Indictment ; ftkg:target ?t }} finds it even when the type was given elsewhere.
 */
public final class SelfContainedFacts {
    private SelfContainedFacts() {}

    /** The triples, types first for every node they do not type (from {@code typeOf}), then the input in order. */
    public static List<Triple> typed(List<Triple> triples, Function<Node, Optional<Node>> typeOf) {
        Set<Triple> out = new LinkedHashSet<>();
        for (Node n : untyped(triples))
            typeOf.apply(n).ifPresent(type -> out.add(Triple.create(n, Vocab.TYPE, type)));
        out.addAll(triples);
        return List.copyOf(out);
    }

    /** The FTKG nodes (things, sources, parts of facts) a fact graph describes or links to without typing them. */
    public static List<Node> untyped(List<Triple> triples) {
        Set<Node> typed = triples.stream().filter(t -> t.getPredicate().equals(Vocab.TYPE)).map(Triple::getSubject)
            .collect(Collectors.toSet());
        return triples.stream()
            .flatMap(t -> t.getPredicate().equals(Vocab.TYPE) ? Stream.of(t.getSubject())
                : Stream.of(t.getSubject(), t.getObject()))
            .filter(n -> isNode(n) && !typed.contains(n)).distinct().toList();
    }

    /** Reports, at the fact's curation line, every node its graph describes without typing it. */
    public static void check(Fact fact, Problems problems) {
        for (Node n : untyped(fact.triples()))
            problems.add(fact.record().at(), "fact " + fact.id() + ": its graph does not state the rdf:type of <"
                + n.getURI() + "> (a fact graph types every node it describes, so that it can be read alone)");
    }

    private static boolean isNode(Node n) {
        return n.isURI() && (n.getURI().startsWith(Iris.ID) || n.getURI().startsWith(Iris.SOURCE)
            || n.getURI().startsWith(Iris.FACT));
    }
}

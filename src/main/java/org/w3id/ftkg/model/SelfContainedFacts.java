package org.w3id.ftkg.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.w3id.ftkg.diagnostics.Problems;

/**
 * A fact graph states the rdf:type of every node it describes, as a nanopublication assertion does,
 * so that {@code GRAPH ?fact { ?x a ftkg:Indictment ; ftkg:target ?t }} finds the fact that says so
 * even when the type was first given in another fact or in an entity record.
 */
public final class SelfContainedFacts {
    private SelfContainedFacts() {}

    /**
     * The triples with a type added for every FTKG node (subject, or object of a link) that has none
     * in them, the type coming from {@code typeOf}; the order of the input is kept, types come first.
     */
    public static List<Triple> typed(List<Triple> triples, Function<Node, Optional<Node>> typeOf) {
        Set<Node> typed = typedSubjects(triples);
        LinkedHashSet<Triple> out = new LinkedHashSet<>();
        for (Node n : described(triples))
            if (!typed.contains(n))
                typeOf.apply(n).ifPresent(type -> out.add(Triple.create(n, Vocab.TYPE, type)));
        out.addAll(triples);
        return List.copyOf(out);
    }

    /** The FTKG nodes of a fact graph that it does not type (empty for a self-contained fact). */
    public static List<Node> untyped(List<Triple> triples) {
        Set<Node> typed = typedSubjects(triples);
        List<Node> out = new ArrayList<>();
        for (Node n : described(triples))
            if (!typed.contains(n))
                out.add(n);
        return out;
    }

    /** Reports, at the fact's curation line, every node its graph describes without typing it. */
    public static void check(Fact fact, Problems problems) {
        for (Node n : untyped(fact.triples()))
            problems.add(fact.record().at(), "fact " + fact.id() + ": its graph does not state the rdf:type of <"
                + n.getURI() + "> (a fact graph types every node it describes, so that it can be read alone)");
    }

    private static Set<Node> typedSubjects(List<Triple> triples) {
        Set<Node> typed = new HashSet<>();
        for (Triple t : triples)
            if (t.getPredicate().equals(Vocab.TYPE))
                typed.add(t.getSubject());
        return typed;
    }

    /** Subjects and linked objects minted by FTKG (things, sources, parts of facts), in order of appearance. */
    private static Set<Node> described(List<Triple> triples) {
        Set<Node> out = new LinkedHashSet<>();
        for (Triple t : triples) {
            if (isNode(t.getSubject()))
                out.add(t.getSubject());
            if (!t.getPredicate().equals(Vocab.TYPE) && isNode(t.getObject()))
                out.add(t.getObject());
        }
        return out;
    }

    private static boolean isNode(Node n) {
        if (!n.isURI())
            return false;
        String u = n.getURI();
        return u.startsWith(Iris.ID) || u.startsWith(Iris.SOURCE) || u.startsWith(Iris.FACT);
    }
}

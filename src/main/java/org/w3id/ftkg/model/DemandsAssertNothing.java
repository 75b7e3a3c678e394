package org.w3id.ftkg.model;

import java.util.HashSet;
import java.util.Set;
import java.util.function.BiPredicate;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.w3id.ftkg.diagnostics.Problems;

/** A demand never asserts what it asks for: its fact must not describe the event too (unless alleged or claimed). */
public final class DemandsAssertNothing {
    private static final Node DEMAND = Iris.term("Demand");

    private DemandsAssertNothing() {}

    /** {@code isA} tells whether a node is known to be of a class. */
    public static void check(Fact fact, BiPredicate<Node, Node> isA, Problems problems) {
        Set<Node> demanded = new HashSet<>();
        for (Triple t : fact.triples())
            if (t.getPredicate().equals(Vocab.ABOUT) && isA.test(t.getSubject(), DEMAND)
                    && isA.test(t.getObject(), Vocab.EVENT))
                demanded.add(t.getObject());
        for (Node e : demanded) {
            boolean described = false, qualified = false;
            for (Triple t : fact.triples())
                if (t.getSubject().equals(e)) {
                    if (t.getPredicate().equals(Vocab.STATUS))
                        qualified = true;
                    else if (!t.getPredicate().equals(Vocab.TYPE) && !t.getPredicate().equals(Vocab.SORT_DATE))
                        described = true;
                }
            if (described && !qualified)
                problems.add(fact.record().at(), "fact " + fact.id() + ": a demand is about <" + e.getURI()
                    + ">, which the same fact describes as an event: a demand never asserts what it asks for "
                    + "(put the demanded thing in the demand's 'content')");
        }
    }
}

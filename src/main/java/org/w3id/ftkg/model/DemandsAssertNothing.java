package org.w3id.ftkg.model;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.w3id.ftkg.diagnostics.Problems;

/**
 * A demand, call or proposal never asserts what it asks for: if a fact holds a ftkg:Demand about an
 * event, that fact must not describe the event as well (unless the event is marked alleged or
 * claimed), or "X demands a designation" would make the designation a fact. The demanded thing is
 * the demand's ftkg:content.
 */
public final class DemandsAssertNothing {
    private DemandsAssertNothing() {}

    public static void check(Fact fact, Predicate<Node> isDemand, Predicate<Node> isEvent, Problems problems) {
        Set<Node> demanded = new HashSet<>();
        for (Triple t : fact.triples())
            if (t.getPredicate().equals(Vocab.ABOUT) && isDemand.test(t.getSubject()) && isEvent.test(t.getObject()))
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

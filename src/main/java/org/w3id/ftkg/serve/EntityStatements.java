package org.w3id.ftkg.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.G;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.serve.ViewQueries.TimelineItem;
import org.w3id.ftkg.serve.html.EntityPage.Claim;
import org.w3id.ftkg.serve.html.EntityPage.PropertyValues;
import org.w3id.ftkg.serve.html.EntityPage.Referenced;
import org.w3id.ftkg.serve.html.Evidence;
import org.w3id.ftkg.serve.html.Link;
import org.w3id.ftkg.serve.html.Statement;

/**
 * The facts that mention a thing, as its page shows them: statements by property, who-claims-what, incoming relations
 * and events, each value with the evidence of every fact giving it; a claim's propositions are never rows of their own.
 */
final class EntityStatements {
    private static final Node CLAIMANT = Iris.term("claimant"), CLAIMS_EVENT = Iris.term("claimsEvent"),
        DENIES = Iris.term("denies"), ABOUT = Iris.term("about"), DEFENDANT = Iris.term("defendant"),
        HAS_CHARGE = Iris.term("hasCharge");
    /** Sorts after every ISO date. */
    private static final String UNDATED = "~";
    private static final Set<String> ASSERTION_KINDS = Set.of("Allegation", "Claim", "Denial", "Opinion", "Demand");
    /** Shown in the page's head from the entity record, not repeated as statements. */
    private static final Set<Node> HEAD = Set.of(Vocab.TYPE, Vocab.LABEL, Vocab.ALT_LABEL);

    record Result(List<PropertyValues> statements, List<Claim> claims, List<PropertyValues> incoming) {}

    private EntityStatements() {}

    static Result of(Node it, List<FactView> facts, ViewRecords records, LinkedDataStore store) {
        // Property to value to the evidence of the facts that give it, in the order first met.
        Map<Node, Map<Node, List<Evidence>>> outgoing = new LinkedHashMap<>(), incoming = new LinkedHashMap<>();
        for (FactView f : facts) {
            Evidence e = ViewRecords.evidence(f);
            Graph g = graph(f);
            Set<Node> parts = assertions(g);
            g.find(Node.ANY, Vocab.RDF_SUBJECT, Node.ANY).forEachRemaining(t -> parts.add(t.getSubject()));
            for (Triple t : f.triples()) {
                if (parts.contains(t.getSubject()))
                    continue;
                if (t.getSubject().equals(it) && !HEAD.contains(t.getPredicate()))
                    add(outgoing, t.getPredicate(), t.getObject(), e);
                else if (t.getObject().equals(it))
                    add(incoming, t.getPredicate(), t.getSubject(), e);
            }
        }
        return new Result(values(outgoing, records, store), claims(facts, records, store),
            values(incoming, records, store));
    }

    private static void add(Map<Node, Map<Node, List<Evidence>>> byProperty, Node property, Node value, Evidence e) {
        List<Evidence> refs = byProperty.computeIfAbsent(property, k -> new LinkedHashMap<>())
            .computeIfAbsent(value, k -> new ArrayList<>());
        if (!refs.contains(e))
            refs.add(e);
    }

    private static List<PropertyValues> values(Map<Node, Map<Node, List<Evidence>>> byProperty, ViewRecords records,
                                               LinkedDataStore store) {
        return byProperty.entrySet().stream().map(p -> new PropertyValues(store.label(p.getKey()), p.getValue().entrySet()
                .stream().map(v -> new Referenced(records.value(v.getKey()), List.copyOf(v.getValue()))).toList()))
            .sorted(Comparator.comparing(PropertyValues::property, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The assertions the facts state, in the order first met, each with the evidence of every fact that states it. */
    static List<Claim> claims(List<FactView> facts, ViewRecords records, LinkedDataStore store) {
        Map<Node, Claim> claims = new LinkedHashMap<>();
        for (FactView f : facts) {
            Graph g = graph(f);
            for (Node a : assertions(g))
                claims.computeIfAbsent(a, k -> claim(a, g, records, store)).references().add(ViewRecords.evidence(f));
        }
        return List.copyOf(claims.values());
    }

    /** An assertion read from the fact graph that states it; its evidence is added by the caller. */
    private static Claim claim(Node a, Graph g, ViewRecords records, LinkedDataStore store) {
        List<Link> claimants = g.find(a, CLAIMANT, Node.ANY).mapWith(t -> records.link(t.getObject())).toList();
        String kind = g.find(a, Vocab.TYPE, Node.ANY).toList().stream().map(t -> t.getObject().getLocalName())
            .filter(ASSERTION_KINDS::contains).sorted().findFirst().orElse("Assertion");
        List<Statement> content = g.find(a, Vocab.CONTENT, Node.ANY).toList().stream().map(Triple::getObject)
            .sorted(Comparator.comparing(Node::toString))
            .map(p -> new Statement(records.link(G.getSP(g, p, Vocab.RDF_SUBJECT)),
                store.label(G.getSP(g, p, Vocab.RDF_PREDICATE)), records.value(G.getSP(g, p, Vocab.RDF_OBJECT)))).toList();
        List<Link> claimed = new ArrayList<>();
        for (Node p : List.of(CLAIMS_EVENT, DENIES))
            g.find(a, p, Node.ANY).forEachRemaining(t -> claimed.add(records.link(t.getObject())));
        return new Claim(records.link(a), claimants, kind, content, claimed, new ArrayList<>());
    }

    /**
     * The events the facts show the thing taking part in, in any role (or as defendant of a case's charges),
     * in the order of {@code queries/entity-events-in-order.rq}: by ftkg:sortDate, then IRI; undated last.
     */
    static List<TimelineItem> events(Node it, List<FactView> facts, LinkedDataStore store) {
        Map<Node, Set<String>> roles = new LinkedHashMap<>();
        for (FactView f : facts)
            for (Triple t : f.triples()) {
                if (!t.getObject().equals(it) || t.getPredicate().equals(ABOUT))
                    continue;
                if (t.getPredicate().equals(DEFENDANT)) {
                    for (Triple c : f.triples())
                        if (c.getPredicate().equals(HAS_CHARGE) && c.getObject().equals(t.getSubject()))
                            roles.computeIfAbsent(c.getSubject(), k -> new LinkedHashSet<>()).add(DEFENDANT.getLocalName());
                } else
                    roles.computeIfAbsent(t.getSubject(), k -> new LinkedHashSet<>()).add(t.getPredicate().getLocalName());
            }
        Map<String, String> order = new HashMap<>();
        List<TimelineItem> out = new ArrayList<>();
        roles.forEach((e, rs) -> store.event(e).ifPresent(item -> {
            rs.forEach(r -> item.actors().add(new ViewQueries.Actor(r, it.getURI(), "")));
            order.put(item.event(), store.sortDate(e).orElse(UNDATED));
            out.add(item);
        }));
        out.sort(Comparator.comparing((TimelineItem t) -> order.get(t.event())).thenComparing(TimelineItem::event));
        return out;
    }

    private static Graph graph(FactView f) {
        Graph g = GraphFactory.createDefaultGraph();
        f.triples().forEach(g::add);
        return g;
    }

    /** The assertion nodes of a fact graph: those with a claimant, content, claimed event or denied assertion. */
    private static Set<Node> assertions(Graph g) {
        Set<Node> out = new LinkedHashSet<>();
        for (Node p : List.of(CLAIMANT, Vocab.CONTENT, CLAIMS_EVENT, DENIES))
            g.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> out.add(t.getSubject()));
        return out;
    }
}

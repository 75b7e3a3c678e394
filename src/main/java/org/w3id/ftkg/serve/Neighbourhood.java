package org.w3id.ftkg.serve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.G;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.serve.ViewQueries.Edge;
import org.w3id.ftkg.serve.ViewQueries.Thing;

/** The links around one thing, by quad-index lookups on it: a request costs what it shows, not the data's size. */
final class Neighbourhood {
    /** Predicates that do not link two actors (types, reification, a claim's parts, a tenure's parts). */
    private static final Set<Node> NOT_LINKS = Set.of(Vocab.TYPE, Iris.term("quantity"), Iris.term("content"),
        Iris.term("claimsEvent"), Vocab.STATUS, Iris.term("about"), Iris.term("reportedBy"), Iris.term("topic"), Iris.term("cites"),
        Iris.term("holder"), Iris.term("organization"), Iris.term("alongside"), Iris.term("underAdministration"),
        Iris.term("reportedIn"), Iris.term("hasCharge"), Iris.term("defendant"), Iris.term("charge"), Iris.term("chargeStatus"),
        Iris.term("offenceEvent"), Vocab.RDF_SUBJECT, Vocab.RDF_PREDICATE, Vocab.RDF_OBJECT);
    /** Classes (and their subclasses) of things that are statements about the world, not actors or events. */
    private static final List<Node> NOT_ACTORS = List.of(Vocab.ASSERTION, Vocab.PROPOSITION, Iris.term("Statistic"),
        Iris.term("Tenure"), Iris.term("Document"), Iris.term("Topic"), Vocab.QUANTITY);
    private static final Node CONTENT = Iris.term("content"), CLAIMANT = Iris.term("claimant"), HOLDER = Iris.term("holder"),
        ORGANIZATION = Iris.term("organization"), POSITION = Iris.term("position");

    private final DatasetGraph dsg;
    private final LinkedDataStore store;
    /** Whether a class is a statement class: the ontology is small and does not change while served. */
    private final Map<Node, Boolean> statementClass = new ConcurrentHashMap<>();

    Neighbourhood(LinkedDataStore store) {
        this.store = store;
        this.dsg = store.dataset();
    }

    /** One page of a walk from the centre: nodes in the order reached (centre first), and the edges among them. */
    record Walk(Map<String, Integer> hops, List<Edge> edges, boolean more) {}

    /** The things within {@code depth} hops (either direction), after skipping {@code offset}, at most {@code limit}. */
    Walk walk(String center, int depth, int offset, int limit) {
        return dsg.calculateRead(() -> {
            Map<String, Integer> dist = new LinkedHashMap<>();
            Set<Edge> walked = new LinkedHashSet<>();
            ArrayDeque<String> todo = new ArrayDeque<>();
            dist.put(center, 0);
            todo.add(center);
            // Read no further than the page needs: offset + limit things, and one more to know there are more.
            int wanted = offset + limit + 1;
            while (!todo.isEmpty() && dist.size() <= wanted) {
                String n = todo.poll();
                int d = dist.get(n);
                if (d >= depth)
                    continue;
                // A hub has thousands of links: read its quads only until the page is full.
                edgesOf(Iris.uri(n), e -> {
                    String other = e.from().equals(n) ? e.to() : e.from();
                    walked.add(e);
                    if (!dist.containsKey(other) && dist.size() <= wanted) {
                        dist.put(other, d + 1);
                        todo.add(other);
                    }
                    return dist.size() <= wanted;
                });
            }
            Map<String, Integer> kept = new LinkedHashMap<>();
            kept.put(center, 0);
            dist.entrySet().stream().skip(1).skip(offset).limit(limit).forEach(e -> kept.put(e.getKey(), e.getValue()));
            boolean more = dist.size() - 1 > offset + limit;
            List<Edge> edges = walked.stream().filter(e -> kept.containsKey(e.from()) && kept.containsKey(e.to())).toList();
            return new Walk(kept, edges, more);
        });
    }

    /** Whether the thing has any statement at all (an index lookup). */
    boolean exists(String iri) {
        return dsg.calculateRead(() -> dsg.getDefaultGraph().find(Iris.uri(iri), Node.ANY, Node.ANY).hasNext());
    }

    /** The thing's English label and its most specific class's label. */
    Thing thing(String iri) {
        Node n = Iris.uri(iri);
        return dsg.calculateRead(() -> {
            Graph union = dsg.getDefaultGraph();
            List<Node> types = union.find(n, Vocab.TYPE, Node.ANY).mapWith(Triple::getObject)
                .filterKeep(t -> t.isURI() && t.getURI().startsWith(Iris.ONTOLOGY)).toList();
            // The most specific: a class none of the others is a subclass of; ties by IRI.
            Node kind = types.stream()
                .filter(t -> types.stream().noneMatch(u -> !u.equals(t) && G.superClasses(union, u).contains(t)))
                .min(Comparator.comparing(Node::getURI)).orElse(null);
            return new Thing(store.label(n), kind == null ? "" : store.label(kind));
        });
    }

    /** Links of one thing, as subject and as object, each given to {@code sink} until it answers false. */
    private void edgesOf(Node n, Predicate<Edge> sink) {
        Graph union = dsg.getDefaultGraph();
        for (Iterator<Quad> it : List.of(dsg.find(Node.ANY, n, Node.ANY, Node.ANY), dsg.find(Node.ANY, Node.ANY, Node.ANY, n))) {
            try {
                List<Edge> found = new ArrayList<>();
                while (it.hasNext()) {
                    Quad q = it.next();
                    if (!Iris.isFactGraph(q.getGraph()))
                        continue;
                    Node g = q.getGraph(), p = q.getPredicate();
                    if (!NOT_LINKS.contains(p))
                        link(found, union, q.getSubject(), p, q.getObject(), g, "", "");
                    else if (p.equals(Vocab.RDF_SUBJECT) || p.equals(Vocab.RDF_OBJECT))
                        claimed(found, union, q.getSubject(), g);
                    else if (p.equals(HOLDER) || p.equals(ORGANIZATION))
                        tenure(found, union, q.getSubject(), g);
                    for (Edge e : found)
                        if (!sink.test(e))
                            return;
                    found.clear();
                }
            } finally {
                Iter.close(it);
            }
        }
    }

    /** The content of a claim: the proposition's subject, predicate and object, claimed by the claim's claimant. */
    private void claimed(List<Edge> out, Graph union, Node prop, Node g) {
        Graph fact = dsg.getGraph(g);
        Node s = G.getSP(fact, prop, Vocab.RDF_SUBJECT), p = G.getSP(fact, prop, Vocab.RDF_PREDICATE);
        Node o = G.getSP(fact, prop, Vocab.RDF_OBJECT);
        if (s == null || p == null || o == null)
            return;
        fact.find(Node.ANY, CONTENT, prop).forEachRemaining(c -> union.find(c.getSubject(), CLAIMANT, Node.ANY)
            .forEachRemaining(who -> link(out, union, s, p, o, g, store.label(who.getObject()), "")));
    }

    /** A post held: one edge from the holder to the organization, named by the position where one is given. */
    private void tenure(List<Edge> out, Graph union, Node tenure, Node g) {
        Graph fact = dsg.getGraph(g);
        Node holder = G.getSP(fact, tenure, HOLDER), org = G.getSP(fact, tenure, ORGANIZATION);
        if (holder == null || org == null)
            return;
        Node position = G.getSP(union, tenure, POSITION);
        link(out, union, holder, ORGANIZATION, org, g, "", position == null ? "" : store.label(position));
    }

    private void link(List<Edge> out, Graph union, Node s, Node p, Node o, Node g, String claimant, String position) {
        if (!isThing(s) || !isThing(o) || !actor(union, s) || !actor(union, o))
            return;
        Node quote = G.getSP(dsg.getGraph(Iris.PROVENANCE_GRAPH), g, Vocab.PROV_VALUE);
        if (quote == null)
            return;
        out.add(new Edge(s.getURI(), o.getURI(), p.getURI(), g.getURI(), quote.getLiteralLexicalForm(), claimant, position));
    }

    private static boolean isThing(Node n) {
        return n.isURI() && n.getURI().startsWith(Iris.ID);
    }

    /** Whether no class of the thing is (below) a statement class. */
    private boolean actor(Graph union, Node n) {
        for (Node t : union.find(n, Vocab.TYPE, Node.ANY).mapWith(Triple::getObject).toList())
            if (statementClass.computeIfAbsent(t, c -> G.superClasses(union, c).stream().anyMatch(NOT_ACTORS::contains)))
                return false;
        return true;
    }
}

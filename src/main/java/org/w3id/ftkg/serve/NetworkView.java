package org.w3id.ftkg.serve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.serve.ViewQueries.Edge;
import org.w3id.ftkg.serve.ViewQueries.Thing;
import org.w3id.ftkg.serve.html.Link;
import org.w3id.ftkg.serve.html.NetworkPage;
import org.w3id.ftkg.serve.html.Option;

/**
 * The network page: the things within {@code depth} hops of the centre (ignoring direction) and
 * the edges walked to reach them. Claimed links (the content of an allegation or claim) keep who
 * claims them.
 */
final class NetworkView {
    private NetworkView() {}

    static NetworkPage page(String center, int depth, List<Edge> edges, Map<String, Thing> things, LinkedDataStore store,
                            ClassCategories categories) {
        Map<String, List<Edge>> adj = new HashMap<>();
        for (Edge e : edges) {
            adj.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
            adj.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Integer> dist = new LinkedHashMap<>();
        Set<Edge> shown = new LinkedHashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>();
        if (things.containsKey(center)) {
            dist.put(center, 0);
            todo.add(center);
        }
        while (!todo.isEmpty()) {
            String n = todo.poll();
            int d = dist.get(n);
            if (d >= depth)
                continue;
            for (Edge e : adj.getOrDefault(n, List.of())) {
                String other = e.from().equals(n) ? e.to() : e.from();
                shown.add(e);
                if (!dist.containsKey(other)) {
                    dist.put(other, d + 1);
                    todo.add(other);
                }
            }
        }
        List<NetworkPage.Node> nodes = dist.keySet().stream().map(iri -> {
            Thing t = things.getOrDefault(iri, new Thing(slug(iri), ""));
            return new NetworkPage.Node(iri, t.label(), t.kind(), categories.of(t.kind()), Link.localHref(iri), iri.equals(center),
                dist.get(iri));
        }).toList();
        Map<String, String> sources = store.sourceFiles(shown.stream().map(Edge::fact).distinct().toList());
        List<NetworkPage.Edge> rows = shown.stream().map(e -> new NetworkPage.Edge(link(things, e.from()), relation(e, store),
            link(things, e.to()), e.from(), e.to(), e.claimedBy(), e.quote(), Link.localHref(e.fact()),
            sources.getOrDefault(e.fact(), ""))).toList();
        List<Option> entities = things.entrySet().stream()
            .sorted(Map.Entry.comparingByValue(Comparator.comparing(Thing::label, String.CASE_INSENSITIVE_ORDER)))
            .map(t -> new Option(slug(t.getKey()), t.getValue().label(), t.getKey().equals(center))).toList();
        return new NetworkPage(slug(center), things.containsKey(center), depth, entities, nodes, rows);
    }

    /** What the edge says: the predicate's label, or for a post held, the position ("professor at"). */
    private static String relation(Edge e, LinkedDataStore store) {
        if (e.position() != null && !e.position().isEmpty())
            return e.position() + " at";
        return store.label(NodeFactory.createURI(e.predicate()));
    }

    private static Link link(Map<String, Thing> things, String iri) {
        Thing t = things.get(iri);
        return Link.to(iri, t == null ? slug(iri) : t.label());
    }

    static String slug(String iri) {
        return iri.startsWith(Iris.ID) ? iri.substring(Iris.ID.length()) : iri;
    }
}

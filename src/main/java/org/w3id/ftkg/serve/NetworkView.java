package org.w3id.ftkg.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.serve.ViewQueries.Edge;
import org.w3id.ftkg.serve.ViewQueries.Thing;
import org.w3id.ftkg.serve.html.Link;
import org.w3id.ftkg.serve.html.NetworkPage;
import org.w3id.ftkg.serve.html.Option;

/**
 * The network page: a bounded page of the things within {@code depth} hops of the centre
 * (ignoring direction) and the edges walked to reach them. Claimed links (the content of an
 * allegation or claim) keep who claims them.
 */
final class NetworkView {
    private NetworkView() {}

    /**
     * The page around {@code center}: one page of the walk (see {@link Neighbourhood#walk}), each
     * thing and edge labelled by lookups on the things shown only; {@code choices} are the things
     * the centre field offers (a few, not every thing: search finds the others).
     */
    static NetworkPage page(String center, int depth, int offset, String relation, String source, Neighbourhood around,
                            List<String> choices, LinkedDataStore store, ClassCategories categories) {
        boolean found = around.exists(center);
        Neighbourhood.Walk walk = found ? around.walk(center, depth, offset, limit(depth))
            : new Neighbourhood.Walk(Map.of(), List.of(), false);
        Map<String, Thing> things = new LinkedHashMap<>();
        walk.hops().keySet().forEach(iri -> things.put(iri, around.thing(iri)));
        List<NetworkPage.Node> nodes = walk.hops().entrySet().stream().map(h -> {
            Thing t = things.get(h.getKey());
            return new NetworkPage.Node(h.getKey(), t.label(), t.kind(), categories.of(t.kind()), Link.localHref(h.getKey()),
                h.getKey().equals(center), h.getValue());
        }).toList();
        Map<String, String> sources = store.sourceFiles(walk.edges().stream().map(Edge::fact).distinct().toList());
        List<NetworkPage.Edge> rows = walk.edges().stream().map(e -> new NetworkPage.Edge(link(things, e.from()), relation(e, store),
            link(things, e.to()), e.from(), e.to(), e.claimedBy(), e.quote(), Link.localHref(e.fact()),
            sources.getOrDefault(e.fact(), "")))
            .filter(e -> none(relation) || e.relation().equals(relation) || e.relation().equals(store.label(NodeFactory.createURI(relation))))
            .filter(e -> none(source) || e.source().equals(source)).toList();
        if (!none(relation) || !none(source)) {
            // Filtered: keep the centre and the things a kept link still reaches.
            java.util.Set<String> linked = new java.util.HashSet<>();
            rows.forEach(e -> linked.addAll(List.of(e.fromIri(), e.toIri())));
            nodes = nodes.stream().filter(n -> n.center() || linked.contains(n.iri())).toList();
        }
        Map<String, String> offered = new LinkedHashMap<>();
        for (String c : choices)
            offered.put(c, store.label(NodeFactory.createURI(c)));
        if (found)
            offered.putIfAbsent(center, things.get(center).label());
        List<Option> entities = offered.entrySet().stream()
            .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER))
            .map(t -> new Option(slug(t.getKey()), t.getValue(), t.getKey().equals(center))).toList();
        return new NetworkPage(slug(center), found, depth, entities, nodes, rows, offset, walk.more());
    }

    /** Things one answer holds besides the centre: the first drawing's 40 per hop asked for, so "show more" has some to add. */
    static int limit(int depth) {
        return NetworkPage.FIRST_NODES * depth;
    }

    private static boolean none(String filter) {
        return filter == null || filter.isEmpty();
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

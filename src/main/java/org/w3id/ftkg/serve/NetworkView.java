package org.w3id.ftkg.serve;

import static org.apache.commons.lang3.StringUtils.isEmpty;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.serve.ViewQueries.Edge;
import org.w3id.ftkg.serve.ViewQueries.Thing;
import org.w3id.ftkg.serve.html.Link;
import org.w3id.ftkg.serve.html.NetworkPage;
import org.w3id.ftkg.serve.html.Option;

/** The network page: a bounded page of the things within {@code depth} hops of the centre and the edges walked. */
final class NetworkView {
    private NetworkView() {}

    /** One page of the walk, labelled by lookups on the things shown; {@code choices}: what the centre field offers. */
    static NetworkPage page(String center, int depth, int offset, String relation, String source, Neighbourhood around,
                            List<String> choices, LinkedDataStore store, Map<String, String> categories) {
        boolean found = around.exists(center);
        // At most the first drawing's 40 things per hop asked for besides the centre, so "show more" has some to add.
        Neighbourhood.Walk walk = found ? around.walk(center, depth, offset, NetworkPage.FIRST_NODES * depth)
            : new Neighbourhood.Walk(Map.of(), List.of(), false);
        Map<String, Thing> things = new LinkedHashMap<>();
        walk.hops().keySet().forEach(iri -> things.put(iri, around.thing(iri)));
        List<NetworkPage.Node> nodes = walk.hops().entrySet().stream().map(h -> {
            Thing t = things.get(h.getKey());
            return new NetworkPage.Node(h.getKey(), t.label(), t.kind(), categories.getOrDefault(t.kind(), "other"),
                Link.localHref(h.getKey()), h.getKey().equals(center), h.getValue());
        }).toList();
        Map<String, String> sources = store.sourceFiles(walk.edges().stream().map(Edge::fact).distinct().toList());
        List<NetworkPage.Edge> rows = walk.edges().stream().map(e -> new NetworkPage.Edge(link(things, e.from()), relation(e, store),
            link(things, e.to()), e.from(), e.to(), e.claimedBy(), e.quote(), Link.localHref(e.fact()),
            sources.getOrDefault(e.fact(), "")))
            .filter(e -> isEmpty(relation) || e.relation().equals(relation)
                || e.relation().equals(store.label(Iris.uri(relation))))
            .filter(e -> isEmpty(source) || e.source().equals(source)).toList();
        if (!isEmpty(relation) || !isEmpty(source)) {
            // Filtered: keep the centre and the things a kept link still reaches.
            Set<String> linked = new HashSet<>();
            rows.forEach(e -> linked.addAll(List.of(e.fromIri(), e.toIri())));
            nodes = nodes.stream().filter(n -> n.center() || linked.contains(n.iri())).toList();
        }
        Map<String, String> offered = new LinkedHashMap<>();
        choices.forEach(c -> offered.put(c, store.label(Iris.uri(c))));
        if (found)
            offered.putIfAbsent(center, things.get(center).label());
        List<Option> entities = offered.entrySet().stream()
            .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER))
            .map(t -> new Option(slug(t.getKey()), t.getValue(), t.getKey().equals(center))).toList();
        return new NetworkPage(slug(center), found, depth, entities, nodes, rows, offset, walk.more());
    }

    /** What the edge says: the predicate's label, or for a post held, the position ("professor at"). */
    private static String relation(Edge e, LinkedDataStore store) {
        return isEmpty(e.position()) ? store.label(Iris.uri(e.predicate())) : e.position() + " at";
    }

    private static Link link(Map<String, Thing> things, String iri) {
        Thing t = things.get(iri);
        return Link.to(iri, t == null ? slug(iri) : t.label());
    }

    static String slug(String iri) {
        return iri.startsWith(Iris.ID) ? iri.substring(Iris.ID.length()) : iri;
    }
}

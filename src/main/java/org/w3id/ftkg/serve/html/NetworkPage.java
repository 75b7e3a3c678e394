package org.w3id.ftkg.serve.html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.atlas.json.JsonBuilder;

/** Actors and relations around one entity: what the script draws, and the same edges as a table without scripts. */
public record NetworkPage(String center, boolean centerFound, int depth, List<Option> entities, List<Node> nodes,
                          List<Edge> edges, int offset, boolean more) implements Page {
    public static final int MAX_DEPTH = 4;
    public static final int DEFAULT_DEPTH = 1;
    /** Nodes the script draws at first; "show more" adds as many again. */
    public static final int FIRST_NODES = 40;
    /** The categories nodes are drawn by (colour and shape), in the legend's order. */
    public static final List<String> CATEGORIES = List.of("person", "organization", "place", "substance", "event", "other");

    /** A thing: {@code kind} its class's label, {@code category} the kind it is drawn as, {@code hops} from the centre. */
    public record Node(String iri, String label, String kind, String category, String href, boolean center, int hops) {}

    /** A relation, the fact it comes from and that fact's source file, and who claims it (empty when asserted). */
    public record Edge(Link from, String relation, Link to, String fromIri, String toIri, String claimedBy, String quote,
                       String factHref, String source) {}

    /** The relation names and source files of the edges, sorted: what the filters offer. */
    public List<String> relations() {
        return List.copyOf(new TreeSet<>(edges.stream().map(Edge::relation).toList()));
    }

    public List<String> sources() {
        return List.copyOf(new TreeSet<>(edges.stream().map(Edge::source).filter(s -> !s.isEmpty()).toList()));
    }

    /** The link to the next page of things around the same centre (empty when there is none). */
    public String nextHref() {
        return more ? "/network?center=" + URLEncoder.encode(center, StandardCharsets.UTF_8) + "&depth=" + depth
            + "&offset=" + (offset + nodes.size() - 1) : "";
    }

    /** The graph as the script reads it (Cytoscape.js elements' data), and what {@code /network.json} answers. */
    public String json() {
        JsonBuilder b = JsonBuilder.create().startObject().key("nodes").startArray();
        for (Node n : nodes)
            b.startObject().pair("id", n.iri()).pair("label", n.label()).pair("kind", n.kind()).pair("category", n.category())
                .pair("href", n.href()).pair("center", n.center()).pair("hops", n.hops()).finishObject();
        b.finishArray().key("edges").startArray();
        int i = 0;
        for (Edge e : edges)
            b.startObject().pair("id", "e" + (i++)).pair("source", e.fromIri()).pair("target", e.toIri())
                .pair("label", e.relation()).pair("quote", e.quote()).pair("fact", e.factHref())
                .pair("claimed", !e.claimedBy().isEmpty()).pair("claimedBy", e.claimedBy()).pair("sourceFile", e.source())
                .finishObject();
        b.finishArray().pair("firstNodes", FIRST_NODES).pair("center", center).pair("depth", depth).pair("offset", offset);
        if (more)
            b.pair("next", nextHref().replaceFirst("^/network", "/network.json"));
        return b.finishObject().build().toString();
    }
}

package org.w3id.ftkg.serve.html;

import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * Actors and their relations around one entity: the nodes and edges the script draws, and the
 * same edges as a table for readers without scripts.
 */
public record NetworkPage(String center, boolean centerFound, int depth, List<Option> entities, List<Node> nodes,
                          List<Edge> edges) implements Page {
    public static final int MAX_DEPTH = 4;

    /** A thing in the network: {@code kind} is its class's label. */
    public record Node(String iri, String label, String kind, String href, boolean center) {}

    /** A relation, the fact it comes from, and who claims it (empty when asserted). */
    public record Edge(Link from, String relation, Link to, String fromIri, String toIri, String claimedBy, String quote,
                       String factHref) {}

    /** The graph as the script reads it (Cytoscape.js elements' data). */
    public String json() {
        JsonArray ns = new JsonArray(), es = new JsonArray();
        for (Node n : nodes) {
            JsonObject o = new JsonObject();
            o.put("id", n.iri());
            o.put("label", n.label());
            o.put("kind", n.kind());
            o.put("href", n.href());
            o.put("center", n.center());
            ns.add(o);
        }
        int i = 0;
        for (Edge e : edges) {
            JsonObject o = new JsonObject();
            o.put("id", "e" + (i++));
            o.put("source", e.fromIri());
            o.put("target", e.toIri());
            o.put("label", e.relation());
            o.put("quote", e.quote());
            o.put("fact", e.factHref());
            o.put("claimedBy", e.claimedBy());
            es.add(o);
        }
        JsonObject data = new JsonObject();
        data.put("nodes", ns);
        data.put("edges", es);
        return data.toString();
    }
}

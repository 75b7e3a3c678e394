package org.w3id.ftkg.serve.html;

import static org.w3id.ftkg.serve.html.Html.esc;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.serve.LinkedDataStore;
import org.w3id.ftkg.serve.ViewQueries.Edge;

/**
 * Actors and their relations around one entity, drawn with Cytoscape.js; the same edges are
 * listed in a table, which is all a reader without scripts gets. Claimed links (the content of an
 * allegation or claim) are marked as such, with who claims them.
 */
public final class NetworkPage {
    private NetworkPage() {}

    /** What the edge says: the predicate's label, or for a post held, the position ("professor at"). */
    static String relation(Edge e, LinkedDataStore store) {
        if (e.position() != null && !e.position().isEmpty())
            return e.position() + " at";
        return store.label(org.apache.jena.graph.NodeFactory.createURI(e.predicate()));
    }

    public static String render(String center, int depth, List<Edge> edges, Map<String, String[]> nodes, LinkedDataStore store) {
        // Breadth-first, ignoring direction, up to `depth` hops from the centre.
        Map<String, List<Edge>> adj = new HashMap<>();
        for (Edge e : edges) {
            adj.computeIfAbsent(e.from(), k -> new java.util.ArrayList<>()).add(e);
            adj.computeIfAbsent(e.to(), k -> new java.util.ArrayList<>()).add(e);
        }
        Map<String, Integer> dist = new HashMap<>();
        Set<Edge> shown = new LinkedHashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>();
        if (nodes.containsKey(center)) {
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
        JsonObject data = new JsonObject();
        JsonArray ns = new JsonArray(), es = new JsonArray();
        for (var n : dist.entrySet()) {
            JsonObject o = new JsonObject();
            String[] info = nodes.getOrDefault(n.getKey(), new String[] { slug(n.getKey()), "" });
            o.put("id", n.getKey());
            o.put("label", info[0]);
            o.put("kind", info[1]);
            o.put("href", Html.localHref(n.getKey()));
            o.put("center", n.getKey().equals(center));
            ns.add(o);
        }
        int i = 0;
        for (Edge e : shown) {
            JsonObject o = new JsonObject();
            o.put("id", "e" + (i++));
            o.put("source", e.from());
            o.put("target", e.to());
            o.put("label", relation(e, store));
            o.put("quote", e.quote());
            o.put("fact", Html.localHref(e.fact()));
            o.put("claimedBy", e.claimedBy());
            es.add(o);
        }
        data.put("nodes", ns);
        data.put("edges", es);
        String json = data.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");

        StringBuilder b = new StringBuilder("<h1>Network</h1>\n<p>Who is tied to whom, and which fact says so. Dashed links are ")
            .append("only claimed or alleged, by the party named. Select a link to read its evidence.</p>\n")
            .append("<form class=\"filters\" method=\"get\" action=\"/network\"><label>Centre on <input list=\"entities\" name=\"center\" value=\"")
            .append(esc(slug(center))).append("\" id=\"center\"></label> <label>Hops <select name=\"depth\">");
        for (int d = 1; d <= 4; d++)
            b.append("<option").append(d == depth ? " selected" : "").append(">").append(d).append("</option>");
        b.append("</select></label> <button type=\"submit\">Show</button><datalist id=\"entities\">");
        nodes.entrySet().stream().sorted(Map.Entry.comparingByValue((x, y) -> x[0].compareToIgnoreCase(y[0])))
            .forEach(n -> b.append("<option value=\"").append(esc(slug(n.getKey()))).append("\">").append(esc(n.getValue()[0]))
                .append("</option>"));
        b.append("</datalist></form>\n");
        if (!nodes.containsKey(center))
            b.append("<p class=\"error\">No entity ").append(esc(slug(center))).append(".</p>");
        b.append("<div id=\"cy\" aria-label=\"network graph\"></div>\n<div id=\"edge-info\" role=\"status\"></div>\n")
            .append("<script type=\"application/json\" id=\"network-data\">").append(json).append("</script>\n");
        b.append("<h2>Links (").append(shown.size()).append(")</h2><table id=\"edges\"><thead><tr><th>From</th><th>Relation</th><th>To</th>")
            .append("<th>Claimed by</th><th>Evidence</th></tr></thead><tbody>\n");
        for (Edge e : shown)
            b.append("<tr><td><a href=\"").append(esc(Html.localHref(e.from()))).append("\">").append(esc(label(nodes, e.from())))
                .append("</a></td><td>").append(esc(relation(e, store)))
                .append("</td><td><a href=\"").append(esc(Html.localHref(e.to()))).append("\">").append(esc(label(nodes, e.to())))
                .append("</a></td><td>").append(esc(e.claimedBy())).append("</td><td><a href=\"").append(esc(Html.localHref(e.fact())))
                .append("\">“").append(esc(e.quote())).append("”</a></td></tr>\n");
        b.append("</tbody></table>");
        return Html.page("Network", b.toString(), "cytoscape.min.js", "network.js");
    }

    static String label(Map<String, String[]> nodes, String iri) {
        String[] n = nodes.get(iri);
        return n == null ? slug(iri) : n[0];
    }

    static String slug(String iri) {
        return iri.startsWith(Iris.ID) ? iri.substring(Iris.ID.length()) : iri;
    }
}

package org.w3id.ftkg.serve.html;

import static org.w3id.ftkg.serve.html.Html.esc;

import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.w3id.ftkg.serve.LinkedDataStore;

/** What the dataset is, how big, where it comes from, and where to start. */
public final class HomePage {
    private HomePage() {}

    public static String render(LinkedDataStore store) {
        Map<String, Long> c = store.counts();
        StringBuilder b = new StringBuilder();
        b.append("<h1>FTKG: the Fentanyl Trafficking Knowledge Graph</h1>\n")
            .append("<p class=\"lead\">Curated facts about fentanyl trafficking and US–Mexico counter-narcotics, ")
            .append("each tied to the exact passage of the news article it comes from. Allegations, claims and denials ")
            .append("are kept as such and attributed to whoever made them.</p>\n");
        b.append("<ul class=\"counts\">");
        c.forEach((k, v) -> b.append("<li><strong>").append(v).append("</strong> ").append(esc(k)).append("</li>"));
        b.append("</ul>\n<h2>Start here</h2><ul>")
            .append("<li><a href=\"/sparql\">Query the graph with SPARQL</a> (endpoint: <code>/ftkg/sparql</code>)</li>")
            .append("<li><a href=\"/dumps/\">Download the data</a> (TriG, N-Quads, Turtle, JSON-LD) and the ")
            .append("<a href=\"/.well-known/void\">VoID description</a></li>")
            .append("<li><a href=\"/timeline\">Timeline</a>, <a href=\"/network\">network</a> and ")
            .append("<a href=\"/sources\">per-source coverage</a></li></ul>\n");
        b.append("<h2>Entities mentioned most</h2><ul class=\"examples\">");
        for (String e : store.exampleEntities(12))
            b.append("<li>").append(Html.link(NodeFactory.createURI(e), store.label(NodeFactory.createURI(e)))).append("</li>");
        b.append("</ul>\n<h2>Sources</h2><ul class=\"sources\">");
        for (Map<String, String> s : store.sources())
            b.append("<li><a href=\"/source/").append(esc(s.get("stem"))).append("\">")
                .append(esc(s.get("title").isEmpty() ? s.get("file") : s.get("title"))).append("</a> <code>")
                .append(esc(s.get("file"))).append("</code></li>");
        b.append("</ul>");
        return Html.page("Home", b.toString());
    }

    static String list(List<String> items) {
        return String.join(", ", items);
    }
}

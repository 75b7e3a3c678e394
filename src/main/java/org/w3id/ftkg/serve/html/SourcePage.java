package org.w3id.ftkg.serve.html;

import static org.w3id.ftkg.serve.html.Html.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.serve.FactView;
import org.w3id.ftkg.serve.LinkedDataStore;

/**
 * A source document with every quoted passage highlighted and linked to its facts. The text is
 * cut at every quote boundary (in code points), so each piece carries its offsets and an
 * RFC 5147 {@code #char=start,end} fragment can be highlighted exactly.
 */
public final class SourcePage {
    private SourcePage() {}

    public static String render(String stem, String text, Graph description, List<FactView> facts, LinkedDataStore store) {
        Node src = NodeFactory.createURI(Iris.SOURCE + stem);
        StringBuilder b = new StringBuilder();
        String title = store.label(src);
        b.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"iri\">").append(esc(src.getURI())).append("</p>\n<dl>");
        description.find(src, Node.ANY, Node.ANY).toList().stream()
            .sorted(org.w3id.ftkg.output.Sorted.TRIPLES)
            .forEach(t -> EntityPage.dd(b, store.label(t.getPredicate()), FactList.value(t.getObject(), store)));
        b.append("</dl>\n<p class=\"formats\">As data: ").append(EntityPage.formats(src.getURI()))
            .append(" · <a href=\"/source/").append(esc(stem)).append(".txt\">plain text</a></p>\n");
        b.append("<p>").append(facts.size()).append(" facts rest on this text; their quotes are highlighted. ")
            .append("Select a highlight to open its fact.</p>\n");
        b.append("<div class=\"source-text\" id=\"source-text\">").append(highlighted(text, facts)).append("</div>\n");
        return Html.page(title, b.toString(), "source.js");
    }

    static String highlighted(String text, List<FactView> facts) {
        int length = text.codePointCount(0, text.length());
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, length));
        for (FactView f : facts) {
            cuts.add(Math.min(f.start(), length));
            cuts.add(Math.min(f.end(), length));
        }
        StringBuilder b = new StringBuilder();
        Integer prev = null;
        for (int cut : cuts) {
            if (prev != null && cut > prev) {
                int s = prev, e = cut;
                List<FactView> covering = new ArrayList<>();
                for (FactView f : facts)
                    if (f.start() <= s && f.end() >= e)
                        covering.add(f);
                String piece = esc(text.substring(text.offsetByCodePoints(0, s), text.offsetByCodePoints(0, e)));
                if (covering.isEmpty())
                    b.append("<span data-start=\"").append(s).append("\" data-end=\"").append(e).append("\">")
                        .append(piece).append("</span>");
                else {
                    StringBuilder ids = new StringBuilder();
                    covering.forEach(f -> ids.append(ids.length() == 0 ? "" : " ").append(f.id()));
                    b.append("<a class=\"quote\" href=\"/fact/").append(esc(covering.get(0).id()))
                        .append("\" data-start=\"").append(s).append("\" data-end=\"").append(e)
                        .append("\" data-facts=\"").append(esc(ids.toString())).append("\" title=\"")
                        .append(esc(covering.size() == 1 ? "fact " + ids : covering.size() + " facts: " + ids))
                        .append("\">").append(piece).append("</a>");
                }
            }
            prev = cut;
        }
        return b.toString();
    }
}

package org.w3id.ftkg.serve.html;

import static org.w3id.ftkg.serve.html.Html.esc;

import java.util.List;

import org.apache.jena.graph.Triple;
import org.w3id.ftkg.serve.FactView;
import org.w3id.ftkg.serve.LinkedDataStore;

/** A list of facts, each with its triples and the evidence quote linked to its place in the source. */
final class FactList {
    private FactList() {}

    static String render(List<FactView> facts, LinkedDataStore store) {
        if (facts.isEmpty())
            return "<p>No facts.</p>";
        StringBuilder b = new StringBuilder("<ol class=\"facts\">\n");
        for (FactView f : facts) {
            b.append("<li class=\"fact\" id=\"").append(esc(f.id())).append("\">\n<ul class=\"triples\">");
            for (Triple t : f.triples())
                b.append("<li>").append(triple(t, store)).append("</li>");
            b.append("</ul>\n").append(evidence(f)).append("</li>\n");
        }
        return b.append("</ol>").toString();
    }

    static String triple(Triple t, LinkedDataStore store) {
        return Html.link(t.getSubject(), store.label(t.getSubject())) + " <span class=\"p\">"
            + esc(store.label(t.getPredicate())) + "</span> " + value(t.getObject(), store);
    }

    static String value(org.apache.jena.graph.Node o, LinkedDataStore store) {
        if (o.isLiteral()) {
            String dt = o.getLiteralDatatypeURI();
            String suffix = dt != null && dt.startsWith("http://www.w3.org/2001/XMLSchema#")
                && !dt.endsWith("#string") ? " <span class=\"dt\">(" + esc(dt.substring(dt.indexOf('#') + 1)) + ")</span>" : "";
            return "<q class=\"lit\">" + esc(o.getLiteralLexicalForm()) + "</q>" + suffix;
        }
        return Html.link(o, store.label(o));
    }

    static String evidence(FactView f) {
        String href = "/source/" + f.sourceStem() + "#char=" + f.start() + "," + f.end();
        return "<blockquote class=\"evidence\"><q>" + esc(f.quote()) + "</q>"
            + "<footer><a class=\"evidence-link\" href=\"" + esc(href) + "\">" + esc(f.sourceFile()) + ", characters "
            + f.start() + "–" + f.end() + "</a> · <a href=\"/fact/" + esc(f.id()) + "\">fact " + esc(f.id()) + "</a>"
            + " · " + esc(f.curationFile()) + ":" + f.curationLine() + "</footer></blockquote>\n";
    }
}

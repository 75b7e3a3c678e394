package org.w3id.ftkg.serve.html;

import static org.w3id.ftkg.serve.html.Html.esc;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.w3id.ftkg.serve.FactView;
import org.w3id.ftkg.serve.LinkedDataStore;

/** The page of one fact: its quote in context, the triples it supports, and its provenance. */
public final class FactPage {
    private FactPage() {}

    public static String render(FactView f, Graph description, LinkedDataStore store) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Fact ").append(esc(f.id())).append("</h1>\n<p class=\"iri\">").append(esc(f.iri())).append("</p>\n");
        b.append(FactList.evidence(f));
        b.append("<h2>Triples in this fact</h2><ul class=\"triples\">");
        for (Triple t : f.triples())
            b.append("<li>").append(FactList.triple(t, store)).append("</li>");
        b.append("</ul>\n<h2>Provenance</h2><table class=\"prov\">");
        Node fact = NodeFactory.createURI(f.iri());
        List<Triple> prov = description.find().toList().stream()
            .filter(t -> !f.triples().contains(t))
            .sorted(org.w3id.ftkg.output.Sorted.TRIPLES).toList();
        for (Triple t : prov)
            b.append("<tr><td>").append(Html.link(t.getSubject(), t.getSubject().equals(fact) ? "this fact"
                    : t.getSubject().getURI().substring(t.getSubject().getURI().indexOf('#') + 1)))
                .append("</td><td>").append(esc(store.label(t.getPredicate()))).append("</td><td>")
                .append(FactList.value(t.getObject(), store)).append("</td></tr>");
        b.append("</table>\n<p class=\"formats\">As data: ").append(EntityPage.formats(f.iri())).append("</p>");
        return Html.page("Fact " + f.id(), b.toString());
    }
}

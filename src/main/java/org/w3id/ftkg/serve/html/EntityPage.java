package org.w3id.ftkg.serve.html;

import static org.w3id.ftkg.serve.html.Html.esc;

import java.util.List;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.serve.FactView;
import org.w3id.ftkg.serve.LinkedDataStore;

/** The page of an entity (or event, tenure, claim): labels, types, Wikidata link, and every fact about it. */
public final class EntityPage {
    private EntityPage() {}

    public static String render(String iri, Graph g, List<FactView> facts, LinkedDataStore store) {
        Node n = NodeFactory.createURI(iri);
        String label = store.label(n);
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(label)).append("</h1>\n<p class=\"iri\">").append(esc(iri)).append("</p>\n<dl>");
        TreeSet<String> types = new TreeSet<>(), labels = new TreeSet<>(), alts = new TreeSet<>();
        g.find(n, Vocab.TYPE, Node.ANY).forEachRemaining(t -> types.add(store.label(t.getObject())));
        g.find(n, Vocab.LABEL, Node.ANY).forEachRemaining(t -> labels.add(t.getObject().getLiteralLexicalForm()
            + (t.getObject().getLiteralLanguage().isEmpty() ? "" : " @" + t.getObject().getLiteralLanguage())));
        g.find(n, Vocab.ALT_LABEL, Node.ANY).forEachRemaining(t -> alts.add(t.getObject().getLiteralLexicalForm()));
        dd(b, "Type", String.join(", ", types.stream().map(Html::esc).toList()));
        dd(b, "Labels", String.join("; ", labels.stream().map(Html::esc).toList()));
        if (!alts.isEmpty())
            dd(b, "Also written", String.join("; ", alts.stream().map(Html::esc).toList()));
        g.find(n, Vocab.COMMENT, Node.ANY).forEachRemaining(t -> dd(b, "Description", esc(t.getObject().getLiteralLexicalForm())));
        var same = g.find(n, Vocab.SAME_AS, Node.ANY).toList();
        if (!same.isEmpty())
            same.forEach(t -> dd(b, "Wikidata", "<a class=\"wikidata\" href=\"" + esc(t.getObject().getURI()) + "\">"
                + esc(t.getObject().getURI().substring(t.getObject().getURI().lastIndexOf('/') + 1)) + "</a>"));
        else if (g.contains(n, Vocab.LINK_STATUS, Vocab.NO_VERIFIED_MATCH)) {
            StringBuilder note = new StringBuilder("not linked: no verified Wikidata match");
            g.find(n, Vocab.WIKIDATA_NOTE, Node.ANY).forEachRemaining(t -> note.append(" (")
                .append(t.getObject().getLiteralLexicalForm()).append(")"));
            dd(b, "Wikidata", esc(note.toString()));
        }
        b.append("</dl>\n");
        b.append("<p class=\"formats\">As data: ").append(formats(iri)).append("</p>\n");
        b.append("<h2>Facts (").append(facts.size()).append(")</h2>\n").append(FactList.render(facts, store));
        return Html.page(label, b.toString());
    }

    static void dd(StringBuilder b, String term, String html) {
        b.append("<dt>").append(esc(term)).append("</dt><dd>").append(html).append("</dd>");
    }

    static String formats(String iri) {
        String path = Html.localHref(iri);
        return "<a href=\"" + esc(path) + ".ttl\">Turtle</a> · <a href=\"" + esc(path) + ".jsonld\">JSON-LD</a> · <a href=\""
            + esc(path) + ".nt\">N-Triples</a>";
    }
}

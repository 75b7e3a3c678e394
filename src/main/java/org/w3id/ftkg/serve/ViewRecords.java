package org.w3id.ftkg.serve;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.serve.html.Evidence;
import org.w3id.ftkg.serve.html.FactCard;
import org.w3id.ftkg.serve.html.Link;
import org.w3id.ftkg.serve.html.Passage;
import org.w3id.ftkg.serve.html.Statement;
import org.w3id.ftkg.serve.html.Value;

/** Turns the store's nodes, triples and facts into the records pages show, with the store's labels. */
final class ViewRecords {
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    private final LinkedDataStore store;

    ViewRecords(LinkedDataStore store) {
        this.store = store;
    }

    Link link(Node n) {
        return n.isURI() ? Link.to(n.getURI(), store.label(n)) : new Link(null, store.label(n));
    }

    Link link(String iri) {
        return link(Iris.uri(iri));
    }

    /** A literal keeps its lexical form and names its XSD datatype (plain strings name none). */
    Value value(Node o) {
        if (!o.isLiteral())
            return Value.of(link(o));
        String dt = o.getLiteralDatatypeURI();
        boolean named = dt != null && dt.startsWith(XSD) && !dt.endsWith("#string");
        return Value.literal(o.getLiteralLexicalForm(), named ? dt.substring(XSD.length()) : null);
    }

    Statement statement(Triple t) {
        return new Statement(link(t.getSubject()), store.label(t.getPredicate()), value(t.getObject()));
    }

    static Evidence evidence(FactView f) {
        return new Evidence(f.id(), f.quote(), f.sourceFile(), f.sourceStem(), f.start(), f.end(), f.curationFile(),
            f.curationLine());
    }

    FactCard card(FactView f) {
        return new FactCard(evidence(f), f.triples().stream().map(this::statement).toList());
    }

    /** The text cut at every quote boundary (code points), each piece with the facts quoting it, for RFC 5147 fragments. */
    static List<Passage> passages(String text, List<FactView> facts) {
        int length = text.codePointCount(0, text.length());
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, length));
        for (FactView f : facts) {
            cuts.add(Math.min(f.start(), length));
            cuts.add(Math.min(f.end(), length));
        }
        List<Integer> at = List.copyOf(cuts);
        List<Passage> out = new ArrayList<>();
        for (int i = 1; i < at.size(); i++) {
            int s = at.get(i - 1), e = at.get(i);
            List<String> covering = facts.stream().filter(f -> f.start() <= s && f.end() >= e).map(FactView::id).toList();
            out.add(new Passage(s, e, text.substring(text.offsetByCodePoints(0, s), text.offsetByCodePoints(0, e)), covering));
        }
        return out;
    }

    /** How many of a text's sentences there are, and how many of them at least one fact quotes from. */
    record Coverage(int sentences, int covered) {}

    static Coverage coverage(String text, List<FactView> facts) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text);
        int sentences = 0, covered = 0;
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            if (text.substring(start, end).isBlank())
                continue;
            sentences++;
            int s = text.codePointCount(0, start), e = text.codePointCount(0, end);
            if (facts.stream().anyMatch(f -> f.start() < e && f.end() > s))
                covered++;
        }
        return new Coverage(sentences, covered);
    }
}

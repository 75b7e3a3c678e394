package org.w3id.ftkg.serve;

import java.util.List;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.w3id.ftkg.provenance.FactHash;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.output.Sorted;
import org.w3id.ftkg.serve.html.EntityPage;
import org.w3id.ftkg.serve.html.FactPage;
import org.w3id.ftkg.serve.html.Link;
import org.w3id.ftkg.serve.html.SourcePage;
import org.w3id.ftkg.serve.html.Statement;
import org.w3id.ftkg.serve.html.TimelinePage;

/** The records of the entity, fact and source pages, built from a description the store gave. */
final class LinkedDataPages {
    private final LinkedDataStore store;
    private final ViewRecords records;
    private final Citations citations;

    LinkedDataPages(LinkedDataStore store, DataRelease release) {
        this.store = store;
        this.citations = new Citations(store, release);
        this.records = new ViewRecords(store);
    }

    EntityPage entity(String iri, Graph g) {
        Node n = NodeFactory.createURI(iri);
        TreeSet<String> types = new TreeSet<>(), labels = new TreeSet<>(), alts = new TreeSet<>();
        g.find(n, Vocab.TYPE, Node.ANY).forEachRemaining(t -> types.add(store.label(t.getObject())));
        g.find(n, Vocab.LABEL, Node.ANY).forEachRemaining(t -> labels.add(t.getObject().getLiteralLexicalForm()
            + (t.getObject().getLiteralLanguage().isEmpty() ? "" : " @" + t.getObject().getLiteralLanguage())));
        g.find(n, Vocab.ALT_LABEL, Node.ANY).forEachRemaining(t -> alts.add(t.getObject().getLiteralLexicalForm()));
        List<String> descriptions = g.find(n, Vocab.COMMENT, Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).toList();
        List<Link> wikidata = g.find(n, Vocab.SAME_AS, Node.ANY).mapWith(t -> t.getObject().getURI())
            .mapWith(q -> new Link(q, q.substring(q.lastIndexOf('/') + 1))).toList();
        List<String> notes = g.find(n, Vocab.WIKIDATA_NOTE, Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).toList();
        List<FactView> facts = store.factsMentioning(iri);
        EntityStatements.Result st = EntityStatements.of(n, facts, records, store);
        String label = store.label(n);
        List<TimelinePage.Event> events = EntityStatements.events(n, facts, store).stream().map(TimelineView::event).toList();
        return new EntityPage(iri, label, List.copyOf(types), List.copyOf(labels), List.copyOf(alts), descriptions,
            wikidata, g.contains(n, Vocab.LINK_STATUS, Vocab.NO_VERIFIED_MATCH), notes, Link.localHref(iri),
            st.statements(), st.claims(), st.incoming(), events, facts.size(), citations.entity(iri, label, facts));
    }

    FactPage fact(String iri, Graph description) {
        FactView f = store.fact(iri).orElseThrow();
        Node fact = NodeFactory.createURI(iri);
        List<FactPage.Provenance> prov = description.find().toList().stream()
            .filter(t -> !f.triples().contains(t))
            .sorted(Sorted.TRIPLES)
            .map(t -> new FactPage.Provenance(t.getSubject().equals(fact), provenanceStatement(t)))
            .toList();
        String recomputed = FactHash.PREFIX + org.apache.commons.codec.digest.DigestUtils.sha256Hex(
            store.canonicalFact(iri).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new FactPage(iri, records.card(f), EntityStatements.claims(List.of(f), records, store), prov, Link.localHref(iri),
            new FactPage.ContentHash(f.hash(), recomputed, Link.localHref(iri) + LinkedDataServlet.CANONICAL), citations.fact(f));
    }

    /** The citation of a fact or an entity (for its .bib and .csl.json forms). */
    org.w3id.ftkg.serve.html.Citation citation(String iri) {
        if (iri.startsWith(Iris.FACT))
            return citations.fact(store.fact(iri).orElseThrow());
        return citations.entity(iri, store.label(NodeFactory.createURI(iri)), store.factsMentioning(iri));
    }

    /** A provenance triple: its subject (a part of the fact, such as #evidence) is named by its fragment. */
    private Statement provenanceStatement(Triple t) {
        String s = t.getSubject().getURI();
        return new Statement(Link.to(s, s.substring(s.indexOf('#') + 1)), store.label(t.getPredicate()),
            records.value(t.getObject()));
    }

    SourcePage source(String stem, String text, Graph description) {
        Node src = NodeFactory.createURI(Iris.SOURCE + stem);
        List<SourcePage.Property> props = description.find(src, Node.ANY, Node.ANY).toList().stream()
            .sorted(Sorted.TRIPLES)
            .map(t -> new SourcePage.Property(store.label(t.getPredicate()), records.value(t.getObject())))
            .toList();
        List<FactView> facts = store.factsOfSource(stem);
        return new SourcePage(src.getURI(), stem, store.label(src), props, facts.size(), ViewRecords.passages(text, facts),
            Link.localHref(src.getURI()));
    }
}

package org.w3id.ftkg.serve;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.w3id.ftkg.digest.Sha256;
import org.w3id.ftkg.provenance.FactHash;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.output.Sorted;
import org.w3id.ftkg.serve.html.Citation;
import org.w3id.ftkg.serve.html.EntityPage;
import org.w3id.ftkg.serve.html.FactPage;
import org.w3id.ftkg.serve.html.Link;
import org.w3id.ftkg.serve.html.SourcePage;
import org.w3id.ftkg.serve.html.Statement;
import org.w3id.ftkg.serve.html.TimelinePage;

/** The records of the entity, fact and source pages (and citations), built from a description the store gave. */
final class LinkedDataPages {
    private final LinkedDataStore store;
    private final ViewRecords records;
    private final DataRelease release;

    LinkedDataPages(LinkedDataStore store, DataRelease release) {
        this.store = store;
        this.release = release;
        this.records = new ViewRecords(store);
    }

    EntityPage entity(String iri, Graph g) {
        Node n = Iris.uri(iri);
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
            st.statements(), st.claims(), st.incoming(), events, facts.size(), citation(iri, label, facts));
    }

    FactPage fact(String iri, Graph description) {
        FactView f = store.fact(iri).orElseThrow();
        Node fact = Iris.uri(iri);
        List<FactPage.Provenance> prov = description.find().toList().stream()
            .filter(t -> !f.triples().contains(t))
            .sorted(Sorted.TRIPLES)
            .map(t -> new FactPage.Provenance(t.getSubject().equals(fact), provenanceStatement(t)))
            .toList();
        String recomputed = FactHash.PREFIX + Sha256.hex(store.canonicalFact(iri));
        return new FactPage(iri, records.card(f), EntityStatements.claims(List.of(f), records, store), prov, Link.localHref(iri),
            new FactPage.ContentHash(f.hash(), recomputed, Link.localHref(iri) + LinkedDataServlet.CANONICAL), citation(f));
    }

    /** The citation of a fact or an entity (for its .bib and .csl.json forms). */
    Citation citation(String iri) {
        return iri.startsWith(Iris.FACT) ? citation(store.fact(iri).orElseThrow())
            : citation(iri, store.label(Iris.uri(iri)), store.factsMentioning(iri));
    }

    private Citation citation(FactView f) {
        return new Citation(key("fact", f.id()), "FTKG fact " + f.id(), f.iri(), Link.localHref(f.iri()),
            sources(List.of(f)), f.quote(), f.hash(), release.version(), release.date(), today());
    }

    /** An entity's citation names every source whose facts mention it. */
    private Citation citation(String iri, String label, List<FactView> facts) {
        return new Citation(key("id", NetworkView.slug(iri)), label, iri, Link.localHref(iri), sources(facts), "", "",
            release.version(), release.date(), today());
    }

    private List<Citation.Source> sources(List<FactView> facts) {
        Map<String, String> titles = store.sources().stream()
            .collect(Collectors.toMap(LinkedDataStore.Source::file, LinkedDataStore.Source::title, (a, b) -> a));
        return facts.stream().map(FactView::sourceFile).distinct().sorted()
            .map(file -> new Citation.Source(titles.getOrDefault(file, ""), file)).toList();
    }

    /** A BibTeX key: letters, digits and hyphens only. */
    private static String key(String kind, String id) {
        return "ftkg-" + kind + "-" + id.replaceAll("[^A-Za-z0-9-]", "-");
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    /** A provenance triple: its subject (a part of the fact, such as #evidence) is named by its fragment. */
    private Statement provenanceStatement(Triple t) {
        String s = t.getSubject().getURI();
        return new Statement(Link.to(s, s.substring(s.indexOf('#') + 1)), store.label(t.getPredicate()),
            records.value(t.getObject()));
    }

    SourcePage source(String stem, String text, Graph description) {
        Node src = Iris.source(stem);
        List<SourcePage.Property> props = description.find(src, Node.ANY, Node.ANY).toList().stream()
            .sorted(Sorted.TRIPLES)
            .map(t -> new SourcePage.Property(store.label(t.getPredicate()), records.value(t.getObject())))
            .toList();
        List<FactView> facts = store.factsOfSource(stem);
        return new SourcePage(src.getURI(), stem, store.label(src), props, facts.size(), ViewRecords.passages(text, facts),
            Link.localHref(src.getURI()));
    }
}

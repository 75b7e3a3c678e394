package org.w3id.ftkg.serve;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.serve.html.Citation;
import org.w3id.ftkg.serve.html.Link;

/** Builds the citation of a fact or an entity from the store and the served data release. */
final class Citations {
    private final LinkedDataStore store;
    private final DataRelease release;

    Citations(LinkedDataStore store, DataRelease release) {
        this.store = store;
        this.release = release;
    }

    Citation fact(FactView f) {
        return new Citation(key("fact", f.id()), "FTKG fact " + f.id(), f.iri(), Link.localHref(f.iri()),
            sources(List.of(f)), f.quote(), f.hash(), release.version(), release.date(), today());
    }

    /** An entity's citation names every source whose facts mention it. */
    Citation entity(String iri, String label, List<FactView> facts) {
        String slug = iri.startsWith(Iris.ID) ? iri.substring(Iris.ID.length()) : iri;
        return new Citation(key("id", slug), label, iri, Link.localHref(iri), sources(facts), "", "", release.version(),
            release.date(), today());
    }

    private List<Citation.Source> sources(List<FactView> facts) {
        Map<String, String> titles = store.sources().stream()
            .collect(Collectors.toMap(LinkedDataStore.Source::file, LinkedDataStore.Source::title, (a, b) -> a));
        return facts.stream().map(FactView::sourceFile).distinct().sorted()
            .map(file -> new Citation.Source(titles.getOrDefault(file, ""), file)).toList();
    }

    /** A BibTeX key: letters, digits and hyphens only. */
    static String key(String kind, String id) {
        return "ftkg-" + kind + "-" + id.replaceAll("[^A-Za-z0-9-]", "-");
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

}

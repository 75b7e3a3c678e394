package org.w3id.ftkg.search;

/**
 * One thing found by a search, in the shape of Wikidata's entity search (wbsearchentities): its slug, IRI,
 * English label (else another), English description, class and class label (or nulls), and the name that matched.
 */
public record SearchHit(String id, String iri, String label, String description, String type, String typeLabel,
                        Match match) {

    /**
     * The name that matched: its field ({@code label}, {@code alias} or {@code description}), language tag (or ""),
     * text as written, and kind: {@code exact} (the whole name, folded), {@code words} (every query word is a word
     * of the name), {@code prefix} (every query word begins one) or {@code fuzzy}.
     */
    public record Match(String field, String language, String text, String kind) {}
}

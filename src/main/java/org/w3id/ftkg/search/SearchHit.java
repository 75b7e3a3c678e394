package org.w3id.ftkg.search;

/**
 * One thing found by a search, in the shape of Wikidata's entity search (wbsearchentities).
 *
 * @param id          the slug: the last segment of the IRI
 * @param iri         the thing's IRI
 * @param label       its English label (another label if it has none)
 * @param description its English description, or null
 * @param type        the IRI of its class, or null
 * @param typeLabel   that class's label, or null
 * @param match       the name that matched, and how
 */
public record SearchHit(String id, String iri, String label, String description, String type, String typeLabel,
                        Match match) {

    /**
     * Which name matched the query.
     *
     * @param field    {@code label}, {@code alias} (skos:altLabel) or {@code description}
     * @param language the name's language tag, or "" for none
     * @param text     the name as written in the data
     * @param kind     {@code exact} (the whole name, folded), {@code words} (every query word is a word
     *                 of the name), {@code prefix} (every query word begins a word) or {@code fuzzy}
     */
    public record Match(String field, String language, String text, String kind) {}
}

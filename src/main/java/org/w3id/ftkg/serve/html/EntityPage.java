package org.w3id.ftkg.serve.html;

import java.util.List;

/**
 * An entity (or event, tenure, claim) as a reader meets it: its names and types, its Wikidata link
 * (or why it has none), what the facts state about it grouped by property, what others claim
 * about it (as sentences saying who claims what), what points to it, and the events it takes
 * part in, in date order, and how to cite it. Every value carries the quotes it rests on.
 */
public record EntityPage(String iri, String label, List<String> types, List<String> labels, List<String> altLabels,
                         List<String> descriptions, List<Link> wikidata, boolean noVerifiedMatch, List<String> wikidataNotes,
                         String dataPath, List<PropertyValues> statements, List<Claim> claims, List<PropertyValues> incoming,
                         List<TimelinePage.Event> events, int factCount, Citation citation) implements Page {

    /** One property and its values ({@code incoming}: the things that point here by it). */
    public record PropertyValues(String property, List<Referenced> values) {}

    /** A value with the evidence of every fact that states it. */
    public record Referenced(Value value, List<Evidence> references) {}

    /**
     * An assertion a source reports: who makes it, its kind (the local name of its class:
     * Allegation, Claim, Denial, Opinion, Demand, or Assertion), the propositions it makes,
     * the events or assertions it claims or denies, and its evidence.
     */
    public record Claim(Link assertion, List<Link> claimants, String kind, List<Statement> content, List<Link> claimed,
                        List<Evidence> references) {}
}

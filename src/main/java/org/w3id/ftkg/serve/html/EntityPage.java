package org.w3id.ftkg.serve.html;

import java.util.List;

/**
 * An entity as a reader meets it: names, types, Wikidata link (or why none), statements by property, claims as
 * who-claims-what, what points to it, its events in date order, and how to cite it; every value with its quotes.
 */
public record EntityPage(String iri, String label, List<String> types, List<String> labels, List<String> altLabels,
                         List<String> descriptions, List<Link> wikidata, boolean noVerifiedMatch, List<String> wikidataNotes,
                         String dataPath, List<PropertyValues> statements, List<Claim> claims, List<PropertyValues> incoming,
                         List<TimelinePage.Event> events, int factCount, Citation citation) implements Page {

    /** One property and its values ({@code incoming}: the things that point here by it). */
    public record PropertyValues(String property, List<Referenced> values) {}

    /** A value with the evidence of every fact that states it. */
    public record Referenced(Value value, List<Evidence> references) {}

    /** An assertion a source reports: who makes it, its kind (Allegation, Claim…), what it states, claims or denies. */
    public record Claim(Link assertion, List<Link> claimants, String kind, List<Statement> content, List<Link> claimed,
                        List<Evidence> references) {}
}

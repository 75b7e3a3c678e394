package org.w3id.ftkg.serve.html;

import java.util.List;

/**
 * The ontology reference: its English label and comment, {@code owl:versionInfo} (or ""), and every class,
 * property and individual under an anchor of its local name ({@code /ontology#Indictment}).
 */
public record OntologyPage(String iri, String title, String comment, String version, List<Section> sections) implements Page {
    public record Section(String id, String heading, List<Term> terms) {}

    /**
     * One term; {@code supers}: its superclasses or superproperties (an individual's classes); {@code uses}: triples
     * of the data using it, {@code example} one of them (or null) and {@code exampleSource} what states it.
     */
    public record Term(String name, String iri, String kind, String labelEn, String labelEs, String commentEn,
                       String commentEs, List<Link> supers, List<Link> domain, List<Link> range, long uses,
                       Statement example, Link exampleSource) {}

    public int termCount() {
        return sections.stream().mapToInt(s -> s.terms().size()).sum();
    }
}

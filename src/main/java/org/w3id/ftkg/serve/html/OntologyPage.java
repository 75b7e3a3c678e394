package org.w3id.ftkg.serve.html;

import java.util.List;

/**
 * The ontology reference: every class, property and named individual of the served ontology,
 * each under an anchor named by its local name (so {@code /ontology#Indictment} lands on it).
 *
 * @param iri      the ontology's IRI
 * @param title    its English label
 * @param comment  its English comment
 * @param version  its {@code owl:versionInfo} (or "")
 * @param sections classes, properties, individuals
 */
public record OntologyPage(String iri, String title, String comment, String version, List<Section> sections) implements Page {
    public record Section(String id, String heading, List<Term> terms) {}

    /**
     * One term. {@code kind}: "class", "object property", "datatype property" or "individual";
     * {@code supers}: what it is a subclass or subproperty of (for an individual, its classes);
     * {@code uses}: triples of the published data that use it (as predicate, as {@code rdf:type}
     * object for a class, as object for an individual); {@code example} one of them (null if none)
     * and {@code exampleSource} the fact (or entity record) that states it.
     */
    public record Term(String name, String iri, String kind, String labelEn, String labelEs, String commentEn,
                       String commentEs, List<Link> supers, List<Link> domain, List<Link> range, long uses,
                       Statement example, Link exampleSource) {}

    public int termCount() {
        return sections.stream().mapToInt(s -> s.terms().size()).sum();
    }
}

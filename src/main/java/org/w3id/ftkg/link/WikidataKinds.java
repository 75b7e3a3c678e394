package org.w3id.ftkg.link;

import java.util.Arrays;
import java.util.Optional;

import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Ontology;

/**
 * Which Wikidata class an FTKG class must fall under (through P31/P279*) for a match to be
 * type-compatible. Only the four kinds the linking workflow handles have a root.
 */
public enum WikidataKinds {
    // In the order they are tried: places win over agents (a country is both).
    PLACE("Place", "Q2221906", "geographic location"),
    PERSON("Person", "Q5", "human"),
    ORGANIZATION("Organization", "Q43229", "organization"),
    SUBSTANCE("Substance", null, "substance");

    public final String ftkgClass;
    /** The Wikidata root class, or null where no single root is reliable (substances: only existence is checked). */
    public final String rootQid;
    public final String description;

    WikidataKinds(String ftkgClass, String rootQid, String description) {
        this.ftkgClass = ftkgClass;
        this.rootQid = rootQid;
        this.description = description;
    }

    /** The kind of an entity whose class is named {@code type}, if it can be linked. */
    public static Optional<WikidataKinds> of(String type, Ontology ontology) {
        return ontology.classNamed(type).flatMap(c -> Arrays.stream(values())
            .filter(k -> ontology.isSubClassOf(c.iri(), Iris.term(k.ftkgClass))).findFirst());
    }
}

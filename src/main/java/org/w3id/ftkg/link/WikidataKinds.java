package org.w3id.ftkg.link;

import java.util.Optional;

import org.apache.jena.graph.Node;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Ontology;

/**
 * Which Wikidata class an FTKG class must fall under (through P31/P279*) for a match to be
 * type-compatible. Only the four kinds the linking workflow handles have a root.
 */
public enum WikidataKinds {
    PERSON("Person", "Q5", "human"),
    ORGANIZATION("Organization", "Q43229", "organization"),
    PLACE("Place", "Q2221906", "geographic location"),
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

    /** The kind of an entity of class {@code type}; places win over agents (a country is both). */
    public static Optional<WikidataKinds> of(Node type, Ontology ontology) {
        for (WikidataKinds k : new WikidataKinds[] { PLACE, PERSON, ORGANIZATION, SUBSTANCE })
            if (ontology.isSubClassOf(type, Iris.term(k.ftkgClass)))
                return Optional.of(k);
        return Optional.empty();
    }
}

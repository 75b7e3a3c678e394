package org.w3id.ftkg.model;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The IRI scheme of DESIGN.md: one place that mints every FTKG IRI. */
public final class Iris {
    public static final String BASE = "https://w3id.org/ftkg/";
    public static final String ONTOLOGY = BASE + "ontology#";
    public static final String ONTOLOGY_IRI = BASE + "ontology";
    public static final String ID = BASE + "id/";
    public static final String FACT = BASE + "fact/";
    public static final String SOURCE = BASE + "source/";
    public static final String GRAPH = BASE + "graph/";
    public static final String CURATION = BASE + "curation/";
    public static final String ACTIVITY = BASE + "activity/";
    public static final String AGENT = BASE + "agent/";
    public static final String DUMPS = BASE + "dumps/";
    public static final String DATASET = BASE + "dataset";
    public static final String WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";

    public static final Node PROVENANCE_GRAPH = uri(GRAPH + "provenance");
    public static final Node ONTOLOGY_GRAPH = uri(GRAPH + "ontology");

    private Iris() {}

    public static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    public static Node term(String localName) {
        return uri(ONTOLOGY + localName);
    }

    public static Node entity(String slug) {
        return uri(ID + slug);
    }

    public static Node fact(String factId) {
        return uri(FACT + factId);
    }

    /** A node that only exists inside one fact (a quantity, a claimed proposition): a fragment of the fact IRI. */
    public static Node factPart(String factId, String part) {
        return uri(FACT + factId + "#" + part);
    }

    public static Node source(String stem) {
        return uri(SOURCE + stem);
    }

    public static Node entityGraph(String slug) {
        return uri(GRAPH + "entity/" + slug);
    }

    public static Node curationFile(String relPath) {
        return uri(CURATION + relPath);
    }

    public static Node wikidata(String qid) {
        return uri(WIKIDATA_ENTITY + qid);
    }

    public static boolean isFactGraph(Node g) {
        return g.isURI() && g.getURI().startsWith(FACT);
    }

    public static boolean isEntityGraph(Node g) {
        return g.isURI() && g.getURI().startsWith(GRAPH + "entity/");
    }

    /** Fact and entity graphs hold the published data; the others describe it. */
    public static boolean isDataGraph(Node g) {
        return isFactGraph(g) || isEntityGraph(g);
    }
}

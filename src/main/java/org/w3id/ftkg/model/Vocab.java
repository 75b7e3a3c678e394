package org.w3id.ftkg.model;

import static org.w3id.ftkg.model.Iris.term;
import static org.w3id.ftkg.model.Iris.uri;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/** Terms of the vocabularies FTKG writes, as Jena nodes. */
public final class Vocab {
    static {
        // Jena first: touching its vocabulary classes before it has initialised leaves RDF.Nodes half-made.
        org.apache.jena.sys.JenaSystem.init();
    }

    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String OA = "http://www.w3.org/ns/oa#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String SPDX = "http://spdx.org/rdf/terms#";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    public static final String UNIT = "http://qudt.org/vocab/unit/";

    /** Prefixes written in every dump, in this order. */
    public static final Map<String, String> PREFIXES = inOrder("ftkg", Iris.ONTOLOGY, "id", Iris.ID, "fact", Iris.FACT,
        "source", Iris.SOURCE, "graph", Iris.GRAPH, "rdf", RDF.getURI(), "rdfs", RDFS.getURI(), "owl", OWL.getURI(),
        "xsd", XSD, "skos", SKOS.getURI(), "prov", PROV, "oa", OA, "dcterms", DCT, "spdx", SPDX, "dcat", DCAT,
        "void", VOID, "schema", "https://schema.org/", "unit", UNIT, "wd", Iris.WIKIDATA_ENTITY);

    public static final Node TYPE = RDF.type.asNode();
    public static final Node LABEL = RDFS.label.asNode();
    public static final Node COMMENT = RDFS.comment.asNode();
    public static final Node SAME_AS = OWL.sameAs.asNode();
    public static final Node ALT_LABEL = SKOS.altLabel.asNode();
    public static final Node RDF_STATEMENT = RDF.Statement.asNode();
    public static final Node RDF_SUBJECT = RDF.subject.asNode();
    public static final Node RDF_PREDICATE = RDF.predicate.asNode();
    public static final Node RDF_OBJECT = RDF.object.asNode();

    public static final Node PROV_ENTITY = uri(PROV + "Entity");
    public static final Node PROV_ACTIVITY = uri(PROV + "Activity");
    public static final Node PROV_WAS_DERIVED_FROM = uri(PROV + "wasDerivedFrom");
    public static final Node PROV_WAS_GENERATED_BY = uri(PROV + "wasGeneratedBy");
    public static final Node PROV_USED = uri(PROV + "used");
    public static final Node PROV_VALUE = uri(PROV + "value");
    public static final Node PROV_ENDED_AT = uri(PROV + "endedAtTime");

    public static final Node OA_HAS_BODY = uri(OA + "hasBody");
    public static final Node OA_HAS_TARGET = uri(OA + "hasTarget");
    public static final Node OA_HAS_SELECTOR = uri(OA + "hasSelector");
    public static final Node OA_START = uri(OA + "start");
    public static final Node OA_END = uri(OA + "end");

    public static final Node DCT_IDENTIFIER = uri(DCT + "identifier");
    public static final Node DCT_TITLE = uri(DCT + "title");
    public static final Node DCT_LICENSE = uri(DCT + "license");
    public static final Node DCT_RIGHTS = uri(DCT + "rights");
    public static final Node DCT_SOURCE = uri(DCT + "source");
    public static final Node DCT_DESCRIPTION = uri(DCT + "description");
    public static final Node DCT_MODIFIED = uri(DCT + "modified");

    public static final Node DCAT_BYTE_SIZE = uri(DCAT + "byteSize");
    public static final Node DCAT_DISTRIBUTION = uri(DCAT + "distribution");
    public static final Node DCAT_DISTRIBUTION_CLASS = uri(DCAT + "Distribution");
    public static final Node DCAT_DATASET = uri(DCAT + "Dataset");
    public static final Node DCAT_DOWNLOAD_URL = uri(DCAT + "downloadURL");
    public static final Node DCAT_MEDIA_TYPE = uri(DCAT + "mediaType");

    public static final Node CC_BY_4 = uri("https://creativecommons.org/licenses/by/4.0/");

    // FTKG terms the converter itself writes (the curation refers to the rest by name).
    public static final Node SOURCE_DOCUMENT = term("SourceDocument");
    public static final Node QUANTITY = term("Quantity");
    public static final Node PROPOSITION = term("Proposition");
    public static final Node ASSERTION = term("Assertion");
    public static final Node EVENT = term("Event");
    public static final Node EVIDENCE = term("evidence");
    public static final Node CURATION_FILE = term("curationFile");
    public static final Node FACT_HASH = term("factHash");
    public static final Node STATED_IN = term("statedIn");
    public static final Node LINK_STATUS = term("wikidataLinkStatus");
    public static final Node NO_VERIFIED_MATCH = term("NoVerifiedMatch");
    public static final Node WIKIDATA_NOTE = term("wikidataNote");
    public static final Node DESCRIPTION = term("description");
    public static final Node DATE = term("date");
    public static final Node SORT_DATE = term("sortDate");
    public static final Node DATE_TEXT = term("dateText");
    public static final Node DATE_INFERRED = term("dateInferred");
    public static final Node STATUS = term("status");
    public static final Node ABOUT = term("about");
    public static final Node QUANTITY_PROP = term("quantity");
    public static final Node QUANTITY_KIND = term("quantityKind");
    public static final Node CONTENT = term("content");

    private Vocab() {}

    private static Map<String, String> inOrder(String... prefixesAndNamespaces) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < prefixesAndNamespaces.length; i += 2)
            m.put(prefixesAndNamespaces[i], prefixesAndNamespaces[i + 1]);
        return Collections.unmodifiableMap(m);
    }
}

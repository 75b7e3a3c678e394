package org.w3id.ftkg.model;

import static org.w3id.ftkg.model.Iris.term;
import static org.w3id.ftkg.model.Iris.uri;

import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

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
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String SCHEMA = "https://schema.org/";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    public static final String UNIT = "http://qudt.org/vocab/unit/";

    /** Prefixes written in every dump, in this order. */
    public static final Map<String, String> PREFIXES = new java.util.LinkedHashMap<>();
    static {
        PREFIXES.put("ftkg", Iris.ONTOLOGY);
        PREFIXES.put("id", Iris.ID);
        PREFIXES.put("fact", Iris.FACT);
        PREFIXES.put("source", Iris.SOURCE);
        PREFIXES.put("graph", Iris.GRAPH);
        PREFIXES.put("rdf", RDF.getURI());
        PREFIXES.put("rdfs", RDFS.getURI());
        PREFIXES.put("owl", OWL.getURI());
        PREFIXES.put("xsd", XSD);
        PREFIXES.put("skos", SKOS);
        PREFIXES.put("prov", PROV);
        PREFIXES.put("oa", OA);
        PREFIXES.put("dcterms", DCT);
        PREFIXES.put("spdx", SPDX);
        PREFIXES.put("dcat", DCAT);
        PREFIXES.put("void", VOID);
        PREFIXES.put("schema", SCHEMA);
        PREFIXES.put("unit", UNIT);
        PREFIXES.put("wd", Iris.WIKIDATA_ENTITY);
    }

    public static final Node TYPE = RDF.type.asNode();
    public static final Node LABEL = RDFS.label.asNode();
    public static final Node COMMENT = RDFS.comment.asNode();
    public static final Node SAME_AS = OWL.sameAs.asNode();
    public static final Node ALT_LABEL = uri(SKOS + "altLabel");
    public static final Node RDF_STATEMENT = RDF.Statement.asNode();
    public static final Node RDF_SUBJECT = RDF.subject.asNode();
    public static final Node RDF_PREDICATE = RDF.predicate.asNode();
    public static final Node RDF_OBJECT = RDF.object.asNode();

    public static final Node PROV_ENTITY = uri(PROV + "Entity");
    public static final Node PROV_ACTIVITY = uri(PROV + "Activity");
    public static final Node PROV_SOFTWARE_AGENT = uri(PROV + "SoftwareAgent");
    public static final Node PROV_WAS_DERIVED_FROM = uri(PROV + "wasDerivedFrom");
    public static final Node PROV_WAS_GENERATED_BY = uri(PROV + "wasGeneratedBy");
    public static final Node PROV_WAS_ASSOCIATED_WITH = uri(PROV + "wasAssociatedWith");
    public static final Node PROV_USED = uri(PROV + "used");
    public static final Node PROV_VALUE = uri(PROV + "value");
    public static final Node PROV_ENDED_AT = uri(PROV + "endedAtTime");

    public static final Node OA_ANNOTATION = uri(OA + "Annotation");
    public static final Node OA_HAS_BODY = uri(OA + "hasBody");
    public static final Node OA_HAS_TARGET = uri(OA + "hasTarget");
    public static final Node OA_MOTIVATED_BY = uri(OA + "motivatedBy");
    public static final Node OA_DESCRIBING = uri(OA + "describing");
    public static final Node OA_SPECIFIC_RESOURCE = uri(OA + "SpecificResource");
    public static final Node OA_HAS_SOURCE = uri(OA + "hasSource");
    public static final Node OA_HAS_SELECTOR = uri(OA + "hasSelector");
    public static final Node OA_TEXT_QUOTE_SELECTOR = uri(OA + "TextQuoteSelector");
    public static final Node OA_TEXT_POSITION_SELECTOR = uri(OA + "TextPositionSelector");
    public static final Node OA_EXACT = uri(OA + "exact");
    public static final Node OA_PREFIX = uri(OA + "prefix");
    public static final Node OA_SUFFIX = uri(OA + "suffix");
    public static final Node OA_START = uri(OA + "start");
    public static final Node OA_END = uri(OA + "end");

    public static final Node DCT_IDENTIFIER = uri(DCT + "identifier");
    public static final Node DCT_TITLE = uri(DCT + "title");
    public static final Node DCT_LICENSE = uri(DCT + "license");
    public static final Node DCT_RIGHTS = uri(DCT + "rights");
    public static final Node DCT_FORMAT = uri(DCT + "format");
    public static final Node DCT_SOURCE = uri(DCT + "source");
    public static final Node DCT_DESCRIPTION = uri(DCT + "description");
    public static final Node DCT_MODIFIED = uri(DCT + "modified");

    public static final Node SPDX_CHECKSUM = uri(SPDX + "checksum");
    public static final Node SPDX_CHECKSUM_CLASS = uri(SPDX + "Checksum");
    public static final Node SPDX_ALGORITHM = uri(SPDX + "algorithm");
    public static final Node SPDX_SHA256 = uri(SPDX + "checksumAlgorithm_sha256");
    public static final Node SPDX_CHECKSUM_VALUE = uri(SPDX + "checksumValue");

    public static final Node DCAT_BYTE_SIZE = uri(DCAT + "byteSize");
    public static final Node DCAT_DISTRIBUTION = uri(DCAT + "distribution");
    public static final Node DCAT_DISTRIBUTION_CLASS = uri(DCAT + "Distribution");
    public static final Node DCAT_DATASET = uri(DCAT + "Dataset");
    public static final Node DCAT_DOWNLOAD_URL = uri(DCAT + "downloadURL");
    public static final Node DCAT_MEDIA_TYPE = uri(DCAT + "mediaType");

    public static final Node CC_BY_4 = uri("https://creativecommons.org/licenses/by/4.0/");

    // FTKG terms the converter itself writes (the curation refers to the rest by name).
    public static final Node FACT_GRAPH = term("FactGraph");
    public static final Node CURATION_GRAPH = term("CurationGraph");
    public static final Node CURATION_FILE_CLASS = term("CurationFile");
    public static final Node SOURCE_DOCUMENT = term("SourceDocument");
    public static final Node QUANTITY = term("Quantity");
    public static final Node PROPOSITION = term("Proposition");
    public static final Node MISSPELLING = term("Misspelling");
    public static final Node ASSERTION = term("Assertion");
    public static final Node EVENT = term("Event");
    public static final Node EVIDENCE = term("evidence");
    public static final Node CURATION_FILE = term("curationFile");
    public static final Node CURATION_LINE = term("curationLine");
    public static final Node SOURCE_LINE = term("sourceLine");
    public static final Node FACT_HASH = term("factHash");
    public static final Node CURATOR_NOTE = term("curatorNote");
    public static final Node HAS_MISSPELLING = term("hasMisspelling");
    public static final Node MISSPELLED_TEXT = term("misspelledText");
    public static final Node INTENDED_TEXT = term("intendedText");
    public static final Node STATED_IN = term("statedIn");
    public static final Node LINK_STATUS = term("wikidataLinkStatus");
    public static final Node LINKED = term("Linked");
    public static final Node NO_VERIFIED_MATCH = term("NoVerifiedMatch");
    public static final Node WIKIDATA_NOTE = term("wikidataNote");
    public static final Node DESCRIPTION = term("description");
    public static final Node DATE = term("date");
    public static final Node SORT_DATE = term("sortDate");
    public static final Node DATE_TEXT = term("dateText");
    public static final Node DATE_INFERRED = term("dateInferred");
    public static final Node STATUS = term("status");
    public static final Node ABOUT = term("about");
    public static final Node DEMAND = term("Demand");
    public static final Node CHARGE = term("Charge");
    public static final Node CHARGE_STATUS = term("chargeStatus");
    public static final Node QUANTITY_PROP = term("quantity");
    public static final Node QUANTITY_OF = term("quantityOf");
    public static final Node UNIT_PROP = term("unit");
    public static final Node PER = term("per");
    public static final Node QUALIFIER = term("qualifier");
    public static final Node QUANTITY_KIND = term("quantityKind");
    public static final Node AUTHOR = term("author");
    public static final Node AUTHOR_LIST = term("authorList");
    public static final Node RDF_SEQ = RDF.Seq.asNode();
    public static final Node VALUE = term("value");
    public static final Node MIN_VALUE = term("minValue");
    public static final Node MAX_VALUE = term("maxValue");
    public static final Node COUNTED = term("counted");
    public static final Node CONTENT = term("content");

    private Vocab() {}
}

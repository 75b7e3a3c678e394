package org.w3id.ftkg.provenance;

import static org.w3id.ftkg.model.Iris.term;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.w3id.ftkg.curation.Misspelling;
import org.w3id.ftkg.model.CuratedEntity;
import org.w3id.ftkg.model.Fact;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Ontology;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.source.QuoteMatch;
import org.w3id.ftkg.source.SeedSet;

/** Provenance: each fact graph a prov:Entity anchored by a Web Annotation; IRIs, never blank nodes (stable bytes). */
public final class ProvenanceModeller {
    private final Node activity;

    public ProvenanceModeller(Node activity) {
        this.activity = activity;
    }

    public List<Triple> fact(Fact f) {
        List<Triple> out = new ArrayList<>();
        Node g = f.graph();
        QuoteMatch q = f.quote();
        Node source = Iris.source(q.source().stem());
        String id = f.id();
        Node annotation = Iris.factPart(id, "evidence");
        Node target = Iris.factPart(id, "target");
        Node quoteSel = Iris.factPart(id, "quote");
        Node posSel = Iris.factPart(id, "position");
        add(out, g, Vocab.TYPE, term("FactGraph"));
        add(out, g, Vocab.TYPE, Vocab.PROV_ENTITY);
        // A title, not an rdfs:label: label searches find things, not the facts about them.
        add(out, g, Vocab.DCT_TITLE, NodeFactory.createLiteralLang("Fact " + id, "en"));
        add(out, g, Vocab.PROV_WAS_DERIVED_FROM, source);
        add(out, g, Vocab.PROV_WAS_GENERATED_BY, activity);
        add(out, g, Vocab.PROV_VALUE, NodeFactory.createLiteralString(q.exact()));
        add(out, g, Vocab.EVIDENCE, annotation);
        add(out, g, term("sourceLine"), integer(q.line(), XSDDatatype.XSDinteger));
        // Published beside the fact so that a citation can name it and anyone can recompute it.
        add(out, g, Vocab.FACT_HASH, NodeFactory.createLiteralString(
            FactHash.PREFIX + FactHash.of(FactHash.hashedQuads(g, f.triples(), q.exact()))));
        curation(out, g, f.record().at().file(), f.record().at().line());
        if (f.record().note() != null)
            add(out, g, term("curatorNote"), NodeFactory.createLiteralLang(f.record().note(), "en"));
        int n = 0;
        for (Misspelling m : f.record().misspellings()) {
            Node ms = Iris.factPart(id, "misspelling-" + (++n));
            add(out, g, term("hasMisspelling"), ms);
            add(out, ms, Vocab.TYPE, term("Misspelling"));
            add(out, ms, term("misspelledText"), NodeFactory.createLiteralString(m.text()));
            add(out, ms, term("intendedText"), NodeFactory.createLiteralLang(m.intended(), "en"));
        }
        add(out, annotation, Vocab.TYPE, OA.Annotation.asNode());
        add(out, annotation, OA.motivatedBy.asNode(), OA.describing.asNode());
        add(out, annotation, Vocab.OA_HAS_BODY, g);
        add(out, annotation, Vocab.OA_HAS_TARGET, target);
        add(out, target, Vocab.TYPE, OA.SpecificResource.asNode());
        add(out, target, OA.hasSource.asNode(), source);
        add(out, target, Vocab.OA_HAS_SELECTOR, quoteSel);
        add(out, target, Vocab.OA_HAS_SELECTOR, posSel);
        add(out, quoteSel, Vocab.TYPE, OA.TextQuoteSelector.asNode());
        add(out, quoteSel, OA.exact.asNode(), NodeFactory.createLiteralString(q.exact()));
        add(out, quoteSel, OA.prefix.asNode(), NodeFactory.createLiteralString(q.prefix()));
        add(out, quoteSel, OA.suffix.asNode(), NodeFactory.createLiteralString(q.suffix()));
        add(out, posSel, Vocab.TYPE, OA.TextPositionSelector.asNode());
        add(out, posSel, Vocab.OA_START, integer(q.start(), XSDDatatype.XSDnonNegativeInteger));
        add(out, posSel, Vocab.OA_END, integer(q.end(), XSDDatatype.XSDnonNegativeInteger));
        return out;
    }

    public List<Triple> entity(CuratedEntity e) {
        List<Triple> out = new ArrayList<>();
        Node g = e.graph();
        add(out, g, Vocab.TYPE, term("CurationGraph"));
        add(out, g, Vocab.TYPE, Vocab.PROV_ENTITY);
        add(out, g, Vocab.PROV_WAS_DERIVED_FROM, Iris.curationFile(e.record().at().file()));
        add(out, g, Vocab.PROV_WAS_GENERATED_BY, activity);
        curation(out, g, e.record().at().file(), e.record().at().line());
        return out;
    }

    private void curation(List<Triple> out, Node g, String file, int line) {
        add(out, g, Vocab.CURATION_FILE, Iris.curationFile(file));
        add(out, g, term("curationLine"), integer(line, XSDDatatype.XSDinteger));
    }

    /** A source document as a prov:Entity with its file name, size and checksum. */
    public static List<Triple> source(SeedSet.Seed s) {
        List<Triple> out = new ArrayList<>();
        Node src = Iris.source(s.stem());
        add(out, src, Vocab.TYPE, Vocab.SOURCE_DOCUMENT);
        add(out, src, Vocab.TYPE, Vocab.PROV_ENTITY);
        add(out, src, Vocab.DCT_IDENTIFIER, NodeFactory.createLiteralString(s.fileName()));
        add(out, src, Vocab.LABEL, NodeFactory.createLiteralLang("Source " + s.fileName(), "en"));
        add(out, src, DCTerms.format.asNode(), NodeFactory.createLiteralString("text/plain; charset=utf-8"));
        add(out, src, Vocab.DCAT_BYTE_SIZE, integer(s.byteSize(), XSDDatatype.XSDnonNegativeInteger));
        add(out, src, Vocab.DCT_RIGHTS, NodeFactory.createLiteralLang(
            "The text belongs to its publisher. FTKG carries it only so that every quote can be checked; "
                + "it is not covered by the dataset's CC BY 4.0 licence.", "en"));
        checksum(out, src, s.sha256());
        return out;
    }

    /** A curation file as a prov:Entity used by the build. */
    public static List<Triple> curationFile(String relPath, String sha256, long size) {
        List<Triple> out = new ArrayList<>();
        Node f = Iris.curationFile(relPath);
        add(out, f, Vocab.TYPE, term("CurationFile"));
        add(out, f, Vocab.TYPE, Vocab.PROV_ENTITY);
        add(out, f, Vocab.DCT_IDENTIFIER, NodeFactory.createLiteralString(relPath));
        add(out, f, Vocab.DCAT_BYTE_SIZE, integer(size, XSDDatatype.XSDnonNegativeInteger));
        checksum(out, f, sha256);
        return out;
    }

    public static void checksum(List<Triple> out, Node subject, String sha256) {
        Node c = NodeFactory.createURI(subject.getURI() + (subject.getURI().contains("#") ? "-sha256" : "#sha256"));
        add(out, subject, Iris.uri(Vocab.SPDX + "checksum"), c);
        add(out, c, Vocab.TYPE, Iris.uri(Vocab.SPDX + "Checksum"));
        add(out, c, Iris.uri(Vocab.SPDX + "algorithm"), Iris.uri(Vocab.SPDX + "checksumAlgorithm_sha256"));
        add(out, c, Iris.uri(Vocab.SPDX + "checksumValue"),
            NodeFactory.createLiteralDT(sha256, XSDDatatype.XSDhexBinary));
    }

    /** The build activity: identified by a digest of its inputs, so that the same inputs name the same build. */
    public static List<Triple> activity(Node activity, List<Node> used, Long sourceDateEpoch, String version) {
        List<Triple> out = new ArrayList<>();
        Node agent = Iris.uri(Iris.AGENT + "ftkg-converter");
        add(out, activity, Vocab.TYPE, Vocab.PROV_ACTIVITY);
        add(out, activity, Vocab.LABEL, NodeFactory.createLiteralLang("FTKG build", "en"));
        add(out, activity, Iris.uri(Vocab.PROV + "wasAssociatedWith"), agent);
        for (Node u : used)
            add(out, activity, Vocab.PROV_USED, u);
        if (sourceDateEpoch != null)
            add(out, activity, Vocab.PROV_ENDED_AT, NodeFactory.createLiteralDT(
                Instant.ofEpochSecond(sourceDateEpoch).toString(), XSDDatatype.XSDdateTime));
        // The two graphs the build makes besides the curated ones have provenance too.
        Node ontologyFile = Iris.curationFile(Ontology.FILE);
        add(out, Iris.ONTOLOGY_GRAPH, Vocab.TYPE, Vocab.PROV_ENTITY);
        add(out, Iris.ONTOLOGY_GRAPH, Vocab.DCT_TITLE, NodeFactory.createLiteralLang("The FTKG ontology", "en"));
        add(out, Iris.ONTOLOGY_GRAPH, Vocab.PROV_WAS_DERIVED_FROM, ontologyFile);
        add(out, Iris.ONTOLOGY_GRAPH, Vocab.CURATION_FILE, ontologyFile);
        add(out, Iris.ONTOLOGY_GRAPH, Vocab.PROV_WAS_GENERATED_BY, activity);
        add(out, Iris.PROVENANCE_GRAPH, Vocab.TYPE, Vocab.PROV_ENTITY);
        add(out, Iris.PROVENANCE_GRAPH, Vocab.DCT_TITLE, NodeFactory.createLiteralLang("Provenance of every FTKG graph", "en"));
        add(out, Iris.PROVENANCE_GRAPH, Vocab.PROV_WAS_GENERATED_BY, activity);
        add(out, agent, Vocab.TYPE, Iris.uri(Vocab.PROV + "SoftwareAgent"));
        add(out, agent, Vocab.LABEL, NodeFactory.createLiteralLang("FTKG converter " + version, "en"));
        return out;
    }

    private static void add(List<Triple> out, Node s, Node p, Node o) {
        out.add(Triple.create(s, p, o));
    }

    private static Node integer(long v, XSDDatatype type) {
        return NodeFactory.createLiteralDT(Long.toString(v), type);
    }
}

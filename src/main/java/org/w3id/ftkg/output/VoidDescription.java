package org.w3id.ftkg.output;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.pipeline.KnowledgeGraph;
import org.w3id.ftkg.provenance.ProvenanceModeller;
import org.w3id.ftkg.validate.SourceText;

/** VoID + DCAT description of the dataset and of every dump (byte size, SHA-256, media type, licence). */
public final class VoidDescription {
    static final Map<String, String> MEDIA_TYPES = Map.of(
        ".trig", "application/trig",
        ".nq.gz", "application/n-quads",
        ".ttl", "text/turtle",
        ".jsonld", "application/ld+json");

    private VoidDescription() {}

    public static String mediaType(String file) {
        for (var e : MEDIA_TYPES.entrySet())
            if (file.endsWith(e.getKey()))
                return e.getValue();
        return "application/octet-stream";
    }

    static List<Triple> describe(KnowledgeGraph kg, List<Quad> quads, Set<Triple> flat, Path dir, List<String> files,
                                 Long sourceDateEpoch) throws IOException {
        List<Triple> out = new ArrayList<>();
        Node ds = Iris.uri(Iris.DATASET);
        add(out, ds, Vocab.TYPE, uri(Vocab.VOID + "Dataset"));
        add(out, ds, Vocab.TYPE, Vocab.DCAT_DATASET);
        add(out, ds, Vocab.DCT_TITLE, en("FTKG: Fentanyl Trafficking Knowledge Graph"));
        add(out, ds, Vocab.DCT_DESCRIPTION, en("Curated, sourced facts about fentanyl trafficking and US–Mexico "
            + "counter-narcotics. Every triple leads back to the exact passage of the source document it was taken from."));
        add(out, ds, Vocab.DCT_LICENSE, Vocab.CC_BY_4);
        add(out, ds, Vocab.DCT_RIGHTS, en("The curated data is published under CC BY 4.0. The source texts remain "
            + "their publishers' and are carried only so that every quote can be checked; they are not covered by this licence."));
        add(out, ds, uri(Vocab.VOID + "uriSpace"), NodeFactory.createLiteralString(Iris.ID));
        add(out, ds, uri(Vocab.VOID + "vocabulary"), Iris.uri(Iris.ONTOLOGY));
        add(out, ds, uri(Vocab.VOID + "vocabulary"), Iris.uri(Vocab.PROV));
        add(out, ds, uri(Vocab.VOID + "vocabulary"), Iris.uri(Vocab.OA));
        add(out, ds, uri(Vocab.VOID + "sparqlEndpoint"), Iris.uri(Iris.BASE + "ftkg/sparql"));
        if (sourceDateEpoch != null)
            add(out, ds, Vocab.DCT_MODIFIED, NodeFactory.createLiteralDT(
                java.time.Instant.ofEpochSecond(sourceDateEpoch).toString(), XSDDatatype.XSDdateTime));
        for (SourceText s : kg.sources())
            add(out, ds, Vocab.DCT_SOURCE, Iris.source(s.stem()));

        // Counts: the published data is the fact and entity graphs (distinct triples).
        Set<Triple> data = new HashSet<>();
        Set<Node> graphs = new HashSet<>();
        for (Quad q : quads)
            if (Iris.isDataGraph(q.getGraph())) {
                data.add(q.asTriple());
                graphs.add(q.getGraph());
            }
        add(out, ds, uri(Vocab.VOID + "triples"), integer(data.size()));
        add(out, ds, uri(Vocab.VOID + "quads"), integer(quads.size()));
        add(out, ds, Iris.term("factCount"), integer(kg.facts().size()));
        add(out, ds, Iris.term("graphCount"), integer(graphs.size()));
        add(out, ds, uri(Vocab.VOID + "entities"), integer(kg.entities().size()));
        if (!kg.entities().isEmpty())
            add(out, ds, uri(Vocab.VOID + "exampleResource"), Iris.entity(kg.entities().get(0).record().slug()));

        TreeMap<Node, Set<Node>> byClass = new TreeMap<>(org.apache.jena.sparql.util.NodeCmp::compareRDFTerms);
        TreeMap<Node, Integer> byProperty = new TreeMap<>(org.apache.jena.sparql.util.NodeCmp::compareRDFTerms);
        for (Triple t : data) {
            byProperty.merge(t.getPredicate(), 1, Integer::sum);
            if (t.getPredicate().equals(Vocab.TYPE))
                byClass.computeIfAbsent(t.getObject(), k -> new HashSet<>()).add(t.getSubject());
        }
        for (var e : byClass.entrySet()) {
            Node part = Iris.uri(Iris.DATASET + "#class-" + slug(e.getKey().getURI()));
            add(out, ds, uri(Vocab.VOID + "classPartition"), part);
            add(out, part, uri(Vocab.VOID + "class"), e.getKey());
            add(out, part, uri(Vocab.VOID + "entities"), integer(e.getValue().size()));
        }
        for (var e : byProperty.entrySet()) {
            Node part = Iris.uri(Iris.DATASET + "#property-" + slug(e.getKey().getURI()));
            add(out, ds, uri(Vocab.VOID + "propertyPartition"), part);
            add(out, part, uri(Vocab.VOID + "property"), e.getKey());
            add(out, part, uri(Vocab.VOID + "triples"), integer(e.getValue()));
        }

        for (String f : files) {
            Node dist = Iris.uri(Iris.DUMPS + f);
            Path p = dir.resolve(f);
            add(out, ds, Vocab.DCAT_DISTRIBUTION, dist);
            add(out, ds, uri(Vocab.VOID + "dataDump"), dist);
            add(out, dist, Vocab.TYPE, Vocab.DCAT_DISTRIBUTION_CLASS);
            add(out, dist, Vocab.DCT_TITLE, en(f));
            add(out, dist, Vocab.DCAT_DOWNLOAD_URL, dist);
            add(out, dist, Vocab.DCAT_MEDIA_TYPE,
                Iris.uri("https://www.iana.org/assignments/media-types/" + mediaType(f)));
            if (f.endsWith(".gz"))
                add(out, dist, uri(Vocab.DCAT + "compressFormat"),
                    Iris.uri("https://www.iana.org/assignments/media-types/application/gzip"));
            add(out, dist, Vocab.DCT_LICENSE, Vocab.CC_BY_4);
            add(out, dist, Vocab.DCAT_BYTE_SIZE,
                NodeFactory.createLiteralDT(Long.toString(Files.size(p)), XSDDatatype.XSDnonNegativeInteger));
            ProvenanceModeller.checksum(out, dist, Checksums.sha256(p));
        }
        return out;
    }

    /** Helpers shared with {@link StreamingVoid}: the description is the same, only how it is counted differs. */
    static String slug(String iri) {
        String local = iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
        String ns = iri.substring(0, iri.length() - local.length());
        String prefix = Vocab.PREFIXES.entrySet().stream().filter(e -> e.getValue().equals(ns))
            .map(Map.Entry::getKey).findFirst().orElse("ns");
        return URLEncoder.encode(prefix + "-" + local, StandardCharsets.UTF_8);
    }

    static void add(List<Triple> out, Node s, Node p, Node o) {
        out.add(Triple.create(s, p, o));
    }

    static Node uri(String u) {
        return NodeFactory.createURI(u);
    }

    static Node en(String s) {
        return NodeFactory.createLiteralLang(s, "en");
    }

    static Node integer(long v) {
        return NodeFactory.createLiteralDT(Long.toString(v), XSDDatatype.XSDinteger);
    }
}

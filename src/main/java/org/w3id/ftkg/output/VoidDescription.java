package org.w3id.ftkg.output;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeCmp;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.provenance.ProvenanceModeller;

/**
 * The VoID + DCAT description, counted as quads go by. Distinct data triples are counted by their statement nodes'
 * 64-bit digests in a set of primitive longs (11 to 21 bytes a triple); a graph's quads come together, as a run.
 */
public final class VoidDescription extends StreamRDFBase {
    static final Map<String, String> MEDIA_TYPES = Map.of(
        ".trig", "application/trig",
        ".nq.gz", "application/n-quads",
        ".ttl", "text/turtle",
        ".jsonld", "application/ld+json");

    private final StatementNodes names = new StatementNodes();
    private final LongSet seen = new LongSet();
    private long triples;
    private long quads;
    private long graphs;
    private Node lastGraph;
    private final TreeMap<Node, long[]> byClass = new TreeMap<>(NodeCmp::compareRDFTerms);
    private final TreeMap<Node, long[]> byProperty = new TreeMap<>(NodeCmp::compareRDFTerms);

    public static String mediaType(String file) {
        return MEDIA_TYPES.entrySet().stream().filter(e -> file.endsWith(e.getKey())).map(Map.Entry::getValue)
            .findFirst().orElse("application/octet-stream");
    }

    @Override
    public void quad(Quad q) {
        quads++;
        Node g = q.getGraph();
        if (!Iris.isDataGraph(g))
            return;
        if (!g.equals(lastGraph))
            graphs++;
        lastGraph = g;
        Triple t = q.asTriple();
        if (!seen.add(names.digest(t)))
            return;
        triples++;
        byProperty.computeIfAbsent(t.getPredicate(), k -> new long[1])[0]++;
        if (t.getPredicate().equals(Vocab.TYPE))
            byClass.computeIfAbsent(t.getObject(), k -> new long[1])[0]++;
    }

    public long quads() {
        return quads;
    }

    /** The description's triples, sorted; {@code files} are the dumps in {@code dir}, written, with their SHA-256. */
    public TreeSet<Triple> describe(List<Node> sources, long facts, long entities, Node example, Path dir,
                                    Map<String, String> files, Long sourceDateEpoch) throws IOException {
        List<Triple> out = new ArrayList<>();
        Node ds = Iris.uri(Iris.DATASET);
        add(out, ds, Vocab.TYPE, v("Dataset"));
        add(out, ds, Vocab.TYPE, Vocab.DCAT_DATASET);
        add(out, ds, Vocab.DCT_TITLE, en("FTKG: Fentanyl Trafficking Knowledge Graph"));
        add(out, ds, Vocab.DCT_DESCRIPTION, en("Curated, sourced facts about fentanyl trafficking and US–Mexico "
            + "counter-narcotics. Every triple leads back to the exact passage of the source document it was taken from."));
        add(out, ds, Vocab.DCT_LICENSE, Vocab.CC_BY_4);
        add(out, ds, Vocab.DCT_RIGHTS, en("The curated data is published under CC BY 4.0. The source texts remain "
            + "their publishers' and are carried only so that every quote can be checked; they are not covered by this licence."));
        add(out, ds, v("uriSpace"), NodeFactory.createLiteralString(Iris.ID));
        add(out, ds, v("vocabulary"), Iris.uri(Iris.ONTOLOGY));
        add(out, ds, v("vocabulary"), Iris.uri(Vocab.PROV));
        add(out, ds, v("vocabulary"), Iris.uri(Vocab.OA));
        add(out, ds, v("sparqlEndpoint"), Iris.uri(Iris.BASE + "ftkg/sparql"));
        if (sourceDateEpoch != null)
            add(out, ds, Vocab.DCT_MODIFIED, NodeFactory.createLiteralDT(
                java.time.Instant.ofEpochSecond(sourceDateEpoch).toString(), XSDDatatype.XSDdateTime));
        for (Node s : sources)
            add(out, ds, Vocab.DCT_SOURCE, s);

        add(out, ds, v("triples"), integer(triples));
        add(out, ds, v("quads"), integer(quads));
        add(out, ds, Iris.term("factCount"), integer(facts));
        add(out, ds, Iris.term("graphCount"), integer(graphs));
        add(out, ds, v("entities"), integer(entities));
        if (example != null)
            add(out, ds, v("exampleResource"), example);

        partitions(out, ds, byClass, "class", "entities");
        partitions(out, ds, byProperty, "property", "triples");

        for (var file : files.entrySet()) {
            String f = file.getKey();
            Node dist = Iris.uri(Iris.DUMPS + f);
            Path p = dir.resolve(f);
            add(out, ds, Vocab.DCAT_DISTRIBUTION, dist);
            add(out, ds, v("dataDump"), dist);
            add(out, dist, Vocab.TYPE, Vocab.DCAT_DISTRIBUTION_CLASS);
            add(out, dist, Vocab.DCT_TITLE, en(f));
            add(out, dist, Vocab.DCAT_DOWNLOAD_URL, dist);
            add(out, dist, Vocab.DCAT_MEDIA_TYPE,
                Iris.uri("https://www.iana.org/assignments/media-types/" + mediaType(f)));
            if (f.endsWith(".gz"))
                add(out, dist, Iris.uri(Vocab.DCAT + "compressFormat"),
                    Iris.uri("https://www.iana.org/assignments/media-types/application/gzip"));
            add(out, dist, Vocab.DCT_LICENSE, Vocab.CC_BY_4);
            add(out, dist, Vocab.DCAT_BYTE_SIZE,
                NodeFactory.createLiteralDT(Long.toString(Files.size(p)), XSDDatatype.XSDnonNegativeInteger));
            ProvenanceModeller.checksum(out, dist, file.getValue());
        }
        TreeSet<Triple> sorted = new TreeSet<>(Sorted.TRIPLES);
        sorted.addAll(out);
        return sorted;
    }

    /** A partition per class or property ({@code kind}), with its {@code count}. */
    private static void partitions(List<Triple> out, Node ds, Map<Node, long[]> counts, String kind, String count) {
        for (var e : counts.entrySet()) {
            Node part = Iris.uri(Iris.DATASET + "#" + kind + "-" + slug(e.getKey().getURI()));
            add(out, ds, v(kind + "Partition"), part);
            add(out, part, v(kind), e.getKey());
            add(out, part, v(count), integer(e.getValue()[0]));
        }
    }

    private static String slug(String iri) {
        String local = iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
        String ns = iri.substring(0, iri.length() - local.length());
        String prefix = Vocab.PREFIXES.entrySet().stream().filter(e -> e.getValue().equals(ns))
            .map(Map.Entry::getKey).findFirst().orElse("ns");
        return URLEncoder.encode(prefix + "-" + local, StandardCharsets.UTF_8);
    }

    private static void add(List<Triple> out, Node s, Node p, Node o) {
        out.add(Triple.create(s, p, o));
    }

    private static Node v(String local) {
        return NodeFactory.createURI(Vocab.VOID + local);
    }

    private static Node en(String s) {
        return NodeFactory.createLiteralLang(s, "en");
    }

    private static Node integer(long v) {
        return NodeFactory.createLiteralDT(Long.toString(v), XSDDatatype.XSDinteger);
    }

    /** A set of longs by open addressing, without boxing; the digests are uniform, so their low bits index it. */
    static final class LongSet {
        private long[] table = new long[1 << 16];
        private int size;
        private boolean hasZero; // zero marks an empty slot

        boolean add(long v) {
            if (v == 0)
                return !hasZero && (hasZero = true);
            if (4L * (size + 1) > 3L * table.length) { // at most three quarters full
                long[] old = table;
                table = new long[old.length * 2];
                for (long x : old)
                    if (x != 0)
                        insert(x);
            }
            return insert(v) && ++size > 0;
        }

        private boolean insert(long v) {
            int mask = table.length - 1, i = (int) v & mask;
            for (; table[i] != 0; i = (i + 1) & mask)
                if (table[i] == v)
                    return false;
            table[i] = v;
            return true;
        }
    }
}

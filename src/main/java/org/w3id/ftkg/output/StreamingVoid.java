package org.w3id.ftkg.output;

import static org.w3id.ftkg.output.VoidDescription.add;
import static org.w3id.ftkg.output.VoidDescription.en;
import static org.w3id.ftkg.output.VoidDescription.integer;
import static org.w3id.ftkg.output.VoidDescription.slug;
import static org.w3id.ftkg.output.VoidDescription.uri;

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
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.util.NodeCmp;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.provenance.ProvenanceModeller;

/**
 * The VoID + DCAT description of a streamed build: the same description as {@link VoidDescription}
 * (counts, class and property partitions, every dump with size, SHA-256 and licence), from
 * counters accumulated while the quads went by instead of from the dataset in memory.
 *
 * <p>Distinct data triples are counted by the 64-bit digest that already names their statement
 * nodes ({@link StatementNodes}), kept in a set of primitive longs: 11 to 21 bytes per triple.
 */
public final class StreamingVoid {
    private final LongSet seen = new LongSet();
    private long triples;
    private long quads;
    private long facts;
    private long graphs;
    private final TreeMap<Node, long[]> byClass = new TreeMap<>(NodeCmp::compareRDFTerms);
    private final TreeMap<Node, long[]> byProperty = new TreeMap<>(NodeCmp::compareRDFTerms);

    /** Counts a triple of a fact or entity graph, known by its statement digest. */
    public void dataTriple(long digest, Node predicate, Node object) {
        if (!seen.add(digest))
            return;
        triples++;
        byProperty.computeIfAbsent(predicate, k -> new long[1])[0]++;
        if (predicate.equals(Vocab.TYPE))
            byClass.computeIfAbsent(object, k -> new long[1])[0]++;
    }

    public void addQuads(long n) {
        quads += n;
    }

    public void addFacts(long n) {
        facts += n;
    }

    public void addGraphs(long n) {
        graphs += n;
    }

    public long quads() {
        return quads;
    }

    public long facts() {
        return facts;
    }

    /**
     * The description's triples, sorted.
     *
     * @param sources      the IRIs of every source document
     * @param entities     the number of entity records
     * @param example      an example entity, or null
     * @param files        the dumps to describe (relative to {@code dir}), already written
     * @param sha256       the SHA-256 of those files that were hashed while written (the others are read)
     */
    public TreeSet<Triple> describe(List<Node> sources, long entities, Node example, Path dir, List<String> files,
                                    Map<String, String> sha256, Long sourceDateEpoch) throws IOException {
        List<Triple> out = new ArrayList<>();
        Node ds = Iris.uri(Iris.DATASET);
        add(out, ds, Vocab.TYPE, uri(Vocab.VOID + "Dataset"));
        add(out, ds, Vocab.TYPE, Vocab.DCAT_DATASET);
        add(out, ds, Vocab.DCT_TITLE, en("FTKG: Fentanyl Trafficking Knowledge Graph"));
        add(out, ds, Vocab.DCT_DESCRIPTION, en("Curated, sourced facts about fentanyl trafficking and US–Mexico "
            + "counter-narcotics. Every triple leads back to the exact passage of the source document it was taken from."));
        add(out, ds, Vocab.COMMENT, en("Built by `ftkg build --stream`, one facts file at a time: the dumps are "
            + "N-Quads, TriG, flat Turtle and per-source Turtle; there is no JSON-LD dump in this mode."));
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
        for (Node s : sources)
            add(out, ds, Vocab.DCT_SOURCE, s);

        add(out, ds, uri(Vocab.VOID + "triples"), integer(triples));
        add(out, ds, uri(Vocab.VOID + "quads"), integer(quads));
        add(out, ds, Iris.term("factCount"), integer(facts));
        add(out, ds, Iris.term("graphCount"), integer(graphs));
        add(out, ds, uri(Vocab.VOID + "entities"), integer(entities));
        if (example != null)
            add(out, ds, uri(Vocab.VOID + "exampleResource"), example);

        for (var e : byClass.entrySet()) {
            Node part = Iris.uri(Iris.DATASET + "#class-" + slug(e.getKey().getURI()));
            add(out, ds, uri(Vocab.VOID + "classPartition"), part);
            add(out, part, uri(Vocab.VOID + "class"), e.getKey());
            add(out, part, uri(Vocab.VOID + "entities"), integer(e.getValue()[0]));
        }
        for (var e : byProperty.entrySet()) {
            Node part = Iris.uri(Iris.DATASET + "#property-" + slug(e.getKey().getURI()));
            add(out, ds, uri(Vocab.VOID + "propertyPartition"), part);
            add(out, part, uri(Vocab.VOID + "property"), e.getKey());
            add(out, part, uri(Vocab.VOID + "triples"), integer(e.getValue()[0]));
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
                Iris.uri("https://www.iana.org/assignments/media-types/" + VoidDescription.mediaType(f)));
            if (f.endsWith(".gz"))
                add(out, dist, uri(Vocab.DCAT + "compressFormat"),
                    Iris.uri("https://www.iana.org/assignments/media-types/application/gzip"));
            add(out, dist, Vocab.DCT_LICENSE, Vocab.CC_BY_4);
            add(out, dist, Vocab.DCAT_BYTE_SIZE,
                NodeFactory.createLiteralDT(Long.toString(Files.size(p)), XSDDatatype.XSDnonNegativeInteger));
            String sum = sha256.get(f);
            ProvenanceModeller.checksum(out, dist, sum != null ? sum : Checksums.sha256(p));
        }
        TreeSet<Triple> sorted = new TreeSet<>(Sorted.TRIPLES);
        sorted.addAll(out);
        return sorted;
    }

    /** Writes the description as {@code void.ttl} into {@code dir}. */
    public static void write(Path dir, String name, TreeSet<Triple> description) throws IOException {
        DumpWriter.stream(dir.resolve(name), RDFFormat.TURTLE_BLOCKS, false, out -> description.forEach(out::triple));
    }

    /** A set of longs by open addressing (no boxing): the digests of the distinct triples seen so far. */
    static final class LongSet {
        private long[] table = new long[1 << 16];
        private int size;
        private boolean hasZero;

        boolean add(long v) {
            if (v == 0) {
                boolean added = !hasZero;
                hasZero = true;
                return added;
            }
            if (4L * (size + 1) > 3L * table.length) // at most three quarters full
                grow();
            if (!insert(table, v))
                return false;
            size++;
            return true;
        }

        private static boolean insert(long[] t, long v) {
            int mask = t.length - 1;
            int i = (int) (mix(v) & mask);
            while (t[i] != 0) {
                if (t[i] == v)
                    return false;
                i = (i + 1) & mask;
            }
            t[i] = v;
            return true;
        }

        private void grow() {
            long[] bigger = new long[table.length * 2];
            for (long v : table)
                if (v != 0)
                    insert(bigger, v);
            table = bigger;
        }

        private static long mix(long v) {
            v ^= v >>> 33;
            v *= 0xff51afd7ed558ccdL;
            v ^= v >>> 33;
            return v;
        }
    }
}

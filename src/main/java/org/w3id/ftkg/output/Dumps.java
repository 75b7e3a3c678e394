package org.w3id.ftkg.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.w3id.ftkg.digest.Sha256;

/**
 * The dumps of {@code dist/}, written as one stream of quads goes by: a {@link Tee}
 * into the TriG writer, the gzipped N-Quads writer, the flat Turtle writer behind the statement
 * nodes ({@link StatementNodes#flatten}), the JSON-LD writer, the per-source router and the VoID
 * counter. Every file is hashed as it is written. {@link #complete} then adds the ontology, the
 * shapes, the VoID description and {@code SHA256SUMS}.
 */
public final class Dumps extends StreamRDFWrapper implements DatasetSink, Closeable {
    public static final String TRIG = "ftkg.trig";
    public static final String NQUADS_GZ = "ftkg.nq.gz";
    public static final String TURTLE = "ftkg.ttl";
    public static final String JSONLD = "ftkg.jsonld";
    public static final String ONTOLOGY = "ontology.ttl";
    public static final String SHAPES = "shapes.ttl";
    public static final String VOID = "void.ttl";
    public static final String SUMS = "SHA256SUMS";
    public static final String SOURCES_DIR = "sources";

    /** The compression level of the N-Quads dump: zlib's fast levels compress it to a twentieth already. */
    private static final int GZIP_LEVEL = 3;

    /** What the VoID description says of the dataset besides its counts. */
    public record Summary(List<Node> sources, long facts, long entities, Node example) {}

    private final Path dir;
    private final Map<String, Sha256.HashedFile> files;
    private final OutputStream gzip;
    /** The per-source dumps written so far, with their SHA-256. */
    private final Map<String, String> routed;
    private final SourceDumps router;
    private final VoidDescription counts;
    private final List<AsyncSink> sinks;

    private Dumps(Path dir, Map<String, Sha256.HashedFile> files, OutputStream gzip, Map<String, String> routed,
                  SourceDumps router, VoidDescription counts, List<AsyncSink> sinks, StreamRDF tee) {
        super(tee);
        this.dir = dir;
        this.files = files;
        this.gzip = gzip;
        this.routed = routed;
        this.router = router;
        this.counts = counts;
        this.sinks = sinks;
    }

    /** Opens every dump in {@code dir} (a fresh folder). */
    public static Dumps open(Path dir) throws IOException {
        Map<String, Sha256.HashedFile> files = new LinkedHashMap<>();
        try {
            for (String f : List.of(TRIG, NQUADS_GZ, TURTLE, JSONLD))
                files.put(f, new Sha256.HashedFile(dir.resolve(f)));
            OutputStream gz = new GZIPOutputStream(files.get(NQUADS_GZ), 1 << 16) {
                {
                    def.setLevel(GZIP_LEVEL);
                }
            };
            Map<String, String> sourceFiles = new TreeMap<>();
            SourceDumps router = new SourceDumps(dir, sourceFiles);
            VoidDescription counts = new VoidDescription();
            // Each writer on its own thread: they see the same stream, side by side.
            List<AsyncSink> sinks = List.of(new AsyncSink(BlockWriter.trig(files.get(TRIG)), "trig"),
                new AsyncSink(new NQuadsWriter(gz), "nquads"),
                new AsyncSink(StatementNodes.flatten(BlockWriter.turtle(files.get(TURTLE), router)), "turtle"),
                new AsyncSink(new JsonLdWriter(files.get(JSONLD)), "jsonld"), new AsyncSink(counts, "void"));
            StreamRDF tee = new Tee(List.copyOf(sinks));
            return new Dumps(dir, files, gz, sourceFiles, router, counts, sinks, tee);
        } catch (IOException | RuntimeException e) {
            for (var f : files.values())
                f.close();
            throw e;
        }
    }

    /** The formats {@link #format} writes: those of the dumps, and the flat data as N-Triples. */
    public static final List<String> EXPORT_FORMATS = List.of("trig", "nquads", "turtle", "ntriples", "jsonld");

    /** One format of the whole dataset, written to {@code out} by the writer of that dump (the same bytes). */
    public static StreamRDF format(String format, OutputStream out) {
        return switch (format) {
            case "trig" -> BlockWriter.trig(out);
            case "nquads" -> new NQuadsWriter(out);
            case "turtle" -> StatementNodes.flatten(BlockWriter.turtle(out));
            case "ntriples" -> StatementNodes.flatten(new NQuadsWriter(out));
            case "jsonld" -> new JsonLdWriter(out);
            default -> throw new IllegalArgumentException("unknown format '" + format + "' (expected one of " + EXPORT_FORMATS + ")");
        };
    }

    @Override
    public void startSource(String stem) {
        ((DatasetSink) other).startSource(stem);
    }

    @Override
    public void finishSource() {
        ((DatasetSink) other).finishSource();
    }

    /** The quads counted so far. */
    public long quads() {
        return counts.quads();
    }

    @Override
    public void finish() {
        super.finish();
        try {
            gzip.close();
            close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes every dump file (after {@link #finish}, or to give up). */
    @Override
    public void close() throws IOException {
        sinks.forEach(AsyncSink::abandon);
        IOException first = null;
        for (var f : files.values())
            try {
                f.close();
            } catch (IOException e) {
                if (first == null)
                    first = e;
            }
        router.abandon();
        if (first != null)
            throw first;
    }

    /**
     * After {@link #finish}: copies the ontology and the shapes, writes the VoID description and
     * {@code SHA256SUMS}; returns every file of the folder (relative names), SHA256SUMS last.
     */
    public List<String> complete(Path ontology, Path shapes, Summary summary, Long sourceDateEpoch) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        files.forEach((name, f) -> sums.put(name, f.sha256()));
        sums.putAll(routed);
        Files.copy(ontology, dir.resolve(ONTOLOGY));
        sums.put(ONTOLOGY, Sha256.of(dir.resolve(ONTOLOGY)).sha256());
        Files.copy(shapes, dir.resolve(SHAPES));
        sums.put(SHAPES, Sha256.of(dir.resolve(SHAPES)).sha256());
        TreeSet<Triple> description = counts.describe(summary.sources(), summary.facts(), summary.entities(),
            summary.example(), dir, sums, sourceDateEpoch);
        try (Sha256.HashedFile out = new Sha256.HashedFile(dir.resolve(VOID))) {
            StreamRDF w = BlockWriter.turtle(out);
            w.start();
            description.forEach(w::triple);
            w.finish();
            out.close();
            sums.put(VOID, out.sha256());
        }
        StringBuilder text = new StringBuilder();
        sums.forEach((f, sum) -> text.append(sum).append("  ").append(f).append('\n'));
        Files.writeString(dir.resolve(SUMS), text.toString());
        List<String> all = new ArrayList<>(sums.keySet());
        all.add(SUMS);
        return all;
    }
}

package org.w3id.ftkg.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.io.function.Uncheck;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.w3id.ftkg.digest.Sha256;

/**
 * The dumps of {@code dist/}, written as one stream goes by, a thread per writer ({@link Tee}), hashed as written;
 * {@link #complete} adds the ontology, the shapes, the VoID description and {@code SHA256SUMS}.
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

    /** What the VoID description says of the dataset besides its counts. */
    public record Summary(List<Node> sources, long facts, long entities, Node example) {}

    private final Path dir;
    private final Map<String, Sha256.HashedFile> files = new LinkedHashMap<>();
    /** The per-source dumps written so far, with their SHA-256. */
    private final Map<String, String> routed = new TreeMap<>();
    /** The per-source dump being written, {@code sources/{stem}.ttl}, and its name. */
    private Sha256.HashedFile sourceFile;
    private String sourceName;
    private final VoidDescription counts = new VoidDescription();
    private final OutputStream gzip;

    /** Opens every dump in {@code dir} (a fresh folder). */
    public Dumps(Path dir) throws IOException {
        super(new Tee());
        this.dir = dir;
        try {
            for (String f : List.of(TRIG, NQUADS_GZ, TURTLE, JSONLD))
                files.put(f, new Sha256.HashedFile(dir.resolve(f)));
            // zlib's fast levels compress N-Quads to a twentieth already
            gzip = new GZIPOutputStream(files.get(NQUADS_GZ), 1 << 16) {
                {
                    def.setLevel(3);
                }
            };
            Files.createDirectories(dir.resolve(SOURCES_DIR));
        } catch (IOException | RuntimeException e) {
            for (var f : files.values())
                f.close();
            throw e;
        }
        ((Tee) other).branch("trig", BlockWriter.trig(files.get(TRIG))).branch("nquads", new NQuadsWriter(gzip))
            .branch("turtle", StatementNodes.flatten(BlockWriter.turtle(files.get(TURTLE), this)))
            .branch("jsonld", new JsonLdWriter(files.get(JSONLD))).branch("void", counts);
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

    /** Opens the dump of the source with this stem, its prefix lines written (for the flat Turtle writer). */
    BlockWriter openSource(String stem) {
        sourceName = SOURCES_DIR + "/" + stem + ".ttl";
        sourceFile = Uncheck.apply(Sha256.HashedFile::new, dir.resolve(sourceName));
        BlockWriter w = BlockWriter.turtle(sourceFile);
        w.start();
        return w;
    }

    /** Finishes and closes the dump {@link #openSource} gave, and records its SHA-256. */
    void closeSource(BlockWriter w) {
        w.finish();
        Uncheck.run(sourceFile::close);
        routed.put(sourceName, sourceFile.sha256());
        sourceFile = null;
    }

    @Override
    public void startSource(String stem) {
        ((DatasetSink) other).startSource(stem);
    }

    @Override
    public void finishSource() {
        ((DatasetSink) other).finishSource();
    }

    @Override
    public void finish() {
        super.finish();
        Uncheck.run(gzip::close);
        Uncheck.run(this::close);
    }

    /** Closes every dump file (after {@link #finish}, or to give up). */
    @Override
    public void close() throws IOException {
        ((Tee) other).abandon();
        IOException first = null;
        for (var f : files.values())
            try {
                f.close();
            } catch (IOException e) {
                if (first == null)
                    first = e;
            }
        if (sourceFile != null)
            sourceFile.close();
        if (first != null)
            throw first;
    }

    /** After {@link #finish}: adds the ontology, shapes, VoID and SHA256SUMS; every file of the folder, sums last. */
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

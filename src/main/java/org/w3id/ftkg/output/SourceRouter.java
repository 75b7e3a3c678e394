package org.w3id.ftkg.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ftkg.digest.Sha256;

/**
 * The per-source dumps: between {@link #startSource} and {@link #finishSource}, the flat triples
 * (behind {@link StatementNodes#flatten}, shared with {@code ftkg.ttl}) go to
 * {@code sources/{stem}.ttl}: a source's facts, their statement nodes, their provenance and the
 * source's own description. Outside, nothing is routed (the entity graphs, the build's provenance).
 */
final class SourceRouter extends StreamRDFBase implements DatasetSink {
    private final Path dir;
    /** Each file written (relative name) with its SHA-256. */
    private final Map<String, String> written;
    private Sha256.HashedFile file;
    private String name;
    private StreamRDF current;

    SourceRouter(Path dir, Map<String, String> written) throws IOException {
        this.dir = dir;
        this.written = written;
        Files.createDirectories(dir.resolve(Dumps.SOURCES_DIR));
    }

    @Override
    public void startSource(String stem) {
        finishSource();
        name = Dumps.SOURCES_DIR + "/" + stem + ".ttl";
        try {
            file = new Sha256.HashedFile(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        current = BlockWriter.turtle(file);
        current.start();
    }

    @Override
    public void quad(Quad q) {
        if (current != null)
            current.quad(q);
    }

    @Override
    public void triple(Triple t) {
        if (current != null)
            current.triple(t);
    }

    @Override
    public void finishSource() {
        if (current == null)
            return;
        current.finish();
        current = null;
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.put(name, file.sha256());
    }

    @Override
    public void finish() {
        finishSource();
    }
}

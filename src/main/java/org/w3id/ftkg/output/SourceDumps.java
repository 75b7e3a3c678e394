package org.w3id.ftkg.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.io.function.Uncheck;
import org.w3id.ftkg.digest.Sha256;

/** The per-source dumps, {@code sources/{stem}.ttl}, as the flat Turtle writer copies each source's part. */
final class SourceDumps {
    private final Path dir;
    /** Each file written (relative name) with its SHA-256. */
    private final Map<String, String> written;
    private Sha256.HashedFile file;
    private String name;

    SourceDumps(Path dir, Map<String, String> written) throws IOException {
        this.dir = dir;
        this.written = written;
        Files.createDirectories(dir.resolve(Dumps.SOURCES_DIR));
    }

    /** Opens the dump of the source with this stem, its prefix lines written. */
    BlockWriter open(String stem) {
        name = Dumps.SOURCES_DIR + "/" + stem + ".ttl";
        file = Uncheck.apply(Sha256.HashedFile::new, dir.resolve(name));
        BlockWriter w = BlockWriter.turtle(file);
        w.start();
        return w;
    }

    /** Finishes and closes the dump {@link #open} gave, and records its SHA-256. */
    void close(BlockWriter w) {
        w.finish();
        Uncheck.run(file::close);
        written.put(name, file.sha256());
        file = null;
    }

    /** Closes a dump left open (the build failed). */
    void abandon() throws IOException {
        if (file != null)
            file.close();
    }
}

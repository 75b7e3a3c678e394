package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.w3id.ftkg.files.InputFile;

/** Reads a source's text under the build's file rule ({@link InputFile}): a link out of seeds/, a pipe, a folder refused. */
final class SourceTexts {
    private SourceTexts() {}

    /** The text of {@code file} in {@code seeds}; the name comes from the data, never from a URL. */
    static String read(Path seeds, String file) throws IOException {
        Path p = seeds.resolve(file).normalize();
        if (!seeds.normalize().equals(p.getParent()))
            throw new IOException("source file outside seeds/: " + file);
        var problem = InputFile.problem(seeds, p);
        if (problem.isPresent())
            throw new IOException("seeds/" + file + " " + problem.get());
        return Files.readString(p);
    }
}

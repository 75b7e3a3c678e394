package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.w3id.ftkg.files.InputFile;

/**
 * Reads a source's text for a page, under the same file rule as the build ({@link InputFile}): a
 * seed swapped for a link leaving {@code seeds/}, a pipe or a folder after the build is refused,
 * never served or waited on.
 */
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
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}

package org.w3id.ftkg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.commons.io.file.PathUtils;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.pipeline.Build;
import org.w3id.ftkg.pipeline.Datasets;

/**
 * A throw-away copy of a project for a test: the real ontology and seeds, and the curation of
 * a fixture under src/test/resources/projects (or of the real data/).
 */
public final class TestProject {
    /** The repository root (Maven runs tests there). */
    public static final Path ROOT = Path.of("").toAbsolutePath();

    private final Path dir;

    private TestProject(Path dir) {
        this.dir = dir;
    }

    /** A project with the fixture's data/ folder. */
    public static TestProject fixture(Path tempDir, String name) {
        return copy(tempDir, ROOT.resolve("src/test/resources/projects/" + name + "/data"));
    }

    /** A project with the real curated data/. */
    public static TestProject real(Path tempDir) {
        return copy(tempDir, ROOT.resolve("data"));
    }

    private static TestProject copy(Path tempDir, Path data) {
        try {
            Path dir = tempDir.resolve("project");
            Files.createDirectories(dir);
            PathUtils.copyDirectory(ROOT.resolve("ontology"), dir.resolve("ontology"));
            PathUtils.copyDirectory(ROOT.resolve("seeds"), dir.resolve("seeds"));
            PathUtils.copyDirectory(ROOT.resolve("fuseki-config"), dir.resolve("fuseki-config"));
            PathUtils.copyDirectory(ROOT.resolve("queries"), dir.resolve("queries"));
            PathUtils.copyDirectory(data, dir.resolve("data"));
            return new TestProject(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the dumps into the project's dist/ (the server serves only what was built). */
    public TestProject built() {
        try {
            Build.of(dir).intoDist(dir.resolve("dist"));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The build's quads in memory (as they stream, without the union default graph). */
    public DatasetGraph dataset() {
        try {
            return Datasets.build(dir, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path resolve(String rel) {
        return dir.resolve(rel);
    }

    public String read(String rel) {
        try {
            return Files.readString(dir.resolve(rel), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestProject write(String rel, String content) {
        try {
            Files.createDirectories(dir.resolve(rel).getParent());
            Files.writeString(dir.resolve(rel), content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites a file; fails the test if the edit changed nothing (a stale fixture would test nothing). */
    public TestProject edit(String rel, UnaryOperator<String> change) {
        String before = read(rel);
        String after = change.apply(before);
        if (before.equals(after))
            throw new AssertionError("edit of " + rel + " changed nothing");
        return write(rel, after);
    }

    /** The 1-based number of the first line of {@code rel} containing {@code needle}. */
    public int lineOf(String rel, String needle) {
        List<String> lines = read(rel).lines().toList();
        for (int i = 0; i < lines.size(); i++)
            if (lines.get(i).contains(needle))
                return i + 1;
        throw new AssertionError(needle + " not in " + rel);
    }

    public static final String MINI_FACTS = "data/facts/004_40da1574111b49b3.yaml";
    public static final String MINI_ENTITIES = "data/entities/mini.yaml";
}

package org.w3id.ftkg.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.cli.Main;

class SyntheticCorpusTest {
    @TempDir
    Path tmp;

    private int generate(Path out, long seed, String... more) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("generate", "--facts", "300", "--sources", "3",
            "--seed", Long.toString(seed), "--output", out.toString(), "--project", TestProject.ROOT.toString()));
        args.addAll(List.of(more));
        int code = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), args.toArray(String[]::new));
        assertEquals(0, code, () -> "generate failed: " + e);
        assertTrue(o.toString().startsWith("Generated 300 facts in 3 sources, "), o::toString);
        return code;
    }

    @Test
    void theGeneratedProjectValidatesAndBuilds() throws IOException {
        Path dir = tmp.resolve("corpus");
        generate(dir, 42);
        for (String f : List.of("ontology/ftkg.ttl", "ontology/shapes.ttl", "seeds/SHA256SUMS",
            "seeds/000000_synthetic.txt", "seeds/000002_synthetic.txt", "data/entities/synthetic.yaml",
            "data/facts/000000_synthetic.yaml", "data/facts/000002_synthetic.yaml"))
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        assertEquals(3, Files.readAllLines(dir.resolve("seeds/SHA256SUMS")).size());
        long facts;
        try (Stream<Path> s = Files.list(dir.resolve("data/facts"))) {
            facts = s.mapToLong(p -> count(p, "  - id: ")).sum();
        }
        assertEquals(300, facts);

        assertEquals(0, Main.run("validate", "--project", dir.toString()));
        assertEquals(0, Main.run("build", "--project", dir.toString()));
        assertTrue(Files.isRegularFile(dir.resolve("dist/ftkg.trig")));
    }

    @Test
    void theSameSeedGivesByteIdenticalFilesAndAnotherSeedOtherData() throws IOException {
        Path a = tmp.resolve("a"), b = tmp.resolve("b"), c = tmp.resolve("c");
        generate(a, 7);
        generate(b, 7);
        generate(c, 8);
        List<Path> filesA = files(a), filesB = files(b);
        assertEquals(filesA.stream().map(a::relativize).toList(), filesB.stream().map(b::relativize).toList());
        for (Path f : filesA)
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f))), a.relativize(f) + " differs");
        for (String f : List.of("data/entities/synthetic.yaml", "data/facts/000000_synthetic.yaml", "seeds/000000_synthetic.txt"))
            assertNotEquals(Files.readString(a.resolve(f)), Files.readString(c.resolve(f)), f + " is the same for another seed");
    }

    @Test
    void aNonEmptyOutputFolderIsNeverOverwritten() throws IOException {
        Path dir = tmp.resolve("taken");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("keep.txt"), "mine");
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "generate",
            "--facts", "30", "--output", dir.toString(), "--project", TestProject.ROOT.toString());
        assertEquals(Main.USAGE, code);
        assertEquals("mine", Files.readString(dir.resolve("keep.txt")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temporary folder is left behind");
        }
        // An empty folder is fine.
        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        generate(empty, 1);
        assertFalse(SyntheticCorpus.isFree(empty));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static long count(Path p, String linePrefix) {
        try (Stream<String> lines = Files.lines(p)) {
            return lines.filter(l -> l.startsWith(linePrefix)).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

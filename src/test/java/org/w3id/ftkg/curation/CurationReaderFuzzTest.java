package org.w3id.ftkg.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.apache.commons.io.file.PathUtils;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.cli.Main;
import org.w3id.ftkg.diagnostics.Problem;
import org.w3id.ftkg.diagnostics.Problems;

/**
 * Hostile curation files: a valid facts or entities file, mutated (truncated, retyped, re-encoded,
 * blown up, nested, aliased, duplicated, BOM'd, CRLF'd). Whatever comes in, the reader answers
 * with located problems or a valid result: never a stack trace, never a hang. The damage is drawn
 * from a fixed seed, so a failure names a case that reproduces (FTKG_FUZZ_SEED picks another
 * seed, FTKG_FUZZ_CASES a larger run).
 */
class CurationReaderFuzzTest {
    static final String FACTS = "data/facts/004_40da1574111b49b3.yaml";
    static final String ENTITIES = "data/entities/mini.yaml";
    static Path tmp;
    static TestProject project;
    static byte[] validFacts, validEntities;

    @BeforeAll
    static void setUp() throws IOException {
        tmp = Files.createTempDirectory("ftkg-fuzz");
        project = TestProject.fixture(tmp, "mini");
        validFacts = Files.readAllBytes(project.resolve(FACTS));
        validEntities = Files.readAllBytes(project.resolve(ENTITIES));
    }

    @AfterAll
    static void tearDown() throws IOException {
        PathUtils.deleteDirectory(tmp);
    }

    /** One way to damage a file; applied to its bytes with a position and a size drawn by jqwik. */
    enum Mutation {
        TRUNCATE, DELETE_SPAN, INSERT_RANDOM_BYTES, INSERT_INVALID_UTF8, SCALAR_TO_LIST, SCALAR_TO_MAP,
        HUGE_STRING, DEEP_NESTING, ALIAS_BOMB, DUPLICATE_KEY, BOM, CRLF, TABS, NUL, SWAP_LINES
    }

    record Damage(int caseNo, Mutation mutation, double where, int size, byte[] noise) {
        @Override
        public String toString() {
            return "case " + caseNo + ": " + mutation + " at " + where + " size " + size;
        }
    }

    static final long SEED = Long.parseLong(System.getenv().getOrDefault("FTKG_FUZZ_SEED", "20261126"));
    static final int CASES = Integer.parseInt(System.getenv().getOrDefault("FTKG_FUZZ_CASES", "450"));

    /** Every mutation at least 20 times, then random ones, all from one seed. */
    static Stream<Damage> damages() {
        Random r = new Random(SEED);
        Mutation[] all = Mutation.values();
        return IntStream.range(0, CASES).mapToObj(i -> {
            byte[] noise = new byte[r.nextInt(65)];
            r.nextBytes(noise);
            Mutation m = i < all.length * 20 ? all[i % all.length] : all[r.nextInt(all.length)];
            return new Damage(i, m, r.nextDouble(), 1 + r.nextInt(2000), noise);
        });
    }

    static Stream<Damage> someDamages() {
        return damages().filter(d -> d.caseNo() % 8 == 0);
    }

    static byte[] apply(byte[] valid, Damage d) {
        String text = new String(valid, StandardCharsets.UTF_8);
        int at = (int) (d.where() * valid.length);
        return switch (d.mutation()) {
            case TRUNCATE -> Arrays.copyOf(valid, at);
            case DELETE_SPAN -> concat(Arrays.copyOf(valid, at), Arrays.copyOfRange(valid, Math.min(valid.length, at + d.size() % 80), valid.length));
            case INSERT_RANDOM_BYTES -> insert(valid, at, d.noise());
            case INSERT_INVALID_UTF8 -> insert(valid, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
            case SCALAR_TO_LIST -> bytes(text.replaceFirst("(?m)^(\\s+)(quote|label|type|id): .*$", "$1$2: [a, [b, {c: d}]]"));
            case SCALAR_TO_MAP -> bytes(text.replaceFirst("(?m)^(\\s+)(quote|label|date|value): .*$", "$1$2: {x: 1, y: [2]}"));
            case HUGE_STRING -> bytes(text.replaceFirst("(?m)^(\\s+)label: .*$", "$1label: " + "x".repeat(d.size() * 500)));
            case DEEP_NESTING -> bytes(text + "\nextra: " + "[".repeat(d.size() * 5) + "]".repeat(d.size() * 5) + "\n");
            case ALIAS_BOMB -> bytes(aliasBomb() + text);
            case DUPLICATE_KEY -> bytes(text.replaceFirst("(?m)^(\\s+)(quote: .*)$", "$1$2\n$1$2"));
            case BOM -> insert(valid, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            case CRLF -> bytes(text.replace("\n", "\r\n"));
            case TABS -> bytes(text.replaceFirst("(?m)^  ", "\t"));
            case NUL -> insert(valid, at, new byte[] {0, 0});
            case SWAP_LINES -> {
                String[] lines = text.split("\n", -1);
                int i = Math.min(lines.length - 1, (int) (d.where() * lines.length)), j = (i + d.size()) % lines.length;
                String t = lines[i];
                lines[i] = lines[j];
                lines[j] = t;
                yield bytes(String.join("\n", lines));
            }
        };
    }

    /** The "billion laughs": nine levels of aliases that would expand to 10^9 strings. */
    static String aliasBomb() {
        StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            b.append(c).append(": &").append(c).append(" [").append(("*" + p + ",").repeat(8)).append('*').append(p).append("]\n");
        }
        return b.toString();
    }

    @ParameterizedTest
    @MethodSource("damages")
    void theReaderAnswersWithLocatedProblemsOrAResult(Damage d) throws IOException {
        boolean entitiesFile = d.caseNo() % 2 == 1;
        String rel = entitiesFile ? ENTITIES : FACTS;
        Files.write(project.resolve(rel), apply(entitiesFile ? validEntities : validFacts, d));
        try {
            Problems problems = new Problems();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new CurationReader(project.dir()).read(problems));
            for (Problem p : problems.sorted())
                assertTrue(p.at().file().startsWith("data/"), "every problem names its file: " + p);
        } finally {
            restore();
        }
    }

    /** The whole validate command on damaged input: exit 0 or 1, a readable report, no stack trace. */
    @ParameterizedTest
    @MethodSource("someDamages")
    void validateNeverCrashes(Damage d) throws IOException {
        Files.write(project.resolve(FACTS), apply(validFacts, d));
        java.io.StringWriter buf = new java.io.StringWriter();
        try (java.io.PrintWriter w = new java.io.PrintWriter(buf, true)) {
            int code = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Main.run(w, w, "validate", "--project", project.dir().toString()));
            String report = buf.toString();
            assertTrue(code == 0 || code == Main.INVALID_INPUT, "exit code " + code + ": " + report);
            assertTrue(!report.contains("\tat ") && !report.contains("Exception"), "no stack trace: " + report);
            if (code == Main.INVALID_INPUT)
                assertTrue(report.contains("data/"), "the report names the file: " + report);
        } finally {
            restore();
        }
    }

    static void restore() throws IOException {
        Files.write(project.resolve(FACTS), validFacts);
        Files.write(project.resolve(ENTITIES), validEntities);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] insert(byte[] a, int at, byte[] b) {
        return concat(concat(Arrays.copyOf(a, at), b), Arrays.copyOfRange(a, at, a.length));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void theValidFilesReadWithoutProblems() {
        Problems problems = new Problems();
        new CurationReader(project.dir()).read(problems);
        assertEquals(0, problems.size(), problems.sorted().toString());
    }
}

package org.w3id.ftkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.cli.Main;
import org.w3id.ftkg.digest.Sha256;
import org.w3id.ftkg.output.Dumps;
import org.w3id.ftkg.synth.SyntheticCorpus;
import org.w3id.ftkg.diagnostics.InvalidInputException;
import org.w3id.ftkg.diagnostics.Problem;

/**
 * The one build: every dump holds the same quads, the output is the same bytes whatever the
 * number of worker threads and on every run, and bad input anywhere in the corpus is reported
 * at once, with its location, leaving dist/ alone.
 */
class BuildTest {
    private static final long EPOCH = 1_700_000_000L;
    private static final String FACTS_001 = "data/facts/001_e6471a257fbe521d.yaml";
    private static final String FACTS_000 = "data/facts/000_c5f2a68eca99afa8.yaml";

    @TempDir
    Path tmp;

    private static Build.Result build(Path project, Path dist, int threads) throws IOException {
        return Build.of(project).sourceDateEpoch(EPOCH).threads(threads).intoDist(dist);
    }

    private static List<Problem> problems(Path project, int threads) {
        return assertThrows(InvalidInputException.class, () -> Build.of(project).threads(threads).validate()).problems();
    }

    private Path synthetic(int facts, int sources) throws IOException {
        Path dir = tmp.resolve("synthetic");
        SyntheticCorpus.generate(TestProject.ROOT, dir, facts, sources, 11);
        return dir;
    }

    // --- every dump, the same data -----------------------------------------------------------

    @Test
    void theRealCorpusGivesEveryDumpWithTheSameQuads() throws Exception {
        everyDump(TestProject.real(tmp).dir(), 5);
    }

    @Test
    void aSyntheticCorpusGivesEveryDumpWithTheSameQuads() throws Exception {
        everyDump(synthetic(2000, 4), 4);
    }

    private void everyDump(Path project, int sources) throws Exception {
        Path dist = tmp.resolve("dist");
        Build.Result r = build(project, dist, 2);
        Set<Quad> nq = set(nquads(dist.resolve(Dumps.NQUADS_GZ)));
        // Blank nodes would make the dumps unstable: there are none.
        assertTrue(nq.stream().noneMatch(q -> q.getGraph().isBlank() || q.getSubject().isBlank() || q.getObject().isBlank()));
        assertEquals(r.quads(), nq.size(), "the count reported is the number of quads");
        for (String f : List.of(Dumps.TRIG, Dumps.JSONLD)) {
            DatasetGraph d = DatasetGraphFactory.create();
            RDFParser.source(dist.resolve(f)).parse(d);
            assertEquals(nq, set(d), f + " holds the quads of ftkg.nq.gz");
        }
        Graph flat = GraphFactory.createDefaultGraph();
        RDFParser.source(dist.resolve(Dumps.TURTLE)).parse(flat);
        nq.stream().filter(q -> q.getGraph().getURI().startsWith("https://w3id.org/ftkg/fact/"))
            .forEach(q -> assertTrue(flat.contains(q.asTriple()), "the flat dump states " + q));
        try (Stream<Path> files = Files.list(dist.resolve(Dumps.SOURCES_DIR))) {
            assertEquals(sources, files.count());
        }
        List<String> sums = Files.readAllLines(dist.resolve(Dumps.SUMS));
        assertEquals(r.files().size() - 1, sums.size(), "SHA256SUMS lists every file but itself");
        for (String line : sums) {
            String[] parts = line.split("  ", 2);
            assertEquals(Sha256.of(dist.resolve(parts[1])).sha256(), parts[0], parts[1]);
        }
    }

    private static DatasetGraph nquads(Path gz) throws IOException {
        DatasetGraph dsg = DatasetGraphFactory.create();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(dsg);
        }
        return dsg;
    }

    private static Set<Quad> set(DatasetGraph dsg) {
        Set<Quad> out = new HashSet<>();
        dsg.find().forEachRemaining(out::add);
        return out;
    }

    // --- reproducible -------------------------------------------------------------------------

    @Test
    void everyDumpIsTheSameBytesWhateverTheThreadsAndOnEveryRun() throws Exception {
        Path project = synthetic(600, 3);
        Build.Result one = build(project, tmp.resolve("one"), 1);
        build(project, tmp.resolve("four"), 4);
        build(project, tmp.resolve("again"), 4);
        assertEquals(List.of("ftkg.trig", "ftkg.nq.gz", "ftkg.ttl", "ftkg.jsonld", "sources/000000_synthetic.ttl",
            "sources/000001_synthetic.ttl", "sources/000002_synthetic.ttl", "ontology.ttl", "shapes.ttl", "void.ttl",
            "SHA256SUMS"), one.files());
        for (String f : one.files()) {
            byte[] bytes = Files.readAllBytes(tmp.resolve("one").resolve(f));
            assertArrayEquals(bytes, Files.readAllBytes(tmp.resolve("four").resolve(f)), f + ", 1 and 4 threads");
            assertArrayEquals(bytes, Files.readAllBytes(tmp.resolve("again").resolve(f)), f + ", two runs");
        }
        assertTrue(Files.readString(tmp.resolve("one/void.ttl")).contains("2023-11-14T22:13:20Z"),
            "SOURCE_DATE_EPOCH is the only time recorded");
        assertTrue(Files.readString(tmp.resolve("one").resolve(Dumps.TRIG)).indexOf("_:") < 0, "no blank nodes");
    }

    @Test
    void theCommandLineBuildsWithNoFlag() throws Exception {
        Path project = TestProject.real(tmp).dir();
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "build", "--project", project.toString());
        assertEquals(0, code, err::toString);
        assertTrue(out.toString().startsWith("Built 347 facts, 286 entities, "), out::toString);
        assertTrue(Files.isRegularFile(project.resolve("dist").resolve(Dumps.JSONLD)));
        StringWriter help = new StringWriter();
        Main.run(new PrintWriter(help, true), new PrintWriter(new StringWriter(), true), "build", "--help");
        assertFalse(help.toString().contains("--stream"), help::toString);
        assertTrue(help.toString().contains("--threads"), help::toString);
    }

    // --- bad input ----------------------------------------------------------------------------

    @Test
    void aQuoteNotInItsSourceFailsWithItsLocationAndLeavesDistAlone() throws Exception {
        TestProject p = TestProject.real(tmp);
        Path dist = p.dir().resolve("dist");
        Files.createDirectories(dist);
        Files.writeString(dist.resolve("previous.txt"), "the last good build");
        Files.writeString(dist.resolve(org.w3id.ftkg.files.OutputGuard.MARKER), ""); // an earlier build's output
        p.edit(FACTS_001, s -> s.replaceFirst("\n    quote: \"", "\n    quote: \"Nowhere in the article: "));
        int line = p.lineOf(FACTS_001, "Nowhere in the article: ") - 1; // the fact starts on the line before its quote

        List<Problem> ps = assertThrows(InvalidInputException.class, () -> build(p.dir(), dist, 2)).problems();
        assertTrue(ps.stream().anyMatch(x -> x.at().file().equals(FACTS_001) && x.at().line() == line
            && x.message().contains("quote is not in 001_e6471a257fbe521d.txt")), ps::toString);
        untouched(dist);

        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "build",
            "--project", p.dir().toString());
        assertEquals(Main.INVALID_INPUT, code);
        assertTrue(err.toString().contains(FACTS_001 + ":" + line + ":"), err::toString);
        untouched(dist);
    }

    @Test
    void problemsInSeveralFilesAreReportedTogetherWhateverTheThreads() throws Exception {
        TestProject p = TestProject.real(tmp)
            .edit(FACTS_000, s -> s.replace("agent: ", "agent: no-such-agent-"))
            .edit(FACTS_001, s -> s.replaceFirst("\n    quote: \"", "\n    quote: \"Nowhere: "));
        List<Problem> ps = assertThrows(InvalidInputException.class, () -> build(p.dir(), tmp.resolve("d"), 4)).problems();
        assertTrue(ps.stream().anyMatch(x -> x.at().file().equals(FACTS_000) && x.message().contains("unknown reference")), ps::toString);
        assertTrue(ps.stream().anyMatch(x -> x.at().file().equals(FACTS_001) && x.message().contains("quote is not in")), ps::toString);
        assertEquals(problems(p.dir(), 1), ps);
        assertFalse(Files.exists(tmp.resolve("d")));
    }

    @Test
    void shapeViolationsInOneFileAreReportedAtTheirCurationLine() throws Exception {
        TestProject p = TestProject.real(tmp).edit(FACTS_000, s -> s.replace("        holder: craig-deare\n", ""));
        List<Problem> ps = problems(p.dir(), 2);
        assertTrue(ps.stream().anyMatch(x -> x.at().file().equals(FACTS_000) && x.message().contains("a tenure needs its holder")),
            ps::toString);
    }

    @Test
    void aNodeThatTwoFilesDescribeIsCheckedWithAllItsStatements() throws Exception {
        // 001 adds a second English label to a tenure that 000 declares: only the two files together break the shape.
        TestProject p = TestProject.real(tmp);
        String quote = firstQuote(p, FACTS_001);
        p.edit(FACTS_001, s -> s.replaceFirst("\nfacts:\n", "\nfacts:\n  - id: 001-test-second-label\n    quote: " + quote
            + "\n    nodes:\n      - id: craig-deare-ndu-professor\n        label: \"Another English label\"\n"));
        List<Problem> ps = problems(p.dir(), 2);
        assertTrue(ps.stream().anyMatch(x -> x.at().file().equals(FACTS_000) && x.message().contains("craig-deare-ndu-professor")
            && x.message().contains("English rdfs:label")), ps::toString);

        // Without the second label the two files together are fine.
        TestProject q = TestProject.real(tmp.resolve("ok"));
        q.edit(FACTS_001, s -> s.replaceFirst("\nfacts:\n", "\nfacts:\n  - id: 001-test-more-about-a-tenure\n    quote: "
            + quote + "\n    nodes:\n      - id: craig-deare-ndu-professor\n        position: \"professor emeritus\"\n"));
        build(q.dir(), tmp.resolve("ok-dist"), 2);
    }

    @Test
    void aFactIdUsedInTwoFilesAndASourceCoveredTwiceAreReported() throws Exception {
        TestProject p = TestProject.real(tmp);
        p.edit(FACTS_001, s -> s.replace("  - id: 001-section-headings\n", "  - id: 000-deare-ndu-professor\n"));
        p.write("data/facts/005_copy.yaml", p.read(FACTS_001).replace("  - id: ", "  - id: copy-"));
        List<Problem> ps = problems(p.dir(), 4);
        assertTrue(ps.stream().anyMatch(x -> x.message().contains("duplicate fact id")), ps::toString);
        assertTrue(ps.stream().anyMatch(x -> x.message().contains("already covers")), ps::toString);
        assertEquals(problems(p.dir(), 1), ps, "the same problems whatever the threads");
    }

    /** The first quote of a facts file, as written there. */
    private static String firstQuote(TestProject p, String file) {
        for (String l : p.read(file).lines().toList())
            if (l.trim().startsWith("quote: "))
                return l.trim().substring("quote: ".length());
        throw new AssertionError("no quote in " + file);
    }

    private void untouched(Path dist) throws IOException {
        assertEquals("the last good build", Files.readString(dist.resolve("previous.txt")));
        try (Stream<Path> s = Files.list(dist)) {
            assertEquals(1, s.filter(f -> !f.getFileName().toString().equals(org.w3id.ftkg.files.OutputGuard.MARKER)).count(),
                "nothing was added to dist/");
        }
        try (Stream<Path> s = Files.list(dist.getParent())) {
            assertTrue(s.noneMatch(x -> x.getFileName().toString().startsWith(".dist")), "no temporary folder is left");
        }
    }
}

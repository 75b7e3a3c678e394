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
import org.apache.jena.graph.Triple;
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
import org.w3id.ftkg.output.DistDirectory;
import org.w3id.ftkg.output.DumpWriter;
import org.w3id.ftkg.synth.SyntheticCorpus;
import org.w3id.ftkg.validate.InvalidInputException;
import org.w3id.ftkg.validate.Problem;

/**
 * {@code build --stream} against the in-memory build: the same quads, the same flat statements,
 * the same per-source files and VoID counts, byte-identical reruns, and the same problems for
 * bad input with dist/ left alone.
 */
class StreamingBuildTest {
    private static final long EPOCH = 1_700_000_000L;
    private static final String FACTS_001 = "data/facts/001_e6471a257fbe521d.yaml";
    private static final String FACTS_000 = "data/facts/000_c5f2a68eca99afa8.yaml";

    @TempDir
    Path tmp;

    private static void inMemory(Path project, Path dist) throws IOException {
        KnowledgeGraph kg = Pipeline.build(project, EPOCH);
        DistDirectory.replace(dist, dir -> DumpWriter.write(kg, project, dir, EPOCH));
    }

    private static StreamingBuild.Result streamed(Path project, Path dist) throws IOException {
        return StreamingBuild.build(project, dist, EPOCH, msg -> {});
    }

    private Path synthetic(int facts, int sources) throws IOException {
        Path dir = tmp.resolve("synthetic");
        SyntheticCorpus.generate(TestProject.ROOT, dir, facts, sources, 11);
        return dir;
    }

    // --- the same data ---------------------------------------------------------------------

    @Test
    void theRealCorpusStreamsTheSameQuadsAsTheInMemoryBuild() throws Exception {
        Path p = TestProject.real(tmp).dir();
        sameAsInMemory(p, 5);
    }

    @Test
    void aSyntheticCorpusStreamsTheSameQuadsAsTheInMemoryBuild() throws Exception {
        sameAsInMemory(synthetic(2000, 4), 4);
    }

    private void sameAsInMemory(Path project, int sources) throws Exception {
        Path mem = tmp.resolve("mem"), str = tmp.resolve("stream");
        inMemory(project, mem);
        StreamingBuild.Result r = streamed(project, str);

        DatasetGraph a = nquads(mem.resolve(DumpWriter.NQUADS_GZ));
        DatasetGraph b = nquads(str.resolve(DumpWriter.NQUADS_GZ));
        // Blank nodes would make this comparison meaningless (and the dumps unstable): there are none.
        assertTrue(a.stream().noneMatch(StreamingBuildTest::hasBlank), "the in-memory quads are IRI-only");
        assertTrue(b.stream().noneMatch(StreamingBuildTest::hasBlank), "the streamed quads are IRI-only");
        assertEquals(set(a), set(b), "ftkg.nq.gz holds the same quads");
        assertEquals(r.quads(), set(b).size(), "the count reported is the number of quads");

        DatasetGraph trig = DatasetGraphFactory.create();
        RDFParser.source(str.resolve(DumpWriter.TRIG)).parse(trig);
        assertEquals(set(b), set(trig), "ftkg.trig holds the quads of ftkg.nq.gz");

        assertEquals(triples(mem.resolve(DumpWriter.TURTLE)), triples(str.resolve(DumpWriter.TURTLE)),
            "the flat Turtle parses and holds the same statements and statement nodes");

        try (Stream<Path> files = Files.list(mem.resolve(DumpWriter.SOURCES_DIR))) {
            List<Path> perSource = files.sorted().toList();
            assertEquals(sources, perSource.size());
            for (Path f : perSource)
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(str.resolve(DumpWriter.SOURCES_DIR).resolve(f.getFileName())),
                    "sources/" + f.getFileName() + " is byte for byte the in-memory one");
        }

        // The VoID counts are the same; only the dump list differs (no JSON-LD when streaming).
        assertEquals(voidCounts(mem), voidCounts(str));
        assertFalse(Files.exists(str.resolve(DumpWriter.JSONLD)));
        assertTrue(Files.readString(str.resolve(DumpWriter.VOID)).contains("no JSON-LD dump"));
        List<String> sums = Files.readAllLines(str.resolve(DumpWriter.SUMS));
        assertEquals(r.files().size() - 1, sums.size(), "SHA256SUMS lists every file but itself");
        for (String line : sums) {
            String[] parts = line.split("  ", 2);
            assertEquals(org.w3id.ftkg.output.Checksums.sha256(str.resolve(parts[1])), parts[0], parts[1]);
        }
    }

    private static boolean hasBlank(Quad q) {
        return q.getGraph().isBlank() || q.getSubject().isBlank() || q.getObject().isBlank();
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

    private static Set<Triple> triples(Path ttl) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(ttl).parse(g);
        Set<Triple> out = new HashSet<>();
        g.find().forEachRemaining(out::add);
        assertTrue(out.stream().noneMatch(t -> t.getSubject().isBlank() || t.getObject().isBlank()), ttl + " is IRI-only");
        return out;
    }

    /** The VoID description without its dumps (sizes, checksums) and the note on the streamed build. */
    private static Set<Triple> voidCounts(Path dist) {
        Set<Triple> out = new HashSet<>();
        for (Triple t : triples(dist.resolve(DumpWriter.VOID))) {
            String s = t.getSubject().getURI(), o = t.getObject().isURI() ? t.getObject().getURI() : "";
            boolean dump = s.contains("/dumps/") || s.contains("sha256") || o.contains("/dumps/");
            boolean note = t.getPredicate().getURI().endsWith("#comment");
            if (!dump && !note)
                out.add(t);
        }
        assertTrue(out.stream().anyMatch(t -> t.getPredicate().getURI().endsWith("void#triples")));
        return out;
    }

    // --- reproducible -----------------------------------------------------------------------

    @Test
    void twoStreamedBuildsAreByteIdentical() throws Exception {
        Path project = synthetic(600, 3);
        StreamingBuild.Result a = streamed(project, tmp.resolve("a"));
        streamed(project, tmp.resolve("b"));
        assertEquals(List.of("ftkg.trig", "ftkg.nq.gz", "ftkg.ttl", "sources/000000_synthetic.ttl",
            "sources/000001_synthetic.ttl", "sources/000002_synthetic.ttl", "ontology.ttl", "shapes.ttl", "void.ttl",
            "SHA256SUMS"), a.files());
        for (String f : a.files())
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        assertTrue(Files.readString(tmp.resolve("a/void.ttl")).contains("2023-11-14T22:13:20Z"),
            "SOURCE_DATE_EPOCH is the only time recorded");
        assertTrue(Files.readString(tmp.resolve("a").resolve(DumpWriter.TRIG)).indexOf("_:") < 0, "no blank nodes");
    }

    @Test
    void theCommandLineBuildsWithStream() throws Exception {
        Path project = TestProject.real(tmp).dir();
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "build", "--stream", "--project",
            project.toString());
        assertEquals(0, code, err::toString);
        assertTrue(out.toString().startsWith("Built 347 facts, 286 entities, "), out::toString);
        assertTrue(Files.isRegularFile(project.resolve("dist").resolve(DumpWriter.NQUADS_GZ)));
        StringWriter help = new StringWriter();
        Main.run(new PrintWriter(help, true), new PrintWriter(new StringWriter(), true), "build", "--help");
        assertTrue(help.toString().contains("--stream") && help.toString().contains("no JSON-LD"), help::toString);
    }

    // --- bad input --------------------------------------------------------------------------

    @Test
    void aQuoteNotInItsSourceFailsWithItsLocationAndLeavesDistAlone() throws Exception {
        TestProject p = TestProject.real(tmp);
        Path dist = p.dir().resolve("dist");
        Files.createDirectories(dist);
        Files.writeString(dist.resolve("previous.txt"), "the last good build");
        Files.writeString(dist.resolve(org.w3id.ftkg.files.OutputGuard.MARKER), ""); // an earlier build's output
        p.edit(FACTS_001, s -> s.replaceFirst("\n    quote: \"", "\n    quote: \"Nowhere in the article: "));
        int line = lineOf(p, FACTS_001, "Nowhere in the article: ") - 1; // the fact starts on the line before its quote

        List<Problem> ps = assertThrows(InvalidInputException.class, () -> streamed(p.dir(), dist)).problems();
        assertTrue(ps.stream().anyMatch(x -> x.at().file().equals(FACTS_001) && x.at().line() == line
            && x.message().contains("quote is not in 001_e6471a257fbe521d.txt")), ps::toString);
        assertEquals(problems(p.dir()), ps, "the problems of the in-memory build, no more, no fewer");
        untouched(dist);

        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "build", "--stream",
            "--project", p.dir().toString());
        assertEquals(Main.INVALID_INPUT, code);
        assertTrue(err.toString().contains(FACTS_001 + ":" + line + ":"), err::toString);
        untouched(dist);
    }

    @Test
    void problemsInSeveralFilesAreReportedTogether() throws Exception {
        TestProject p = TestProject.real(tmp)
            .edit(FACTS_000, s -> s.replace("agent: ", "agent: no-such-agent-"))
            .edit(FACTS_001, s -> s.replaceFirst("\n    quote: \"", "\n    quote: \"Nowhere: "));
        List<Problem> ps = assertThrows(InvalidInputException.class, () -> streamed(p.dir(), tmp.resolve("d"))).problems();
        assertTrue(ps.stream().anyMatch(x -> x.at().file().equals(FACTS_000) && x.message().contains("unknown reference")), ps::toString);
        assertTrue(ps.stream().anyMatch(x -> x.at().file().equals(FACTS_001) && x.message().contains("quote is not in")), ps::toString);
        assertEquals(problems(p.dir()), ps);
        assertFalse(Files.exists(tmp.resolve("d")));
    }

    @Test
    void shapeViolationsInOneFileAreThoseOfTheInMemoryBuild() throws Exception {
        TestProject p = TestProject.real(tmp).edit(FACTS_000, s -> s.replace("        holder: craig-deare\n", ""));
        List<Problem> ps = assertThrows(InvalidInputException.class, () -> streamed(p.dir(), tmp.resolve("d"))).problems();
        assertTrue(ps.stream().anyMatch(x -> x.message().contains("a tenure needs its holder")), ps::toString);
        assertEquals(problems(p.dir()), ps);
    }

    @Test
    void aNodeThatTwoFilesDescribeIsCheckedWithAllItsStatements() throws Exception {
        // 001 adds a second English label to a tenure that 000 declares: only the two files together break the shape.
        TestProject p = TestProject.real(tmp);
        String quote = firstQuote(p, FACTS_001);
        p.edit(FACTS_001, s -> s.replaceFirst("\nfacts:\n", "\nfacts:\n  - id: 001-test-second-label\n    quote: " + quote
            + "\n    nodes:\n      - id: craig-deare-ndu-professor\n        label: \"Another English label\"\n"));
        List<Problem> ps = assertThrows(InvalidInputException.class, () -> streamed(p.dir(), tmp.resolve("d"))).problems();
        assertTrue(ps.stream().anyMatch(x -> x.at().file().equals(FACTS_000) && x.message().contains("craig-deare-ndu-professor")
            && x.message().contains("English rdfs:label")), ps::toString);
        assertEquals(problems(p.dir()), ps);

        // Without the second label the two files together are fine.
        TestProject q = TestProject.real(tmp.resolve("ok"));
        q.edit(FACTS_001, s -> s.replaceFirst("\nfacts:\n", "\nfacts:\n  - id: 001-test-more-about-a-tenure\n    quote: "
            + quote + "\n    nodes:\n      - id: craig-deare-ndu-professor\n        position: \"professor emeritus\"\n"));
        streamed(q.dir(), tmp.resolve("ok-dist"));
        Pipeline.build(q.dir(), EPOCH);
    }

    /** A change to a copy of a project, and whether it must break the build. */
    private record Edit(String file, java.util.function.UnaryOperator<String> change) {}

    @Test
    void everyKindOfBadInputGivesTheProblemsOfTheInMemoryBuild() throws Exception {
        String mini = TestProject.MINI_FACTS, ents = TestProject.MINI_ENTITIES;
        List<List<Edit>> cases = List.of(
            List.of(new Edit(mini, s -> s.replace("agent: mexico", "agent: [mexico"))),
            List.of(new Edit(mini, s -> s.replace("agent: mexico", "agent: mexica"))),
            List.of(new Edit(mini, s -> s.replace("type: Extradition", "type: Extraditon"))),
            List.of(new Edit(mini, s -> s.replace("agent: mexico", "agentt: mexico"))),
            List.of(new Edit(mini, s -> s.replace("{value: 29, unit: count, ", "{value: 29, "))),
            List.of(new Edit(mini, s -> s.replace("holder: rafael-caro-quintero", "holder: fentanyl"))),
            List.of(new Edit(mini, s -> s.replace("date: 2013", "date: 2013-02-30"))),
            List.of(new Edit(mini, s -> s.replace("Mexico has extradited 29", "Mexico has extradited 30"))),
            List.of(new Edit(mini, s -> s.replace("quote: Caro Quintero, once the leader of the now-defunct Guadalajara Cartel",
                "quote: Caro Quintero"))),
            List.of(new Edit(mini, s -> s.replace("id: 004-caro-quintero-release", "id: 004-extradition-of-29"))),
            List.of(new Edit(mini, s -> s.replace("        claimant: claudia-sheinbaum\n", ""))),
            List.of(new Edit(mini, s -> s.replace("source:\n", "sourc:\n"))),
            List.of(new Edit(mini, s -> s.replace("    quote: served 28", "    quotes: served 28"))),
            List.of(new Edit(ents, s -> s.replace("type: Drug", "type: Drugs"))),
            List.of(new Edit(ents, s -> s.replace("wikidata: Q30", "wikidata: Q96"))),
            List.of(new Edit(ents, s -> s + "  - id: mexico\n    type: City\n    label: Mexico City\n")),
            List.of(new Edit(mini, s -> s.replace("agent: mexico", "agent: mexica").replace("date: 2013", "date: 2013-13")),
                new Edit(ents, s -> s.replace("type: Drug", "type: Drugs"))));
        int n = 0;
        for (List<Edit> edits : cases) {
            TestProject p = TestProject.fixture(tmp.resolve("case-" + n++), "mini");
            for (Edit e : edits)
                p.edit(e.file(), e.change());
            List<Problem> expected = problems(p.dir());
            List<Problem> actual = assertThrows(InvalidInputException.class, () -> streamed(p.dir(), p.dir().resolve("dist")),
                expected::toString).problems();
            assertEquals(expected, actual, "case " + (n - 1));
            assertFalse(Files.exists(p.dir().resolve("dist")));
        }
        // Across files: a fact id used in two files; a facts file for a source another file covers.
        TestProject p = TestProject.real(tmp.resolve("across"));
        p.edit(FACTS_001, s -> s.replace("  - id: 001-section-headings\n", "  - id: 000-deare-ndu-professor\n"));
        p.write("data/facts/005_copy.yaml", p.read(FACTS_001).replace("  - id: ", "  - id: copy-"));
        List<Problem> expected = problems(p.dir());
        assertTrue(expected.stream().anyMatch(x -> x.message().contains("duplicate fact id")), expected::toString);
        assertTrue(expected.stream().anyMatch(x -> x.message().contains("already covers")), expected::toString);
        assertEquals(expected, assertThrows(InvalidInputException.class, () -> streamed(p.dir(), tmp.resolve("x"))).problems());
    }

    private static List<Problem> problems(Path project) {
        return assertThrows(InvalidInputException.class, () -> Pipeline.build(project, EPOCH)).problems();
    }

    private static int lineOf(TestProject p, String file, String needle) {
        List<String> lines = p.read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++)
            if (lines.get(i).contains(needle))
                return i + 1;
        throw new AssertionError(needle + " not in " + file);
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

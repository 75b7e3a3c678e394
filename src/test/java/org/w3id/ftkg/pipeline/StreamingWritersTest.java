package org.w3id.ftkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.model.Fact;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.output.Sorted;
import org.w3id.ftkg.output.StatementNodes;
import org.w3id.ftkg.output.StreamingBlockWriter;
import org.w3id.ftkg.output.StreamingDumps;
import org.w3id.ftkg.output.StreamingStatements;
import org.w3id.ftkg.validate.Location;
import org.w3id.ftkg.validate.Problems;
import org.w3id.ftkg.validate.QuoteLocator;
import org.w3id.ftkg.validate.QuoteMatch;
import org.w3id.ftkg.validate.SourceText;

/**
 * The shortcuts of the streamed build give exactly what the code they stand in for gives: the
 * block writers Jena's writers' bytes, the statement nodes {@link StatementNodes}' names, the
 * quote index {@link QuoteLocator}'s matches, the joined gzip pieces one valid gzip stream.
 */
class StreamingWritersTest {
    @TempDir
    Path tmp;

    @Test
    void theBlockWritersWriteWhatJenasWritersWrite() {
        KnowledgeGraph kg = Pipeline.build(TestProject.real(tmp).dir(), null);
        List<Quad> quads = new ArrayList<>();
        kg.dataset().find().forEachRemaining(quads::add);
        quads.addAll(awkward());
        quads.sort(Sorted.QUADS);
        TreeSet<Triple> flat = new TreeSet<>(Sorted.TRIPLES);
        for (Quad q : quads) {
            flat.add(q.asTriple());
            if (Iris.isDataGraph(q.getGraph()))
                flat.addAll(StatementNodes.describe(q.getGraph(), q.asTriple()));
        }
        List<Triple> triples = new ArrayList<>(flat);

        StreamingBlockWriter w = new StreamingBlockWriter();
        assertArrayEquals(StreamingDumps.body(RDFFormat.TRIG_BLOCKS, out -> quads.forEach(out::quad)),
            w.trig(quads).toByteArray(), "TriG");
        assertArrayEquals(StreamingDumps.body(RDFFormat.TURTLE_BLOCKS, out -> triples.forEach(out::triple)),
            w.turtle(triples).toByteArray(), "Turtle");
        ByteArrayOutputStream nq = new ByteArrayOutputStream();
        StreamRDF jena = StreamRDFWriter.getWriterStream(nq, RDFFormat.NQUADS);
        jena.start();
        quads.forEach(jena::quad);
        jena.finish();
        assertArrayEquals(nq.toByteArray(), w.nquads(quads).toByteArray(), "N-Quads");

        // Pieces written one after another by one writer (sharing its formatted terms) are the same too.
        List<Quad> half = quads.subList(0, quads.size() / 2), rest = quads.subList(quads.size() / 2, quads.size());
        StreamingBlockWriter shared = new StreamingBlockWriter();
        shared.trig(half);
        shared.turtle(triples.subList(0, triples.size() / 2));
        assertArrayEquals(StreamingDumps.body(RDFFormat.TRIG_BLOCKS, out -> rest.forEach(out::quad)),
            shared.trig(rest).toByteArray());
    }

    /** Terms that need escapes, long names, non-ASCII text, numbers and a multi-line literal. */
    private static List<Quad> awkward() {
        Node g = Iris.fact("zz-awkward"), s = Iris.entity("zz-a-rather-long-subject-name-that-breaks-the-line");
        List<Quad> out = new ArrayList<>();
        out.add(Quad.create(g, s, Iris.term("aVeryLongPropertyNameBeyondThirtyCharacters"), NodeFactory.createLiteralString("x")));
        out.add(Quad.create(g, s, Iris.term("label"), NodeFactory.createLiteralLang("Ciudad de México «\"quoted\"» \\ tab\t", "es")));
        out.add(Quad.create(g, s, Iris.term("value"), NodeFactory.createLiteralDT("12.50", XSDDatatype.XSDdecimal)));
        out.add(Quad.create(g, s, Iris.term("count"), NodeFactory.createLiteralDT("-7", XSDDatatype.XSDinteger)));
        out.add(Quad.create(g, s, Iris.term("flag"), NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean)));
        out.add(Quad.create(g, s, Iris.term("emoji"), NodeFactory.createLiteralString("fentanilo \uD83D\uDC8A")));
        out.add(Quad.create(g, s, Iris.term("link"), NodeFactory.createURI("http://example.org/a b|c{d}")));
        out.add(Quad.create(g, s, Iris.term("slash"), NodeFactory.createURI(Iris.ID + "a/b")));
        out.add(Quad.create(g, s, Iris.term("dotted"), NodeFactory.createURI(Iris.ID + "a.")));
        out.add(Quad.create(g, s, Iris.term("other"), NodeFactory.createURI("urn:x-other:thing")));
        out.add(Quad.create(g, Iris.entity("b"), Iris.term("text"), NodeFactory.createLiteralString("two\nlines")));
        return out;
    }

    @Test
    void statementNodesAreNamedAsStatementNodesNamesThem() {
        KnowledgeGraph kg = Pipeline.build(TestProject.real(tmp).dir(), null);
        StreamingStatements st = new StreamingStatements();
        List<Quad> quads = new ArrayList<>();
        kg.dataset().find().forEachRemaining(quads::add);
        quads.addAll(awkward());
        for (Quad q : quads) {
            List<Triple> expected = StatementNodes.describe(q.getGraph(), q.asTriple());
            assertEquals(expected, st.describe(q.getGraph(), q.asTriple()));
            String iri = expected.get(0).getSubject().getURI();
            assertEquals(Long.parseUnsignedLong(iri.substring(iri.length() - 16), 16), st.lastDigest());
        }
    }

    @Test
    void quotesAreFoundAsQuoteLocatorFindsThem() {
        KnowledgeGraph kg = Pipeline.build(TestProject.real(tmp).dir(), null);
        for (SourceText src : kg.sources()) {
            StreamingQuotes quotes = new StreamingQuotes(src);
            for (Fact f : kg.facts())
                if (f.quote().source().fileName().equals(src.fileName()))
                    same(src, quotes, f.record().quote(), f.record().occurrence());
            // Quotes that are missing, repeated, short or ambiguous give the same result and the same problem.
            String text = src.text();
            SplittableRandom rnd = new SplittableRandom(src.fileName().hashCode());
            for (int i = 0; i < 300; i++) {
                int a = rnd.nextInt(text.length()), len = 1 + rnd.nextInt(40);
                String q = text.substring(a, Math.min(text.length(), a + len));
                same(src, quotes, q, null);
                same(src, quotes, q, 1 + rnd.nextInt(3));
                same(src, quotes, q + "zzz", null);
            }
            same(src, quotes, "", null);
            same(src, quotes, "the", null);
            same(src, quotes, "the", 2);
        }
        // Characters outside the BMP: offsets count code points.
        String text = "A \uD83D\uDC8A pill.\nThen \uD83D\uDC8A\uD83D\uDC8A two pills, a lone \uD800 half, and a pill \uD83D\uDC8A again.\n";
        SourceText src = new SourceText("x.txt", text, "0".repeat(64), text.getBytes(StandardCharsets.UTF_8).length);
        StreamingQuotes quotes = new StreamingQuotes(src);
        for (String q : List.of("pill", "\uD83D\uDC8A", "two pills, a lone \uD800 half", "\uD83D\uDC8A\uD83D\uDC8A two pills",
            "a pill \uD83D\uDC8A again.", "\uDC8A two"))
            for (Integer occ : new Integer[] { null, 1, 2, 3 })
                same(src, quotes, q, occ);
    }

    private static void same(SourceText src, StreamingQuotes quotes, String quote, Integer occurrence) {
        Location at = new Location("data/facts/x.yaml", 3, 5);
        Problems expectedProblems = new Problems(), actualProblems = new Problems();
        Optional<QuoteMatch> expected = QuoteLocator.locate(src, quote, occurrence, at, "f", expectedProblems);
        Optional<QuoteMatch> actual = quotes.locate(quote, occurrence, at, "f", actualProblems);
        assertEquals(expected, actual, () -> "«" + quote + "» occurrence " + occurrence);
        assertEquals(expectedProblems.sorted(), actualProblems.sorted());
    }

    @Test
    void recordsReadBackAreTheRecordsWritten() throws Exception {
        List<Path> projects = List.of(TestProject.real(tmp.resolve("real")).dir(),
            TestProject.fixture(tmp.resolve("mini"), "mini").dir());
        int n = 0;
        for (Path project : projects) {
            org.w3id.ftkg.curation.CurationReader reader = new org.w3id.ftkg.curation.CurationReader(project);
            for (String f : reader.factFiles(new Problems())) {
                org.w3id.ftkg.curation.FactsFile ff = reader.readFactsFile(f, new Problems()).orElseThrow();
                Path spill = tmp.resolve("records-" + n++);
                StreamingRecords.write(spill, ff);
                assertEquals(ff, StreamingRecords.read(spill), f);
            }
        }
        // Odd strings: empty, long, non-BMP, a lone surrogate (YAML escapes can make one), nulls everywhere.
        TestProject odd = TestProject.fixture(tmp.resolve("odd"), "mini").edit(TestProject.MINI_FACTS, s -> s.replace(
            "title: Mexico Extradites 29", "title: \"\\ud800 lone \\U0001F48A \\t " + "x".repeat(70_000) + "\"\n  date_quote: ''\n  x: Mexico Extradites 29"));
        org.w3id.ftkg.curation.FactsFile ff = new org.w3id.ftkg.curation.CurationReader(odd.dir())
            .readFactsFile(TestProject.MINI_FACTS, new Problems()).orElseThrow();
        assertTrue(ff.source().title().value().startsWith("\ud800 lone \uD83D\uDC8A"), ff.source().title().value().substring(0, 20));
        Path spill = tmp.resolve("records-odd");
        StreamingRecords.write(spill, ff);
        assertEquals(ff, StreamingRecords.read(spill));
    }

    @Test
    void gzipPiecesJoinIntoOneGzipStream() throws Exception {
        SplittableRandom rnd = new SplittableRandom(3);
        ByteArrayOutputStream file = new ByteArrayOutputStream(), plain = new ByteArrayOutputStream();
        StreamingDumps.GzipConcatenation gz = new StreamingDumps.GzipConcatenation(file);
        CRC32 crc = new CRC32();
        long crcJoined = 0;
        for (int piece = 0; piece < 40; piece++) {
            StreamingDumps.Bytes bytes = new StreamingDumps.Bytes();
            for (int b = rnd.nextInt(4); b > 0; b--) { // some pieces are empty
                byte[] block = new byte[rnd.nextInt(100_000)];
                for (int i = 0; i < block.length; i++)
                    block[i] = (byte) ("<https://w3id.org/ftkg/id/x> .\n".charAt(i % 31) ^ (rnd.nextInt(50) == 0 ? 1 : 0));
                bytes.add(block);
                plain.write(block);
            }
            StreamingDumps.Deflated d = StreamingDumps.deflate(bytes);
            CRC32 one = new CRC32();
            one.update(bytes.toByteArray());
            crcJoined = StreamingDumps.crc32Combine(crcJoined, one.getValue(), bytes.size());
            gz.append(d);
        }
        gz.finish();
        crc.update(plain.toByteArray());
        assertEquals(crc.getValue(), crcJoined);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file.toByteArray()))) {
            assertArrayEquals(plain.toByteArray(), in.readAllBytes());
        }
        // One member (one deflate stream, then the 8-byte trailer), so that readers that stop after the first member read everything.
        byte[] all = file.toByteArray();
        java.util.zip.Inflater inf = new java.util.zip.Inflater(true);
        inf.setInput(all, 10, all.length - 10);
        byte[] out = new byte[1 << 16];
        long n = 0;
        while (!inf.finished())
            n += inf.inflate(out);
        assertEquals(plain.size(), n);
        assertEquals(8, inf.getRemaining(), "the gzip trailer follows the one deflate stream");
        inf.end();
        assertTrue(all.length < plain.size() / 3, "it compresses");
    }
}

package org.w3id.ftkg.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/**
 * The dump writers write the bytes of Jena's own streaming writers (TRIG_BLOCKS, TURTLE_BLOCKS,
 * N-Quads) for the built corpus and for awkward terms, and statement nodes are named from the
 * SHA-256 of their triple in N-Triples.
 */
class BlockWriterTest {
    @TempDir
    static Path tmp;
    static List<Quad> quads;
    static List<Triple> triples;

    @BeforeAll
    static void corpus() {
        quads = new ArrayList<>();
        TestProject.real(tmp).dataset().find().forEachRemaining(quads::add);
        quads.addAll(awkward());
        quads.sort(Sorted.QUADS);
        TreeSet<Triple> flat = new TreeSet<>(Sorted.TRIPLES);
        StatementNodes names = new StatementNodes();
        for (Quad q : quads) {
            flat.add(q.asTriple());
            if (Iris.isDataGraph(q.getGraph()))
                flat.addAll(StatementNodes.describe(names.name(q.getGraph(), q.asTriple()), q.getGraph(), q.asTriple()));
        }
        triples = new ArrayList<>(flat);
    }

    /** What Jena's streaming writer writes, with the dumps' prefixes. */
    private static byte[] jena(RDFFormat format, boolean prefixes, Consumer<StreamRDF> body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamRDF w = StreamRDFWriter.getWriterStream(bytes, format);
        w.start();
        if (prefixes)
            Vocab.PREFIXES.forEach(w::prefix);
        body.accept(w);
        w.finish();
        return bytes.toByteArray();
    }

    private static byte[] ours(StreamRDF w, ByteArrayOutputStream bytes, Consumer<StreamRDF> body) {
        w.start();
        body.accept(w);
        w.finish();
        return bytes.toByteArray();
    }

    @Test
    void trigIsWhatJenasBlockWriterWrites() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        assertArrayEquals(jena(RDFFormat.TRIG_BLOCKS, true, w -> quads.forEach(w::quad)),
            ours(BlockWriter.trig(b), b, w -> quads.forEach(w::quad)));
    }

    @Test
    void turtleIsWhatJenasBlockWriterWrites() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        assertArrayEquals(jena(RDFFormat.TURTLE_BLOCKS, true, w -> triples.forEach(w::triple)),
            ours(BlockWriter.turtle(b), b, w -> triples.forEach(w::triple)));
    }

    @Test
    void nquadsIsWhatJenasWriterWrites() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        assertArrayEquals(jena(RDFFormat.NQUADS, false, w -> quads.forEach(w::quad)),
            ours(new NQuadsWriter(b), b, w -> quads.forEach(w::quad)));
    }

    @Test
    void statementNodesAreNamedFromTheDigestOfTheirTriple() {
        StatementNodes names = new StatementNodes();
        for (Quad q : quads) {
            Triple t = q.asTriple();
            String nt = NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " "
                + NodeFmtLib.strNT(t.getObject());
            String hex = DigestUtils.sha256Hex(nt).substring(0, 16);
            Node st = names.name(q.getGraph(), t);
            assertEquals(q.getGraph().getURI() + "#t-" + hex, st.getURI());
            assertEquals(Long.parseUnsignedLong(hex, 16), names.digest(t));
        }
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
}

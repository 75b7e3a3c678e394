package org.w3id.ftkg.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/** The sinks the build tees its quads into: what each makes of a stream. */
class StreamSinksTest {
    private static final Node A = Iris.entity("a"), B = Iris.entity("b");
    private static final List<Quad> QUADS = List.of(
        Quad.create(Iris.fact("f1"), A, Vocab.LABEL, NodeFactory.createLiteralLang("A \"quoted\"\n\\ «é» \uD83D\uDC8A \u0001", "en")),
        Quad.create(Iris.fact("f1"), A, Vocab.TYPE, Iris.term("Person")),
        Quad.create(Iris.fact("f1"), B, Iris.term("value"), NodeFactory.createLiteralDT("12.5", XSDDatatype.XSDdecimal)),
        Quad.create(Iris.fact("f2"), A, Vocab.TYPE, Iris.term("Person")),
        Quad.create(Iris.PROVENANCE_GRAPH, Iris.fact("f1"), Vocab.PROV_USED, NodeFactory.createLiteralString("plain")),
        Quad.create(Iris.ONTOLOGY_GRAPH, Iris.term("Person"), Vocab.TYPE, Iris.term("Class")),
        Quad.create(Iris.PROVENANCE_GRAPH, Iris.fact("f2"), Vocab.PROV_USED, B));

    private static void stream(StreamRDF out, List<Quad> quads) {
        out.start();
        quads.forEach(out::quad);
        out.finish();
    }

    @Test
    void jsonLdHoldsEveryQuadEvenWhenAGraphComesBack() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        stream(new JsonLdWriter(bytes), QUADS);
        DatasetGraph parsed = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(bytes.toByteArray())).lang(Lang.JSONLD).parse(parsed);
        assertEquals(Set.copyOf(QUADS), set(parsed));
    }

    @Test
    void theFlatViewStatesEachDataTripleWithItsStatementAndKeepsTheProvenance() {
        var g = GraphFactory.createDefaultGraph();
        stream(StatementNodes.flatten(StreamRDFLib.graph(g)), QUADS);
        StatementNodes names = new StatementNodes();
        for (Quad q : QUADS.subList(0, 4)) {
            assertTrue(g.contains(q.asTriple()));
            Node st = names.name(q.getGraph(), q.asTriple());
            StatementNodes.describe(st, q.getGraph(), q.asTriple()).forEach(t -> assertTrue(g.contains(t), t::toString));
        }
        assertTrue(g.contains(QUADS.get(4).asTriple()) && g.contains(QUADS.get(6).asTriple()), "provenance is kept");
        assertTrue(!g.contains(QUADS.get(5).asTriple()), "the ontology is a dump of its own");
        assertEquals(3 + 4 * 5 + 2, g.size()); // A's type stated in two graphs is one triple, with two statements
    }

    @Test
    void theVoidCounterCountsDistinctDataTriplesAndRunsOfGraphs() throws Exception {
        VoidDescription counts = new VoidDescription();
        stream(counts, QUADS);
        assertEquals(QUADS.size(), counts.quads());
        Set<Triple> d = Set.copyOf(counts.describe(List.of(), 2, 0, null, java.nio.file.Path.of("."), java.util.Map.of(), null));
        Node ds = Iris.uri(Iris.DATASET);
        assertTrue(d.contains(Triple.create(ds, Iris.uri(Vocab.VOID + "triples"), int_(3))), "A's type, stated twice, counts once");
        assertTrue(d.contains(Triple.create(ds, Iris.uri(Vocab.VOID + "quads"), int_(7))));
        assertTrue(d.contains(Triple.create(ds, Iris.term("graphCount"), int_(2))));
        assertTrue(d.contains(Triple.create(ds, Iris.term("factCount"), int_(2))));
    }

    private static Node int_(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    @Test
    void aSinkOnItsOwnThreadSeesTheSameStreamAndItsFailureIsThrown() {
        List<Quad> many = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++)
            many.add(Quad.create(Iris.fact("f" + i / 7), Iris.entity("e" + i), Vocab.LABEL, NodeFactory.createLiteralString("n" + i)));
        List<Quad> seen = new java.util.ArrayList<>();
        stream(new Tee().branch("test", new org.apache.jena.riot.system.StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                seen.add(q);
            }
        }), many);
        assertEquals(many, seen, "in order, every quad");

        Tee failing = new Tee().branch("failing", new org.apache.jena.riot.system.StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
            }
        });
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class, () -> stream(failing, many));
        assertEquals("No space left on device", e.getCause().getMessage());
    }

    private static Set<Quad> set(DatasetGraph d) {
        Set<Quad> out = new HashSet<>();
        d.find().forEachRemaining(out::add);
        return out;
    }
}

package org.w3id.ftkg.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.sse.SSE;
import org.junit.jupiter.api.Test;

/** The canonical form behind fact hashes is RDFC-1.0's: sorted canonical N-Quads, blank nodes relabelled. */
class FactHashTest {
    private static Quad q(String sse) {
        return SSE.parseQuad(sse);
    }

    @Test
    void withoutBlankNodesTheCanonicalFormIsTheSortedCanonicalNQuads() {
        String canon = FactHash.canonical(List.of(
            q("(<http://g> <http://b> <http://p> \"line\\nbreak \\\"quoted\\\"\"@en)"),
            q("(<http://g> <http://a> <http://p> \"7\"^^<http://www.w3.org/2001/XMLSchema#integer>)"),
            q("(<http://g> <http://a> <http://p> \"plain\")")));
        assertEquals("<http://a> <http://p> \"7\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://g> .\n"
            + "<http://a> <http://p> \"plain\" <http://g> .\n"
            + "<http://b> <http://p> \"line\\nbreak \\\"quoted\\\"\"@en <http://g> .\n", canon);
    }

    @Test
    void blankNodeLabelsDoNotChangeTheCanonicalForm() {
        String one = FactHash.canonical(List.of(q("(<http://g> _:x <http://p> \"v\")")));
        String two = FactHash.canonical(List.of(q("(<http://g> _:somethingElse <http://p> \"v\")")));
        assertEquals("_:c14n0 <http://p> \"v\" <http://g> .\n", one);
        assertEquals(one, two);
    }

    @Test
    void theHashCoversTheFactGraphAndItsQuoteOnly() {
        DatasetGraph dsg = DatasetGraphFactory.create();
        String fact = "<https://w3id.org/ftkg/fact/f1>";
        String prov = "<https://w3id.org/ftkg/graph/provenance>";
        dsg.add(q("(" + fact + " <http://s> <http://p> <http://o>)"));
        dsg.add(q("(" + prov + " " + fact + " <http://www.w3.org/ns/prov#value> \"the quote\")"));
        var f = org.w3id.ftkg.model.Iris.uri("https://w3id.org/ftkg/fact/f1");
        String h = FactHash.of(dsg, f);
        dsg.add(q("(" + prov + " " + fact + " <http://www.w3.org/ns/prov#wasGeneratedBy> <http://another-build>)"));
        assertEquals(h, FactHash.of(dsg, f), "other provenance is not hashed");
        dsg.delete(q("(" + prov + " " + fact + " <http://www.w3.org/ns/prov#value> \"the quote\")"));
        dsg.add(q("(" + prov + " " + fact + " <http://www.w3.org/ns/prov#value> \"another quote\")"));
        assertNotEquals(h, FactHash.of(dsg, f), "the quote is hashed");
    }
}

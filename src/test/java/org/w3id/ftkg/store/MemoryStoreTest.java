package org.w3id.ftkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TriG dump read for serving: its named graphs as they are, their union as the default graph. */
class MemoryStoreTest {
    @Test
    void theDefaultGraphIsTheUnionOfTheNamedGraphs(@TempDir Path tmp) throws Exception {
        Path trig = tmp.resolve("ftkg.trig");
        Files.writeString(trig, """
            PREFIX ex: <http://example.org/>
            ex:g1 { ex:a ex:p ex:b . ex:shared ex:p ex:c . }
            ex:g2 { ex:d ex:p ex:e . ex:shared ex:p ex:c . }
            """);
        DatasetGraph dsg = MemoryStore.open(trig);
        dsg.executeRead(() -> {
            assertEquals(2, dsg.getGraph(NodeFactory.createURI("http://example.org/g1")).size());
            assertEquals(2, dsg.getGraph(NodeFactory.createURI("http://example.org/g2")).size());
            // The triple in both graphs is one triple of the union.
            assertEquals(3, dsg.getDefaultGraph().size());
            assertEquals(7, dsg.stream().count());
            assertTrue(dsg.prefixes().get("ex") != null, "the dump's prefixes are kept");
        });
    }
}

package org.w3id.ftkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/**
 * An index built in memory while the server already answers: {@code text:query} waits for it
 * and then finds what the whole index finds, never what half of it would.
 */
class SearchIndexServeTest {
    @Test
    void textQueryWaitsForTheIndexBeingBuilt() throws Exception {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        dsg.executeWrite(() -> dsg.getDefaultGraph().add(NodeFactory.createURI(Iris.ID + "sinaloa-cartel"), Vocab.LABEL,
            NodeFactory.createLiteralLang("Sinaloa Cartel", "en")));
        // The builder's tasks are held until the test lets them run.
        List<Runnable> held = new ArrayList<>();
        CompletableFuture<?> index = SearchIndex.serve(dsg, null, CompletableFuture.completedFuture(null), held::add, msg -> {});
        CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> dsg.calculateRead(() -> {
            try (var qe = QueryExecutionFactory.create("""
                PREFIX text: <http://jena.apache.org/text#>
                SELECT ?s { ?s text:query "sinaloa" }""", DatasetFactory.wrap(dsg))) {
                int n = 0;
                for (var rs = qe.execSelect(); rs.hasNext(); rs.next())
                    n++;
                return n;
            }
        }));
        Thread.sleep(300);
        assertFalse(answer.isDone(), "a query must not answer from an index not yet built");
        held.forEach(Runnable::run);
        assertEquals(1, answer.get(30, TimeUnit.SECONDS));
        SearchIndex.release(dsg);
        index.join();
    }
}

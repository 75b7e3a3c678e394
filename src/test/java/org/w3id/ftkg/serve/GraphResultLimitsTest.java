package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.ftkg.serve.HostileClient.head;

import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.ftkg.serve.guard.QueryLimits;

/**
 * DESCRIBE and CONSTRUCT over HTTP on the built-in corpus: like every other query form they end
 * at the timeout and at the result cap, with a short message and no partial graph.
 */
class GraphResultLimitsTest {
    static final long TIMEOUT_MS = 3000;
    static final long DESCRIBE_TRIPLES = 20;

    @RegisterExtension
    static final HostileClient client = HostileClient.real(s -> s.timeout(TIMEOUT_MS).maxResultBytes(2_000_000)
        .limits(QueryLimits.defaults().withDescribeTriples(DESCRIBE_TRIPLES)));

    static java.net.http.HttpResponse<String> graphQuery(String q) throws Exception {
        return graphQuery(client, q);
    }

    static java.net.http.HttpResponse<String> graphQuery(HostileClient client, String q) throws Exception {
        return client.send(HttpRequest.newBuilder(client.uri("/ftkg/sparql")).header("Content-Type", "application/sparql-query")
            .header("Accept", "text/turtle").POST(HttpRequest.BodyPublishers.ofString(q)));
    }

    @Test
    void describeOfEverythingEndsAtTheTimeoutInsteadOfBeingBuiltInMemory() throws Exception {
        // The tester's probe answered 200 after 10 s with a 5 s timeout; here the default triple cap.
        try (HostileClient defaults = HostileClient.real(s -> s.timeout(1000L)).started()) {
            for (String q : List.of("DESCRIBE ?s WHERE { ?s ?p ?o }", "DESCRIBE ?s ?o WHERE { ?s ?p ?o }")) {
                long t0 = System.nanoTime();
                var r = graphQuery(defaults, q);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(503, r.statusCode(), q + " -> " + head(r.body()));
                assertTrue(r.body().length() < 2_000, "a message, not a graph");
                assertTrue(ms < 1000 + 2_000, q + " answered after " + ms + " ms");
            }
            defaults.stillResponsive();
        }
    }

    @Test
    void describeBeyondTheTripleCapIsA413WithAMessage() throws Exception {
        var r = graphQuery("DESCRIBE ?s WHERE { ?s a ?t } LIMIT 8");
        assertEquals(413, r.statusCode(), head(r.body()));
        assertTrue(r.body().contains(DESCRIBE_TRIPLES + " triples"), r.body());
    }

    @Test
    void anOrdinaryDescribeStillWorks() throws Exception {
        var r = graphQuery("DESCRIBE ?s WHERE { ?s a ?t } LIMIT 1");
        assertEquals(200, r.statusCode(), head(r.body()));
        var model = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        org.apache.jena.riot.RDFParser.fromString(r.body(), org.apache.jena.riot.Lang.TURTLE).parse(model);
        assertTrue(model.size() > 0, "the description has triples");
    }

    @Test
    void constructObeysTheTimeoutAndTheResultCap() throws Exception {
        for (String q : List.of("CONSTRUCT { ?s ?p ?x } WHERE { ?s ?p ?o . ?a ?b ?x }",
            "CONSTRUCT { ?s ?p ?o . ?a ?b ?c } WHERE { ?s ?p ?o . ?a ?b ?c }")) {
            long t0 = System.nanoTime();
            var r = graphQuery(q);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(r.statusCode() == 503 || r.statusCode() == 413, q + " -> " + r.statusCode() + " " + head(r.body()));
            assertTrue(ms < TIMEOUT_MS + 10_000, q + " answered after " + ms + " ms");
        }
        client.stillResponsive();
    }
}

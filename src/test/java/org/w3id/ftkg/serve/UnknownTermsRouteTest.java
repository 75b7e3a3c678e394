package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.ftkg.serve.terms.UnknownTerms;

/**
 * A query naming an {@code ftkg:} term the ontology lacks still gets its (empty) SPARQL answer, and
 * the endpoint says which terms are unknown in a header; the query page asks the same of
 * {@code /sparql/check}.
 */
class UnknownTermsRouteTest {
    @RegisterExtension
    static final HostileClient client = HostileClient.mini(s -> s);

    static final String PREFIX = "PREFIX ftkg: <https://w3id.org/ftkg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

    static String header(HttpResponse<?> r) {
        return r.headers().firstValue(UnknownTerms.HEADER).orElse(null);
    }

    @Test
    void aMisspeltClassAndPropertyAreNamedInAHeaderAndTheAnswerIsUnchanged() throws Exception {
        HttpResponse<String> r = client.query(PREFIX + "SELECT ?x WHERE { ?x a ftkg:Inditment ; ftkg:targt ?t }");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("ftkg:Inditment (did you mean ftkg:Indictment?), ftkg:targt (did you mean ftkg:target?)", header(r));
        JsonObject results = JSON.parse(r.body());
        assertEquals(0, results.getObj("results").get("bindings").getAsArray().size(), "still a valid, empty SPARQL answer");
    }

    @Test
    void bothEndpointsAndBothMethodsSayIt() throws Exception {
        String q = PREFIX + "ASK { ?x ftkg:agnet ?y }";
        String expected = "ftkg:agnet (did you mean ftkg:agent?)";
        for (String endpoint : new String[] { "/ftkg/sparql", "/ftkg/query" }) {
            assertEquals(expected, header(client.post(endpoint, "application/sparql-query", q)), endpoint + " POST");
            assertEquals(expected, header(client.post(endpoint, "application/x-www-form-urlencoded",
                "query=" + URLEncoder.encode(q, StandardCharsets.UTF_8))), endpoint + " form");
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(client.uri(endpoint + "?query="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Accept", HostileClient.JSON));
            assertEquals(200, get.statusCode(), get.body());
            assertEquals(expected, header(get), endpoint + " GET");
        }
    }

    @Test
    void validQueriesAndOtherNamespacesGetNoHeader() throws Exception {
        for (String q : new String[] {
            PREFIX + "SELECT ?x WHERE { ?x a ftkg:Indictment ; ftkg:target ?t }",
            PREFIX + "SELECT ?x WHERE { ?x rdfs:lable ?l }",
            "SELECT ?x WHERE { ?x <http://example.org/ftkg/ontology#Inditment> ?y }",
            HostileClient.OK_QUERY }) {
            HttpResponse<String> r = client.query(q);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(null, header(r), q);
        }
    }

    @Test
    void anotherSiteMayReadTheHeader() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(client.uri("/ftkg/sparql")).header("Origin", "https://example.org")
            .header("Content-Type", "application/sparql-query").header("Accept", HostileClient.JSON)
            .POST(HttpRequest.BodyPublishers.ofString(PREFIX + "ASK { ?x a ftkg:Inditment }")));
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(r.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains(UnknownTerms.HEADER), r.headers().toString());
    }

    @Test
    void theQueryPagesCheckAnswersTheSameAsJson() throws Exception {
        HttpResponse<String> r = client.post("/sparql/check", "application/x-www-form-urlencoded",
            "query=" + URLEncoder.encode(PREFIX + "SELECT * { ?x a ftkg:Inditment ; ftkg:Zzzzzzzzzzzzzz ?y ; rdfs:lable ?l }",
                StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        JsonArray unknown = JSON.parse(r.body()).get("unknown").getAsArray();
        assertEquals(2, unknown.size(), r.body());
        JsonObject first = unknown.get(0).getAsObject();
        assertEquals("ftkg:Inditment", first.getString("term"));
        assertEquals("ftkg:Indictment", first.getString("suggestion"));
        assertEquals("unknown term ftkg:Inditment; did you mean ftkg:Indictment?", first.getString("message"));
        assertEquals("unknown term ftkg:Zzzzzzzzzzzzzz", unknown.get(1).getAsObject().getString("message"));
        assertFalse(unknown.get(1).getAsObject().hasKey("suggestion"));

        HttpResponse<String> get = client.send(HttpRequest.newBuilder(client.uri("/sparql/check?query="
            + URLEncoder.encode(PREFIX + "ASK { ?x a ftkg:Indictment }", StandardCharsets.UTF_8))));
        assertEquals("{ \"unknown\" : [ ] }", get.body().replaceAll("\\s+", " ").trim());

        HttpResponse<String> broken = client.post("/sparql/check", "application/x-www-form-urlencoded", "query=SELECT+%7B");
        assertEquals(400, broken.statusCode());
        assertTrue(JSON.parse(broken.body()).hasKey("error"), broken.body());
    }
}

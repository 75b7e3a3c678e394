package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;

/** What the query editor completes, served by the server itself: FTKG's prefixes and the ontology's terms. */
class QueryVocabularyRoutesTest {
    @TempDir
    static Path tmp;
    static FtkgServer server;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = FtkgServer.start(ServerSettings.builder(TestProject.real(tmp).built().dir()).port(0).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void prefixesAreServedInPrefixCcsShape() throws Exception {
        HttpResponse<String> r = get("/sparql/prefixes.json");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject p = JSON.parse(r.body());
        assertEquals("https://w3id.org/ftkg/ontology#", p.getString("ftkg"));
        assertEquals("https://w3id.org/ftkg/id/", p.getString("id"));
        assertEquals("http://jena.apache.org/text#", p.getString("text"));
    }

    @Test
    void termsAreTheOntologysClassesPropertiesAndIndividualsWithLabels() throws Exception {
        JsonArray terms = JSON.parseAny(get("/sparql/terms.json").body()).getAsArray();
        JsonObject seizure = find(terms, "https://w3id.org/ftkg/ontology#Seizure");
        assertEquals("class", seizure.getString("kind"));
        assertEquals("seizure", seizure.getString("label").toLowerCase(java.util.Locale.ROOT));
        assertEquals("property", find(terms, "https://w3id.org/ftkg/ontology#agent").getString("kind"));
        assertEquals("individual", find(terms, "https://w3id.org/ftkg/ontology#Alleged").getString("kind"));
        for (JsonValue t : terms)
            assertTrue(t.getAsObject().getString("iri").startsWith("https://w3id.org/ftkg/ontology#"), t.toString());
        assertTrue(terms.size() > 150, "78 classes, 82 properties and the individuals: " + terms.size());
    }

    static JsonObject find(JsonArray terms, String iri) {
        return terms.stream().map(JsonValue::getAsObject).filter(o -> o.getString("iri").equals(iri)).findFirst()
            .orElseThrow(() -> new AssertionError("no term " + iri));
    }
}

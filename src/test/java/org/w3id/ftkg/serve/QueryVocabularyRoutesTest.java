package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the query editor completes, served by the server itself: FTKG's prefixes and the ontology's terms. */
class QueryVocabularyRoutesTest {
    @RegisterExtension
    static final HostileClient client = HostileClient.real(s -> s.timeout(null));

    static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(client.uri(path)));
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

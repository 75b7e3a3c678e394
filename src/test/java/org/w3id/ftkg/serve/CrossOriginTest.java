package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.ftkg.serve.HostileClient.head;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a page on another site can do with a visitor's browser: read, never with credentials;
 * and on a server with updates, never write, not even through an editor's cached Basic login.
 */
class CrossOriginTest {
    @RegisterExtension
    static final HostileClient client = HostileClient.mini(s -> s.update(new ServerSettings.Credentials("editor", "correct-horse-battery")));
    static final String AUTH = "Basic " + Base64.getEncoder()
        .encodeToString("editor:correct-horse-battery".getBytes(StandardCharsets.UTF_8));


    static HttpResponse<String> fromOrigin(String origin, HttpRequest.Builder b) throws Exception {
        return client.send(b.header("Origin", origin));
    }

    static void readableByAnyoneWithoutCredentials(HttpResponse<String> r) {
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""), r.headers().map().toString());
        assertFalse(r.headers().firstValue("Access-Control-Allow-Credentials").isPresent(), "no credentials");
    }

    @Test
    void readRoutesAllowAnyOriginWithoutCredentials() throws Exception {
        String q = URLEncoder.encode(HostileClient.OK_QUERY, StandardCharsets.UTF_8);
        for (String origin : List.of("https://evil.example", "null", "http://localhost:1"))
            for (String path : List.of("/ftkg/sparql?query=" + q, "/ftkg/query?query=" + q, "/id/rafael-caro-quintero",
                "/.well-known/void")) {
                var r = fromOrigin(origin, HttpRequest.newBuilder(client.uri(path)).header("Accept", "text/turtle, */*"));
                assertTrue(r.statusCode() < 400, path + " " + r.statusCode());
                readableByAnyoneWithoutCredentials(r);
            }
        var preflight = fromOrigin("https://evil.example", HttpRequest.newBuilder(client.uri("/ftkg/sparql"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type"));
        assertTrue(preflight.statusCode() < 300, "preflight " + preflight.statusCode());
        readableByAnyoneWithoutCredentials(preflight);
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
    }

    @Test
    void theUpdateEndpointGetsNoCors() throws Exception {
        var preflight = fromOrigin("https://evil.example", HttpRequest.newBuilder(client.uri("/ftkg/update"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type, authorization"));
        assertFalse(preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent(), preflight.headers().map().toString());
        var update = fromOrigin("https://evil.example", HttpRequest.newBuilder(client.uri("/ftkg/update"))
            .header("Authorization", AUTH).header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <urn:g> { <urn:cors> <urn:b> <urn:c> } }")));
        assertFalse(update.headers().firstValue("Access-Control-Allow-Origin").isPresent(), "a script cannot read the answer");
    }

    @Test
    void noPlainFormCanWriteEvenWithACachedLogin() throws Exception {
        String insert = "INSERT DATA { GRAPH <urn:g> { <urn:csrf> <urn:b> <urn:c> } }";
        // What an HTML form (or a no-cors fetch) can send: the three "simple" content types.
        for (String[] form : List.of(new String[] {"application/x-www-form-urlencoded", "update=" + URLEncoder.encode(insert, StandardCharsets.UTF_8)},
            new String[] {"text/plain", insert}, new String[] {"text/plain", "update=" + insert},
            new String[] {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"update\"\r\n\r\n" + insert + "\r\n--x--"})) {
            for (String path : List.of("/ftkg/update", "/ftkg", "/ftkg/")) {
                var r = fromOrigin("https://evil.example", HttpRequest.newBuilder(client.uri(path)).header("Authorization", AUTH)
                    .header("Content-Type", form[0]).POST(HttpRequest.BodyPublishers.ofString(form[1])));
                assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, path + " " + form[0] + " -> " + r.statusCode() + " " + head(r.body()));
            }
        }
        var ask = client.query("ASK { GRAPH ?g { <urn:csrf> ?p ?o } }");
        assertTrue(ask.body().contains("false"), "nothing was written: " + ask.body());
        // The editor's own client, with the strict content type, still writes.
        var ok = client.send(HttpRequest.newBuilder(client.uri("/ftkg/update")).header("Authorization", AUTH)
            .header("Content-Type", "application/sparql-update; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(
                "INSERT DATA { GRAPH <urn:g> { <urn:editor> <urn:b> <urn:c> } }")));
        assertTrue(ok.statusCode() == 200 || ok.statusCode() == 204, ok.statusCode() + " " + ok.body());
        assertTrue(client.query("ASK { GRAPH ?g { <urn:editor> ?p ?o } }").body().contains("true"));
    }
}

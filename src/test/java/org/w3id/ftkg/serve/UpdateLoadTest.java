package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.ftkg.serve.HostileClient.head;

import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * SPARQL LOAD on a server with updates enabled, by an authenticated editor: it reaches only the
 * allow-list, never loopback or other hosts, and never reads a local file.
 */
class UpdateLoadTest {
    @TempDir
    static Path tmp;
    static HostileClient client;
    static HttpServer source;
    static final AtomicInteger fetched = new AtomicInteger();
    static String allowedUrl;
    static String otherUrl;
    static final String AUTH = "Basic " + Base64.getEncoder()
        .encodeToString("editor:correct-horse-battery".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void start() throws Exception {
        source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        source.createContext("/", ex -> {
            fetched.incrementAndGet();
            byte[] b = "<http://example.org/loaded> <http://example.org/p> <http://example.org/o> .\n".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/turtle");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        source.start();
        String base = "http://127.0.0.1:" + source.getAddress().getPort();
        allowedUrl = base + "/allowed.ttl";
        otherUrl = base + "/other.ttl";
        client = HostileClient.mini(s -> s.update(new ServerSettings.Credentials("editor", "correct-horse-battery"))
            .serviceAllowList(List.of(ServiceAllowList.WIKIDATA, allowedUrl))).started();
    }

    @AfterAll
    static void stop() {
        client.close();
        source.stop(0);
    }

    static java.net.http.HttpResponse<String> update(String u) throws Exception {
        return client.send(HttpRequest.newBuilder(client.uri("/ftkg/update")).header("Authorization", AUTH)
            .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(u)));
    }

    @Test
    void loadReachesNoHostOffTheAllowListAndNoFile() throws Exception {
        Path secret = tmp.resolve("secret.ttl");
        java.nio.file.Files.writeString(secret, "this is not turtle: s3cret-content\n");
        String file = secret.toUri().toString();
        for (String u : List.of("LOAD <" + otherUrl + ">", "LOAD <" + otherUrl + "> INTO GRAPH <urn:g>",
            "LOAD SILENT <" + otherUrl + ">", "LOAD <http://localhost:" + source.getAddress().getPort() + "/allowed.ttl>",
            "LOAD <" + file + ">", "LOAD <" + file + "> INTO GRAPH <urn:g>", "LOAD SILENT <" + file + ">",
            "LOAD <" + file.replace("file:", "FILE:") + ">", "LOAD <file:///etc/passwd>", "LOAD <jar:" + file + "!/x>",
            "BASE <file:///etc/> LOAD <passwd>", "INSERT DATA { <urn:a> <urn:b> <urn:c> } ; LOAD <" + otherUrl + ">")) {
            var r = update(u);
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, u + " -> " + r.statusCode() + " " + head(r.body()));
            assertFalse(r.body().contains("s3cret-content") || r.body().contains("root:"), "no file content echoed");
        }
        assertEquals(0, fetched.get(), "no request reached the other host");
        var ask = client.query("ASK { GRAPH ?g { <urn:a> <urn:b> <urn:c> } }");
        assertTrue(ask.body().contains("false"), "a refused request changes nothing: " + ask.body());
    }

    @Test
    void loadFromTheAllowListStillWorks() throws Exception {
        var r = update("LOAD <" + allowedUrl + "> INTO GRAPH <urn:loaded>");
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.statusCode() + " " + r.body());
        assertTrue(client.query("ASK { GRAPH <urn:loaded> { <http://example.org/loaded> ?p ?o } }").body().contains("true"));
    }
}

package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.ftkg.serve.HostileClient.head;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Malformed and oversized requests over HTTP: bodies sent chunked (no Content-Length) are
 * counted as they arrive and refused past 1 MiB, and every client mistake answers 4xx, never 500.
 */
class RequestAbuseTest {
    @RegisterExtension
    static final HostileClient client = HostileClient.mini(s -> s);


    /** A POST whose body is streamed with chunked transfer encoding (its length is not declared). */
    static java.net.http.HttpResponse<String> chunked(String path, String contentType, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(client.uri(path)).header("Content-Type", contentType)
            .header("Accept", HostileClient.JSON)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    @Test
    void chunkedBodiesAreCountedAsTheyArriveAndRefusedPastTheCap() throws Exception {
        byte[] form = ("query=" + "SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D%20%23" + "y".repeat(12 << 20)).getBytes(StandardCharsets.US_ASCII);
        byte[] sparql = ("SELECT * { ?s ?p ?o } #" + "x".repeat(3 << 20)).getBytes(StandardCharsets.UTF_8);
        byte[] update = ("INSERT DATA { <urn:a> <urn:b> \"" + "z".repeat(2 << 20) + "\" }").getBytes(StandardCharsets.UTF_8);
        for (var probe : List.of(new Object[] {"/ftkg/sparql", "application/x-www-form-urlencoded", form},
            new Object[] {"/ftkg/sparql", "application/sparql-query", sparql},
            new Object[] {"/ftkg/query", "application/sparql-query; charset=utf-8", sparql},
            new Object[] {"/sparql", "application/x-www-form-urlencoded", form},
            new Object[] {"/ftkg/update", "application/sparql-update", update})) {
            long t0 = System.nanoTime();
            var r = chunked((String) probe[0], (String) probe[1], (byte[]) probe[2]);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(413, r.statusCode(), probe[0] + " " + probe[1] + " -> " + head(r.body()));
            assertTrue(ms < 5_000, "refused after " + ms + " ms");
        }
        // A small chunked query is served as usual.
        var ok = chunked("/ftkg/sparql", "application/sparql-query", HostileClient.OK_QUERY.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, ok.statusCode(), ok.body());
        var okForm = chunked("/ftkg/sparql", "application/x-www-form-urlencoded",
            ("query=" + java.net.URLEncoder.encode(HostileClient.OK_QUERY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, okForm.statusCode(), okForm.body());
        client.stillResponsive();
    }

    @Test
    void everyClientMistakeIsA4xxNeverA500() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String path : List.of("/ftkg/sparql?query=%zz", "/ftkg/sparql?query=%", "/ftkg/sparql?query=SELECT%2", "/ftkg/query?query=%zz",
            "/ftkg/sparql?query=%e9%80", "/ftkg/get?graph=%zz", "/ftkg/get?graph=not%20an%20iri", "/ftkg/sparql?%zz=1",
            "/sparql?query=%zz", "/?q=%zz", "/timeline?from=%zz", "/id/%zz", "/ftkg/sparql?query=ASK%7B%7D&timeout=abc",
            "/ftkg/sparql?query=ASK%7B%7D&default-graph-uri=%zz", "/ftkg/sparql?query=ASK%7B%7D&default-graph-uri=not%20an%20iri",
            "/dumps/%zz", "/ftkg/sparql?query=ASK%7B%7D&format=%zz")) {
            String[] r = client.rawGet(path);
            int status = Integer.parseInt(r[0]);
            // A bad timeout or dataset IRI may be ignored; it must never be a server error.
            boolean ignorable = path.contains("timeout=") || path.contains("default-graph-uri=not");
            if (status < 400 && !ignorable || status >= 500)
                failures.add("GET " + path + " -> " + status + " " + head(r[1]));
        }
        for (String[] p : List.of(new String[] {"application/x-www-form-urlencoded", "query=%zz"},
            new String[] {"application/x-www-form-urlencoded", "query=SELECT%20*%20%7B%7D&query=ASK%7B%7D"},
            new String[] {"application/sparql-query; charset=bogus-charset", "ASK {}"},
            new String[] {"application/sparql-query", "ASK {} \u0000"},
            new String[] {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\nASK{}\r\n--x--"},
            new String[] {"text/plain", "ASK {}"})) {
            var r = client.post("/ftkg/sparql", p[0], p[1]);
            if (r.statusCode() < 400 || r.statusCode() >= 500)
                failures.add("POST " + p[0] + " " + p[1] + " -> " + r.statusCode() + " " + head(r.body()));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        client.stillResponsive();
    }
}

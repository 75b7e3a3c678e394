package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;

/**
 * Hostile clients over real HTTP: queries that would run forever, huge results and bodies,
 * malformed SPARQL, unknown formats, slow clients, private SERVICE targets. The server answers
 * each with its documented status, and keeps answering everyone else meanwhile.
 */
class EndpointAbuseTest {
    @TempDir
    static Path tmp;
    static FtkgServer server;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final long TIMEOUT_MS = 1500;
    static final String OK_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    static final ByteArrayOutputStream serverLog = new ByteArrayOutputStream();
    static PrintStream savedErr;

    @BeforeAll
    static void start() {
        savedErr = System.err;
        System.setErr(new PrintStream(new TeeStream(savedErr, serverLog), true, StandardCharsets.UTF_8));
        TestProject project = TestProject.fixture(tmp, "mini").built();
        server = FtkgServer.start(ServerSettings.builder(project.dir()).port(0).timeout(TIMEOUT_MS)
            .maxResultBytes(200_000)
            .update(new ServerSettings.Credentials("editor", "s3cret-Update-Pass")).build());
    }

    @AfterAll
    static void stop() {
        server.close();
        System.setErr(savedErr);
    }

    static HttpResponse<String> post(String contentType, String body, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ftkg/sparql"))
            .header("Content-Type", contentType).header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> query(String q) throws Exception {
        return post("application/sparql-query", q, "application/sparql-results+json");
    }

    /** The endpoint still answers a small query quickly. */
    static void stillResponsive() throws Exception {
        long t0 = System.nanoTime();
        assertEquals(200, query(OK_QUERY).statusCode());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 3000, "a small query is answered within 3 s");
    }

    @Test
    void aPropertyPathThatWouldRunForeverTimesOutWithoutPartialResults() throws Exception {
        long t0 = System.nanoTime();
        var r = query("SELECT * WHERE { ?a (<urn:p>|^<urn:p>|!<urn:q>)* ?b . ?c (!<urn:q>|^!<urn:q>)* ?d . ?e ?f ?g }");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(r.statusCode() == 503 || r.statusCode() == 413, r.statusCode() + " " + head(r.body()));
        assertFalse(r.body().contains("\"bindings\""), "no truncated 200 result");
        assertTrue(ms < TIMEOUT_MS + 10_000, "answered in " + ms + " ms");
        stillResponsive();
    }

    @Test
    void aHugeResultIsRefusedWith413AndMemoryStaysBounded() throws Exception {
        var r = query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 2000000");
        assertTrue(r.statusCode() == 413 || r.statusCode() == 503, r.statusCode() + " " + head(r.body()));
        assertTrue(r.body().length() < 10_000, "the refusal is a short message, not the result");
        stillResponsive();
    }

    @Test
    void aHugeRequestBodyIsRefusedBeforeItIsRead() throws Exception {
        String huge = "SELECT * WHERE { ?s ?p ?o } #" + "x".repeat(3 << 20);
        var r = query(huge);
        assertEquals(413, r.statusCode(), head(r.body()));
        var form = post("application/x-www-form-urlencoded", "query=" + "y".repeat(3 << 20), "application/sparql-results+json");
        assertEquals(413, form.statusCode());
        stillResponsive();
    }

    @Test
    void malformedSparqlIsA400WithTheParserMessage() throws Exception {
        for (String bad : List.of("SELEKT * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ", "SELECT ?x WHERE { FILTER(?x = ) }",
            "\u0000\u0001binary", "PREFIX : <unterminated SELECT * {}")) {
            var r = query(bad);
            assertEquals(400, r.statusCode(), bad + " -> " + head(r.body()));
            assertFalse(r.body().contains("\tat org."), "no stack trace in the answer");
        }
        var noQuery = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ftkg/sparql")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertTrue(noQuery.statusCode() == 400 || noQuery.statusCode() == 404, "no query: " + noQuery.statusCode());
        stillResponsive();
    }

    @Test
    void unknownResultFormatsFallBackOrAreRefusedNeverCrash() throws Exception {
        var r = post("application/sparql-query", OK_QUERY, "application/x-made-up");
        assertTrue(r.statusCode() == 200 || r.statusCode() == 406, "Accept of an unknown type: " + r.statusCode());
        var f = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ftkg/sparql?format=bogus&query="
            + URLEncoder.encode(OK_QUERY, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(f.statusCode() == 200 || f.statusCode() == 400 || f.statusCode() == 406, "format=bogus: " + f.statusCode());
        var ct = post("application/x-made-up", OK_QUERY, "application/sparql-results+json");
        assertTrue(ct.statusCode() == 400 || ct.statusCode() == 415, "unknown Content-Type: " + ct.statusCode());
        stillResponsive();
    }

    @Test
    void slowClientsDoNotStarveOthers() throws Exception {
        // More stalled uploads than Fuseki's default thread pool (20) has threads (slowloris).
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("localhost", server.port()), 2000);
                OutputStream out = s.getOutputStream();
                out.write(("POST /ftkg/sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
                    + "Content-Length: 100000\r\n\r\nSELECT").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(s);
            }
            // Meanwhile, normal clients are served.
            List<CompletableFuture<Integer>> normal = new ArrayList<>();
            for (int i = 0; i < 20; i++)
                normal.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return query(OK_QUERY).statusCode();
                    } catch (Exception e) {
                        e.printStackTrace(savedErr);
                        return -1;
                    }
                }));
            for (var f : normal)
                assertEquals(200, f.get());
            stillResponsive();
            // And each stalled request is ended (and its thread freed) after the idle timeout.
            Thread.sleep(FtkgServer.IDLE_TIMEOUT_MS + 2000);
            Socket first = slow.get(0);
            first.setSoTimeout((int) FtkgServer.IDLE_TIMEOUT_MS * 2);
            String status = new String(first.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertTrue(status.startsWith("HTTP/1.1 "), "the stalled request was ended by the server: " + status);
        } finally {
            for (Socket s : slow)
                s.close();
        }
    }

    @Test
    void serviceCallsToLoopbackAndPrivateRangesAreRefused() throws Exception {
        for (String target : List.of("http://127.0.0.1:" + server.port() + "/ftkg/sparql", "http://localhost/sparql",
            "http://[::1]/sparql", "http://10.0.0.1/sparql", "http://172.16.0.1/sparql", "http://192.168.1.1/sparql",
            "http://169.254.169.254/latest/meta-data", "file:///etc/passwd", "https://query.wikidata.org.evil.example/sparql",
            "https://query.wikidata.org/sparql/../../x")) {
            var r = query("SELECT * WHERE { SERVICE <" + target + "> { ?s ?p ?o } }");
            assertEquals(422, r.statusCode(), target + " -> " + head(r.body()));
        }
        var viaVar = query("SELECT * WHERE { BIND(<http://10.0.0.1/sparql> AS ?e) SERVICE ?e { ?s ?p ?o } }");
        assertTrue(viaVar.statusCode() == 422 || viaVar.statusCode() == 400, "SERVICE ?var: " + viaVar.statusCode());
    }

    @Test
    void credentialsAreNeverLogged() throws Exception {
        String wrong = Base64.getEncoder().encodeToString("editor:Wrong-Pass-987".getBytes(StandardCharsets.UTF_8));
        String right = Base64.getEncoder().encodeToString("editor:s3cret-Update-Pass".getBytes(StandardCharsets.UTF_8));
        for (String auth : List.of(wrong, right))
            http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ftkg/update"))
                .header("Content-Type", "application/sparql-update").header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")).build(),
                HttpResponse.BodyHandlers.ofString());
        String log = serverLog.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("s3cret-Update-Pass") || log.contains("Wrong-Pass-987"), "no password in the log");
        assertFalse(log.contains(right) || log.contains(wrong), "no Authorization header in the log");
        assertFalse(ServerSettings.builder(tmp).update(new ServerSettings.Credentials("u", "s3cret-Update-Pass")).build()
            .toString().contains("s3cret"), "settings print without the password");
    }

    static String head(String s) {
        return s.substring(0, Math.min(300, s.length()));
    }

    /** Copies what the server logs to stderr into a buffer the test can read. */
    static final class TeeStream extends OutputStream {
        private final OutputStream a, b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public synchronized void write(byte[] x, int off, int len) throws java.io.IOException {
            a.write(x, off, len);
            b.write(x, off, len);
        }
    }
}

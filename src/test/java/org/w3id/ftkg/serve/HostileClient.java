package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.w3id.ftkg.TestProject;

/**
 * A real FTKG server on a free loopback port, what it logs, and an HTTP
 * client that gives up after a bound: the probes of the hardening tests are sent through it.
 */
final class HostileClient implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    static final String OK_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    static final String JSON = "application/sparql-results+json";

    private final Function<Path, TestProject> project;
    private final UnaryOperator<ServerSettings.Builder> settings;
    FtkgServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream savedErr;
    private Path tmp;

    private HostileClient(Function<Path, TestProject> project, UnaryOperator<ServerSettings.Builder> settings) {
        this.project = project;
        this.settings = settings;
    }

    /** A server of the mini fixture, for a test class ({@code @RegisterExtension}): started before, stopped after. */
    static HostileClient mini(UnaryOperator<ServerSettings.Builder> settings) {
        return new HostileClient(tmp -> TestProject.fixture(tmp, "mini"), settings);
    }

    /** A server of the built-in corpus, for a test class. */
    static HostileClient real(UnaryOperator<ServerSettings.Builder> settings) {
        return new HostileClient(TestProject::real, settings);
    }

    /** Starts the server now, outside a test class's life cycle; close it when done. */
    HostileClient started() throws IOException {
        start();
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void start() throws IOException {
        tmp = Files.createTempDirectory("ftkg-hostile-");
        savedErr = System.err;
        System.setErr(new PrintStream(new EndpointAbuseTest.TeeStream(savedErr, log), true, StandardCharsets.UTF_8));
        server = FtkgServer.start(settings.apply(ServerSettings.builder(project.apply(tmp).built().dir()).port(0)
            .timeout(2000L)).build());
    }

    @Override
    public void close() {
        if (server != null)
            server.close();
        System.setErr(savedErr);
        try {
            PathUtils.deleteDirectory(tmp);
        } catch (IOException e) {
            // a temporary folder; the OS cleans up what is left
        }
    }

    /** Bytes the server has logged so far. */
    long logSize() {
        synchronized (log) {
            return log.size();
        }
    }

    String logSince(long from) {
        synchronized (log) {
            String s = log.toString(StandardCharsets.UTF_8);
            return s.substring((int) Math.min(from, s.length()));
        }
    }

    URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).header("Accept", JSON)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> query(String q) throws Exception {
        return post("/ftkg/sparql", "application/sparql-query", q);
    }

    /** The endpoint still answers a small query quickly. */
    void stillResponsive() throws Exception {
        long t0 = System.nanoTime();
        var r = query(OK_QUERY);
        assertEquals(200, r.statusCode(), r.body());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 3000, "a small query is answered within 3 s, took " + ms + " ms");
    }

    /** A GET sent over a plain socket, byte for byte as given (java.net.URI refuses malformed escapes). */
    String[] rawGet(String path) throws java.io.IOException {
        try (var socket = new java.net.Socket("localhost", server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String status = response.length() >= 12 ? response.substring(9, 12) : response;
            int bodyAt = response.indexOf("\r\n\r\n");
            return new String[] {status, bodyAt < 0 ? "" : response.substring(bodyAt + 4)};
        }
    }

    static String head(String s) {
        return s.substring(0, Math.min(300, s.length()));
    }
}

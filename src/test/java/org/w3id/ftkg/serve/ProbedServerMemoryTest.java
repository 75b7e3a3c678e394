package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.cli.Main;

/**
 * The closing condition of the hardening: a real server process (its own JVM, fixed heap) on the
 * built-in corpus takes every probe of the hostile tester, several at once, then still answers an
 * ordinary query quickly, and its resident memory (VmRSS) stays under the bound the README names.
 */
class ProbedServerMemoryTest {
    /** The heap the server runs with, and the bound on its whole resident memory (README, "Operations"). */
    static final String XMX = "512m";
    static final long RSS_BOUND_MIB = 1024;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String base;

    @Test
    void aServerThatTookEveryProbeStillAnswersAndStaysWithinItsMemoryBound(@TempDir Path tmp) throws Exception {
        Path project = TestProject.real(tmp).dir();
        assertEquals(0, Main.run("build", "--project", project.toString()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-Xmx" + XMX, "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "serve", "--project", project.toString(), "--port", "0")
            .redirectError(tmp.resolve("server.log").toFile()).start();
        try {
            base = awaitReady(server);
            long before = memoryMiB(server.pid(), "VmRSS");
            List<String> refusals = probe();
            long t0 = System.nanoTime();
            var ok = send(HttpRequest.newBuilder(URI.create(base + "/ftkg/sparql?query="
                + URLEncoder.encode("SELECT (COUNT(*) AS ?n) { ?s a ?t }", StandardCharsets.UTF_8))));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long after = memoryMiB(server.pid(), "VmRSS");
            long peak = memoryMiB(server.pid(), "VmHWM");
            long log = Files.size(tmp.resolve("server.log"));
            System.out.printf("ProbedServerMemoryTest: -Xmx%s, VmRSS %d MiB after start, %d MiB after %d probes, "
                + "peak (VmHWM) %d MiB; ordinary query %d ms; server log %d bytes%n", XMX, before, after, refusals.size(), peak,
                ms, log);
            assertEquals(200, ok.statusCode());
            assertTrue(ms < 2_000, "an ordinary query after the probes took " + ms + " ms");
            assertTrue(peak < RSS_BOUND_MIB, "peak resident memory " + peak + " MiB");
            assertTrue(log < 2_000_000, "the probes wrote " + log + " bytes of log");
            assertTrue(server.isAlive(), "the server is still running");
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS))
                server.destroyForcibly().waitFor();
        }
    }

    /** Sends the probes (several at once, as the tester did) and returns their statuses. */
    List<String> probe() throws Exception {
        String evil = "a".repeat(40) + "b";
        StringBuilder heap = new StringBuilder("SELECT ?d11 { { SELECT (GROUP_CONCAT(STR(?o)) AS ?d0) { ?s ?p ?o } } ");
        for (int i = 1; i <= 11; i++)
            heap.append("BIND(CONCAT(?d").append(i - 1).append(", ?d").append(i - 1).append(") AS ?d").append(i).append(") ");
        heap.append("}");
        List<String> queries = List.of(
            "SELECT * { BIND(\"" + evil + "\" AS ?x) FILTER(REGEX(?x, \"^(a+)+$\")) }",
            "SELECT * { BIND(\"" + evil + "\" AS ?x) FILTER(REGEX(?x, \"^(a+)+\\\\1$\")) }",
            heap.toString(), heap.toString(), heap.toString(),
            "SELECT * { ?x ?y ?z FILTER EXISTS { SERVICE <http://127.0.0.1:1/> { ?a ?b ?c } } }",
            "DESCRIBE ?s WHERE { ?s ?p ?o }",
            "CONSTRUCT { ?s ?p ?x } WHERE { ?s ?p ?o . ?a ?b ?x }",
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 2000000",
            "SELECT (1" + " + 1".repeat(20_000) + " AS ?x) {}",
            "SELECT * { " + "{ ?s ?p ?o } UNION ".repeat(5_000) + "{ ?s ?p ?o } }",
            "SELECT * { ?s " + "<urn:x-test:p>/".repeat(4_999) + "<urn:x-test:p> ?o }");
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (String q : queries)
            all.add(CompletableFuture.supplyAsync(() -> status(HttpRequest.newBuilder(URI.create(base + "/ftkg/sparql"))
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(q)))));
        byte[] form = ("query=" + "y".repeat(12 << 20)).getBytes(StandardCharsets.US_ASCII);
        byte[] sparql = ("SELECT * { ?s ?p ?o } #" + "x".repeat(3 << 20)).getBytes(StandardCharsets.UTF_8);
        for (String[] chunked : List.of(new String[] {"application/x-www-form-urlencoded", "form"},
            new String[] {"application/sparql-query", "sparql"})) {
            byte[] body = chunked[1].equals("form") ? form : sparql;
            all.add(CompletableFuture.supplyAsync(() -> status(HttpRequest.newBuilder(URI.create(base + "/ftkg/sparql"))
                .header("Content-Type", chunked[0])
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))))));
        }
        all.add(CompletableFuture.supplyAsync(() -> status(HttpRequest.newBuilder(URI.create(base + "/ftkg/sparql?query="
            + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8))).header("Origin", "null"))));
        List<String> statuses = new ArrayList<>();
        for (var f : all)
            statuses.add(f.get(120, TimeUnit.SECONDS));
        System.out.println("ProbedServerMemoryTest: probe statuses " + statuses);
        assertTrue(statuses.stream().noneMatch(s -> s.startsWith("500") || s.startsWith("error")), statuses.toString());
        return statuses;
    }

    String status(HttpRequest.Builder b) {
        try {
            return Integer.toString(send(b).statusCode());
        } catch (Exception e) {
            return "error " + e;
        }
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for the server's "ready" lines on its standard output and returns its base URL. */
    static String awaitReady(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Pattern home = Pattern.compile("home\\s+(http://\\S+?)/\\s*$");
        for (String line; (line = out.readLine()) != null;) {
            Matcher m = home.matcher(line);
            if (m.find()) {
                // Keep draining the output so the server never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException e) {
                        // the server has ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new AssertionError("the server ended before it was ready: exit " + server.waitFor());
    }

    /** A memory figure of a process from /proc/PID/status (Linux): VmRSS now, VmHWM the peak so far. */
    static long memoryMiB(long pid, String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
            if (line.startsWith(field + ":"))
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
        throw new AssertionError("no " + field + " for " + pid);
    }
}

package org.w3id.ftkg.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
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

import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.cli.Main;

/**
 * A replica's life as a process: ready only once its data answers, live, metrics per route with
 * timeouts counted; started on a copy of a running replica's database (the stale lock removed);
 * refused on a folder another live process holds; stopped by SIGTERM while a query is in flight,
 * which still gets its full answer while readiness says "draining".
 */
class ReplicaLifecycleTest {
    /** Long enough to be in flight when SIGTERM comes, short enough for a test (about 1-4 s here). */
    static final String SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { SELECT * { ?a ?b ?c . ?d ?e ?f } LIMIT 2000000 }";

    @TempDir
    Path tmp;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<Process> started = new ArrayList<>();

    @Test
    void aReplicaStartsOnACopyRefusesAHeldFolderAndFinishesRequestsOnSigterm() throws Exception {
        TestProject p = TestProject.real(tmp);
        Path db = tmp.resolve("db");
        assertEquals(0, Main.run("build", "--project", p.dir().toString(), "--tdb2", db.toString()));
        try {
            // The first replica: timeouts of 1 s, so that a heavy query is counted as a timeout.
            int port1 = freePort();
            Process first = serve(p.dir(), db, port1, "--timeout", "1000");
            String base1 = "http://localhost:" + port1;
            awaitReady(base1, first);
            assertEquals("live", body(base1 + "/$/live").strip());
            assertEquals(200, status(base1 + "/id/sinaloa-cartel"));
            assertEquals(503, status(base1 + "/ftkg/sparql?query=" + encode(SLOW_QUERY.replace("2000000", "500000000"))));
            String metrics = body(base1 + "/$/metrics");
            assertTrue(metrics.matches("(?s).*ftkg_http_requests_seconds_count\\{[^}]*route=\"/id/\"[^}]*status=\"2xx\"[^}]*} 1(\\.0)?\n.*"), metrics);
            assertTrue(metrics.matches("(?s).*ftkg_http_timeouts_total\\{[^}]*route=\"/ftkg/sparql\"[^}]*} 1\\.0.*"), metrics);
            assertTrue(metrics.contains("fuseki_requests_good{"), "Fuseki's own counters are there too");

            // A copy of the running replica's folder carries its tdb.lock: the new replica removes it and starts.
            Path copy = tmp.resolve("copy");
            PathUtils.copyDirectory(db, copy);
            assertTrue(Files.exists(copy.resolve("tdb.lock")));
            int port2 = freePort();
            Path log2 = tmp.resolve("second.log");
            Process second = serve(p.dir(), copy, port2, log2, "--timeout", "60000", "--drain", "1500");
            String base2 = "http://localhost:" + port2;
            awaitReady(base2, second);
            assertTrue(Files.readString(log2).contains("removed a stale tdb.lock (written by process " + first.pid()),
                Files.readString(log2));

            // The first replica's own folder is held: a third process is refused, with the holder named.
            Path log3 = tmp.resolve("third.log");
            Process third = serve(p.dir(), db, freePort(), log3);
            assertTrue(third.waitFor(60, TimeUnit.SECONDS), "refused at once");
            assertEquals(Main.IO_FAILURE, third.exitValue());
            assertTrue(Files.readString(log3).contains("is in use by process " + first.pid()), Files.readString(log3));

            // SIGTERM with a query in flight: readiness turns 503, the query still gets its whole answer.
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create(base2 + "/ftkg/sparql?query=" + encode(SLOW_QUERY))).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);
            second.destroy(); // SIGTERM
            // The replica drains for 1.5 s after the JVM's shutdown hook starts (late on a loaded machine).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            HttpResponse<String> ready = null;
            while (System.nanoTime() < deadline && (ready == null || ready.statusCode() != 503)) {
                try {
                    ready = http.send(HttpRequest.newBuilder(URI.create(base2 + "/$/ready")).build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException closed) {
                    throw new AssertionError("the replica closed its port without answering 503 on /$/ready first", closed);
                }
                Thread.sleep(50);
            }
            assertEquals(503, ready.statusCode(), "readiness says draining once SIGTERM arrives");
            assertEquals("draining", ready.body().strip());
            HttpResponse<String> answer = inFlight.get(60, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode());
            assertEquals(List.of("n", "2000000"), answer.body().lines().map(String::strip).toList());
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the replica exits after its requests finish");
        } finally {
            for (Process proc : started) {
                proc.destroyForcibly();
                proc.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    Process serve(Path project, Path db, int port, String... extra) throws IOException {
        return serve(project, db, port, tmp.resolve("replica-" + port + ".log"), extra);
    }

    Process serve(Path project, Path db, int port, Path log, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            System.getProperty("java.class.path"), Main.class.getName(), "serve", "--project", project.toString(),
            "--tdb2", db.toString(), "--port", Integer.toString(port)));
        cmd.addAll(List.of(extra));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(proc);
        return proc;
    }

    void awaitReady(String base, Process proc) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertTrue(proc.isAlive(), "the replica exited");
            try {
                int s = status(base + "/$/ready");
                if (s == 200)
                    return;
                assertEquals(503, s, "not ready yet means 503");
            } catch (IOException notListening) {
                // the JVM is still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError(base + " not ready within 90 s");
    }

    int status(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    String body(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url);
        return r.body();
    }

    static String encode(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

package org.w3id.ftkg.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.serve.FtkgServer;
import org.w3id.ftkg.serve.ServerSettings;

/**
 * Three replicas of a release behind HAProxy, started by {@code deploy/ftkg-replicas} from
 * {@code target/ftkg.jar}, under a bounded load of SPARQL queries and entity pages from 16 clients:
 * each replica is killed with SIGKILL and restarted, then the service swaps blue/green to a release
 * with one more fact, and no request fails. Every replica answers the competency questions as the
 * built-in server does, and the balancer refuses writes. Prints throughput and p50/p99 per phase.
 */
class ReplicasIT {
    static final int CLIENTS = 16;
    static final int MIN_REQUESTS = 3000;
    /** Each client waits this long between requests: the load is bounded and leaves CPU for restarts. */
    static final long PACE_MS = 100;
    static final String NEW_FACT = "https://w3id.org/ftkg/fact/004-release-check-defunct-cartel";
    static final Path JAR = TestProject.ROOT.resolve("target/ftkg.jar");
    static final Path SCRIPT = TestProject.ROOT.resolve("deploy/ftkg-replicas");

    @TempDir
    Path tmp;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(CLIENTS)).build();
    Path run;
    String balancer;
    Map<String, String> env;

    @Test
    void replicasSurviveKillsAndABlueGreenSwapWithoutAFailedRequest() throws Exception {
        boolean haproxy = onPath("haproxy");
        if (System.getenv("CI") != null)
            assertTrue(haproxy, "CI installs haproxy (.ci/run)");
        Assumptions.assumeTrue(haproxy, "haproxy is not installed");
        assertTrue(Files.isRegularFile(JAR), "target/ftkg.jar (this test runs after package)");

        // Release A: the curated corpus. Release B: the same plus one fact.
        TestProject a = TestProject.real(tmp.resolve("a"));
        TestProject b = TestProject.real(tmp.resolve("b"));
        b.edit("data/facts/004_40da1574111b49b3.yaml", y -> y + """

              - id: 004-release-check-defunct-cartel
                quote: "the now-defunct Guadalajara Cartel"
                statements:
                  - {s: guadalajara-cartel, p: defunct, v: "true"}
            """);
        Path relA = tmp.resolve("release-a"), relB = tmp.resolve("release-b");
        ftkg("build", "--project", a.dir().toString(), "--dist", relA.resolve("dist").toString(), "--tdb2", relA.resolve("tdb2").toString());
        ftkg("build", "--project", b.dir().toString(), "--dist", relB.resolve("dist").toString(), "--tdb2", relB.resolve("tdb2").toString());

        run = tmp.resolve("run");
        int port = freePort();
        balancer = "http://127.0.0.1:" + port;
        env = Map.of("FTKG_JAR", JAR.toString(), "FTKG_PROJECT", a.dir().toString(), "FTKG_RUN", run.toString(),
            "FTKG_BIND", "127.0.0.1:" + port, "FTKG_JAVA_OPTS", "-Xmx512m",
            // What fails here must be the failover, not the 5 s query budget on a machine shared with
            // other builds (a heavy competency question can take longer there); still under HAProxy's 30 s.
            "FTKG_SERVE_OPTS", "--timeout 20000");
        Thread cleanup = new Thread(this::stopEverything);
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (FtkgServer builtIn = FtkgServer.start(ServerSettings.builder(a.dir()).dist(relA.resolve("dist")).port(0).build())) {
            script("start", relA.toString(), "3");
            List<Integer> ports = replicaPorts();
            assertEquals(3, ports.size());
            for (int p : ports)
                assertSameAnswers(builtIn.baseUrl(), "http://127.0.0.1:" + p, a.dir());
            assertWritesRefused();
            assertFalse(ask("ASK { GRAPH <" + NEW_FACT + "> { ?s ?p ?o } }"), "release A lacks the new fact");
            assertEquals(404, get(balancer + "/fact/004-release-check-defunct-cartel", "text/turtle").statusCode());

            Load load = new Load(requests(builtIn.baseUrl(), a.dir()));
            load.start();
            try {
                load.phase("before");
                Thread.sleep(4000);
                for (int i = 1; i <= 3; i++) {
                    load.phase("kill r" + i);
                    long pid = Long.parseLong(Files.readString(replicaDir(i).resolve("pid")).strip());
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
                    ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
                    Thread.sleep(1000);
                    script("restart", Integer.toString(i));
                    load.phase("after r" + i);
                    Thread.sleep(3000);
                }
                load.phase("swap");
                script("swap", relB.toString());
                load.phase("after swap");
                Thread.sleep(3000);
                load.awaitAtLeast(MIN_REQUESTS, Duration.ofMinutes(3));
            } finally {
                load.stop();
            }
            load.print();
            assertTrue(load.total() >= MIN_REQUESTS, "at least " + MIN_REQUESTS + " requests, sent " + load.total());
            assertEquals(List.of(), load.failures(), "failed requests");

            assertTrue(ask("ASK { GRAPH <" + NEW_FACT + "> { ?s ?p ?o } }"), "the new fact is served after the swap");
            assertEquals(200, get(balancer + "/fact/004-release-check-defunct-cartel", "text/turtle").statusCode());
            // Release B's replicas against release B's built-in server.
            try (FtkgServer builtInB = FtkgServer.start(ServerSettings.builder(b.dir()).dist(relB.resolve("dist")).port(0).build())) {
                for (int p : replicaPorts())
                    assertSameAnswers(builtInB.baseUrl(), "http://127.0.0.1:" + p, b.dir());
            }
        } finally {
            stopEverything();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    // ---- the load

    record Req(String url, String accept) {}

    record Sample(String phase, long nanos, String failure) {}

    /** 16 clients sending the request mix through the balancer, each sample tagged with the current phase. */
    final class Load {
        final List<Req> mix;
        final AtomicReference<String> phase = new AtomicReference<>("warm-up");
        final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        final Map<String, long[]> phaseTimes = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> clients = new ArrayList<>();

        Load(List<Req> mix) {
            this.mix = mix;
        }

        void start() {
            long now = System.nanoTime();
            phaseTimes.put(phase.get(), new long[] { now, now });
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread t = new Thread(() -> {
                    for (int n = 0; running.get(); n++) {
                        Req r = mix.get((n * CLIENTS + client) % mix.size());
                        String ph = phase.get();
                        long t0 = System.nanoTime();
                        String failure = null;
                        try {
                            HttpResponse<byte[]> resp = get(balancer + r.url(), r.accept());
                            if (resp.statusCode() != 200 || resp.body().length == 0)
                                failure = resp.statusCode() + " " + r.url() + " " + resp.headers().firstValue("X-FTKG-Replica")
                                    .orElse("(HAProxy)") + ": " + new String(resp.body(), 0, Math.min(120, resp.body().length),
                                        StandardCharsets.UTF_8).replaceAll("\\s+", " ");
                        } catch (Exception e) {
                            failure = e + " " + r.url();
                        }
                        samples.add(new Sample(ph, System.nanoTime() - t0, failure));
                        try {
                            Thread.sleep(PACE_MS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "load-" + c);
                clients.add(t);
                t.start();
            }
        }

        void phase(String name) {
            long now = System.nanoTime();
            String previous = phase.getAndSet(name);
            phaseTimes.computeIfAbsent(previous, k -> new long[] { now, now })[1] = now;
            phaseTimes.put(name, new long[] { now, now });
        }

        void awaitAtLeast(int n, Duration max) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            while (samples.size() < n && System.nanoTime() < deadline)
                Thread.sleep(100);
        }

        void stop() throws InterruptedException {
            phase("stopped");
            running.set(false);
            for (Thread t : clients)
                t.join(60_000);
        }

        int total() {
            return samples.size();
        }

        List<String> failures() {
            return samples.stream().filter(s -> s.failure() != null).map(s -> s.phase() + ": " + s.failure()).limit(20).toList();
        }

        void print() {
            System.out.printf("%n%-12s %8s %9s %8s %8s %8s%n", "phase", "requests", "req/s", "p50 ms", "p99 ms", "failed");
            phaseTimes.forEach((name, times) -> {
                List<Long> lat = samples.stream().filter(s -> s.phase().equals(name)).map(Sample::nanos).sorted().toList();
                if (lat.isEmpty())
                    return;
                long failed = samples.stream().filter(s -> s.phase().equals(name) && s.failure() != null).count();
                double seconds = Math.max(1e-9, (times[1] - times[0]) / 1e9);
                System.out.printf("%-12s %8d %9.1f %8.1f %8.1f %8d%n", name, lat.size(), lat.size() / seconds,
                    lat.get(lat.size() / 2) / 1e6, lat.get(Math.min(lat.size() - 1, (int) (lat.size() * 0.99))) / 1e6, failed);
            });
            System.out.printf("total %d requests from %d clients%n", total(), CLIENTS);
        }
    }

    /** Competency questions (SPARQL) and entity pages (HTML and Turtle), interleaved. */
    List<Req> requests(String builtIn, Path project) throws Exception {
        List<Req> sparql = new ArrayList<>();
        for (Path q : competencyQuestions(project))
            sparql.add(new Req("/ftkg/sparql?query=" + URLEncoder.encode(Files.readString(q), StandardCharsets.UTF_8),
                "application/sparql-results+json"));
        String slugs = new String(get(builtIn + "/ftkg/sparql?query=" + URLEncoder.encode("""
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT DISTINCT ?s WHERE { ?s rdfs:label ?l FILTER(STRSTARTS(STR(?s), "https://w3id.org/ftkg/id/")) } ORDER BY ?s LIMIT 120
            """, StandardCharsets.UTF_8), "text/csv").body(), StandardCharsets.UTF_8);
        List<Req> pages = new ArrayList<>();
        slugs.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).forEach(iri -> {
            String path = "/id/" + iri.substring("https://w3id.org/ftkg/id/".length());
            pages.add(new Req(path, "text/html"));
            pages.add(new Req(path, "text/turtle"));
        });
        assertTrue(pages.size() > 100, "entity pages to request");
        List<Req> mix = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            mix.add(pages.get(i));
            mix.add(sparql.get(i % sparql.size()));
        }
        return mix;
    }

    static List<Path> competencyQuestions(Path project) throws IOException {
        try (Stream<Path> s = Files.list(project.resolve("queries"))) {
            // The federated question calls Wikidata: tests stay off the internet.
            return s.filter(p -> p.getFileName().toString().matches("cq\\d+.*\\.rq") && !p.toString().contains("federated"))
                .sorted().toList();
        }
    }

    /**
     * The replica answers every competency question with the built-in server's solutions, compared
     * by value in any order: TDB2 stores numbers by value, so {@code "4"^^xsd:decimal} comes back
     * from a replica as {@code 4.0}, the same decimal.
     */
    void assertSameAnswers(String builtIn, String replica, Path project) throws Exception {
        List<Path> cqs = competencyQuestions(project);
        assertTrue(cqs.size() >= 20, "competency questions found: " + cqs.size());
        for (Path q : cqs) {
            String url = "/ftkg/sparql?query=" + URLEncoder.encode(Files.readString(q), StandardCharsets.UTF_8);
            HttpResponse<byte[]> expected = get(builtIn + url, "application/sparql-results+json");
            HttpResponse<byte[]> actual = get(replica + url, "application/sparql-results+json");
            assertEquals(200, expected.statusCode(), q.toString());
            assertEquals(200, actual.statusCode(), q.toString());
            ResultSetRewindable e = results(expected), a = results(actual);
            assertTrue(e.size() > 0, q.getFileName() + " has answers");
            assertTrue(ResultSetCompare.equalsByValue(e, a), () -> q.getFileName() + " on " + replica + " differs:\n"
                + new String(expected.body(), StandardCharsets.UTF_8) + "\n---\n" + new String(actual.body(), StandardCharsets.UTF_8));
        }
    }

    static ResultSetRewindable results(HttpResponse<byte[]> r) {
        return ResultSetFactory.makeRewindable(ResultSetMgr.read(new ByteArrayInputStream(r.body()), ResultSetLang.RS_JSON));
    }

    void assertWritesRefused() throws Exception {
        String insert = "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }";
        List<HttpRequest> writes = List.of(
            HttpRequest.newBuilder(URI.create(balancer + "/ftkg/update")).header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(insert)).build(),
            HttpRequest.newBuilder(URI.create(balancer + "/ftkg/sparql")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("update=" + URLEncoder.encode(insert, StandardCharsets.UTF_8))).build(),
            HttpRequest.newBuilder(URI.create(balancer + "/ftkg/get?graph=urn:x:g")).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> <urn:x:o> .")).build(),
            HttpRequest.newBuilder(URI.create(balancer + "/ftkg/get?graph=urn:x:g")).header("Content-Type", "text/turtle")
                .POST(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> <urn:x:o> .")).build(),
            HttpRequest.newBuilder(URI.create(balancer + "/ftkg/get?graph=" + NEW_FACT)).DELETE().build());
        for (HttpRequest w : writes) {
            int status = http.send(w, HttpResponse.BodyHandlers.discarding()).statusCode();
            assertTrue(status >= 400 && status < 500, w.method() + " " + w.uri() + " answered " + status);
        }
        assertFalse(ask("ASK { <urn:x:s> ?p ?o }"), "nothing was written");
        assertEquals(404, get(balancer + "/$/metrics", "text/plain").statusCode(), "metrics are per replica, not public");
    }

    boolean ask(String query) throws Exception {
        HttpResponse<byte[]> r = get(balancer + "/ftkg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
            "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        return new String(r.body(), StandardCharsets.UTF_8).contains("true");
    }

    HttpResponse<byte[]> get(String url, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }

    // ---- processes

    Path currentRelease() throws IOException {
        return run.resolve(Files.readString(run.resolve("current")).strip());
    }

    Path replicaDir(int i) throws IOException {
        return currentRelease().resolve(Integer.toString(i));
    }

    List<Integer> replicaPorts() throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; Files.isDirectory(replicaDir(i)); i++)
            ports.add(Integer.parseInt(Files.readString(replicaDir(i).resolve("port")).strip()));
        return ports;
    }

    void ftkg(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        exec(cmd, Map.of(), Duration.ofMinutes(5));
    }

    void script(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        exec(cmd, env, Duration.ofMinutes(5));
    }

    void exec(List<String> cmd, Map<String, String> environment, Duration timeout) throws Exception {
        Path log = Files.createTempFile(tmp, "exec-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(TestProject.ROOT.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        pb.environment().putAll(environment);
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " did not finish in " + timeout + ":\n" + Files.readString(log));
        }
        if (p.exitValue() != 0)
            fail(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n" + Files.readString(log));
    }

    /** Stops HAProxy and every replica: by the script, then by their pid files for whatever is left. */
    void stopEverything() {
        if (run == null || !Files.isDirectory(run))
            return;
        try {
            script("stop");
        } catch (Throwable e) {
            System.err.println("ftkg-replicas stop failed: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(run)) {
            files.filter(f -> f.getFileName().toString().endsWith("pid")).forEach(f -> {
                try {
                    ProcessHandle.of(Long.parseLong(Files.readString(f).strip())).ifPresent(h -> {
                        h.descendants().forEach(ProcessHandle::destroyForcibly);
                        h.destroyForcibly();
                    });
                } catch (IOException | NumberFormatException e) {
                    // a pid file being rewritten: the script's stop has handled that process
                }
            });
        } catch (IOException e) {
            // the run folder is gone: nothing left to stop
        }
    }

    static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
            .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.cli.Main;

/**
 * A bounded load test over loopback on the built-in corpus: N requests from C concurrent clients,
 * mixing entity pages (HTML and Turtle), the competency-question queries, searches, the views (home,
 * timeline, network and its JSON) and dump downloads. No
 * request may fail except a query timeout (503), which is counted. Prints throughput and
 * latency percentiles per kind. CI runs 2,000 requests; the full run is
 * {@code mvn -B -ntp test -Dtest=LoadTest -Dftkg.load.requests=10000 -Dftkg.load.clients=32}.
 */
class LoadTest {
    @TempDir
    static Path tmp;

    record Request(String kind, String path, String accept, String query) {}

    @Test
    void manyConcurrentClientsAreServedWithoutErrors() throws Exception {
        int total = Integer.getInteger("ftkg.load.requests", 2000);
        int clients = Integer.getInteger("ftkg.load.clients", 32);
        TestProject project = TestProject.real(tmp);
        assertEquals(0, Main.run("build", "--project", project.dir().toString()));

        List<String> slugs = new ArrayList<>();
        for (String line : Files.readAllLines(project.resolve("data/entities/entities.yaml")))
            if (line.startsWith("  - id: "))
                slugs.add(line.substring(8).trim());
        List<String> queries = new ArrayList<>();
        try (Stream<Path> s = Files.list(project.resolve("queries"))) {
            for (Path q : s.sorted().toList())
                if (q.getFileName().toString().startsWith("cq") && !Files.readString(q).contains("SERVICE"))
                    queries.add(Files.readString(q));
        }
        List<String> dumps = List.of("/dumps/void.ttl", "/dumps/SHA256SUMS", "/dumps/sources/004_40da1574111b49b3.ttl",
            "/dumps/ontology.ttl", "/dumps/ftkg.nq.gz");

        List<String> views = List.of("/", "/timeline", "/timeline?offset=50", "/network", "/network?center=sinaloa-cartel",
            "/network?center=joaquin-guzman&depth=2", "/network.json?center=sinaloa-cartel", "/network.json");
        // Names, a misspelling, a prefix, a Spanish name, no accents, and words of every entity's slug.
        List<String> searches = new ArrayList<>(List.of("Chapo", "Inunza", "Sina", "cártel de sinaloa", "guzman", "fentanil"));
        slugs.forEach(s -> searches.add(s.replace('-', ' ')));
        Random r = new Random(42);
        List<Request> plan = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            int k = r.nextInt(10);
            if (k < 4)
                plan.add(new Request("entity", "/id/" + slugs.get(r.nextInt(slugs.size())), k % 2 == 0 ? "text/html" : "text/turtle", null));
            else if (k == 7)
                plan.add(new Request("search", "/search?q=" + URLEncoder.encode(searches.get(r.nextInt(searches.size())),
                    StandardCharsets.UTF_8), r.nextBoolean() ? "application/json" : "text/html", null));
            else if (k < 8)
                plan.add(new Request("sparql", "/ftkg/sparql", "application/sparql-results+json", queries.get(r.nextInt(queries.size()))));
            else if (k == 8)
                plan.add(new Request("view", views.get(r.nextInt(views.size())), "text/html", null));
            else
                plan.add(new Request("dump", dumps.get(r.nextInt(dumps.size())), "*/*", null));
        }

        try (FtkgServer server = FtkgServer.start(ServerSettings.builder(project.dir()).port(0).build())) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
            Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger timeouts = new AtomicInteger(), next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long t0 = System.nanoTime();
            for (int c = 0; c < clients; c++)
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
                        Request q = plan.get(i);
                        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + q.path()))
                            .header("Accept", q.accept()).timeout(Duration.ofSeconds(60));
                        if (q.query() != null)
                            b.header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q.query(), StandardCharsets.UTF_8)));
                        long s = System.nanoTime();
                        try {
                            HttpResponse<byte[]> res = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                            long ms = (System.nanoTime() - s) / 1_000_000;
                            if (res.statusCode() == 503 && "sparql".equals(q.kind()))
                                timeouts.incrementAndGet();
                            else if (res.statusCode() != 200 || res.body().length == 0)
                                failures.add(q.path() + " -> " + res.statusCode());
                            else
                                latencies.computeIfAbsent(q.kind(), x -> new ConcurrentLinkedQueue<>()).add(ms);
                        } catch (Exception e) {
                            failures.add(q.path() + " -> " + e);
                        }
                    }
                });
            pool.shutdown();
            assertTrue(pool.awaitTermination(20, TimeUnit.MINUTES), "the load finishes");
            double seconds = (System.nanoTime() - t0) / 1e9;

            System.out.printf("%nLoad test: %d requests from %d clients in %.1f s: %.0f requests/s; %d query timeouts (503), %d failures%n",
                total, clients, seconds, total / seconds, timeouts.get(), failures.size());
            System.out.printf("%-8s %8s %8s %8s %8s%n", "kind", "count", "p50 ms", "p99 ms", "max ms");
            for (var e : new java.util.TreeMap<>(latencies).entrySet()) {
                List<Long> l = new ArrayList<>(e.getValue());
                Collections.sort(l);
                System.out.printf("%-8s %8d %8d %8d %8d%n", e.getKey(), l.size(), l.get(l.size() / 2),
                    l.get(Math.min(l.size() - 1, (int) Math.ceil(l.size() * 0.99) - 1)), l.get(l.size() - 1));
            }
            assertEquals(List.of(), new ArrayList<>(failures).subList(0, Math.min(10, failures.size())), "no failed requests");
            assertEquals(total, latencies.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum() + timeouts.get());
        }
    }
}

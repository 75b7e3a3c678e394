package org.w3id.ftkg.bench;

import java.io.BufferedReader;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.commons.io.file.PathUtils;
import org.w3id.ftkg.release.ReleaseFolder;

/**
 * The scale benchmark: for each corpus size, generate, build (in 2 GiB), load TDB2 and serve it, and measure SPARQL,
 * entity-page, search and view latency and throughput, each beside a baseline of the same run (Jena's N-Quads parse +
 * write of the same quads; plain Fuseki on the same TDB2 database).
 * <pre>java -cp target/ftkg.jar org.w3id.ftkg.bench.Benchmark [--sizes 1000,10000,100000,1000000]
 *     [--work /tmp/ftkg-bench] [--requests 2000] [--project .] [--loaders phased,xloader] [--baselines yes|no]
 *     [--reuse no|yes] [--reproducibility yes|no]</pre>
 * {@code --baselines no} skips both baselines; {@code --sizes ''} measures only the built-in corpus; {@code --reuse yes}
 * serves again the corpus and database an earlier run left in the work folder.
 */
public final class Benchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(8)).build();
    private static final String PREFIXES = """
        PREFIX ftkg: <https://w3id.org/ftkg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(1000, 10000, 100000, 1000000);
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "ftkg-bench");
        Path project = Path.of(".");
        int requests = 2000;
        List<String> loaders = List.of("phased", "xloader");
        boolean baselines = true;
        boolean reuse = false;
        boolean reproducibility = true;
        for (int i = 0; i < args.length; i += 2)
            switch (args[i]) {
                case "--sizes" -> sizes = Stream.of(args[i + 1].split(",")).map(String::trim).filter(n -> !n.isEmpty())
                    .map(Integer::valueOf).toList();
                case "--work" -> work = Path.of(args[i + 1]);
                case "--project" -> project = Path.of(args[i + 1]);
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                case "--loaders" -> loaders = List.of(args[i + 1].split(","));
                case "--baselines" -> baselines = !"no".equals(args[i + 1]);
                case "--reuse" -> reuse = "yes".equals(args[i + 1]);
                case "--reproducibility" -> reproducibility = !"no".equals(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        Files.createDirectories(work);
        System.out.printf("FTKG benchmark: %s, %d cores, %s, Java %s%n",
            Objects.requireNonNullElse(procField("/proc/cpuinfo", "model name"), System.getProperty("os.arch")),
            Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("java.version"));

        List<Map<String, String>> rows = new ArrayList<>();
        for (int facts : sizes)
            rows.add(measure(facts, project, work.resolve("n" + facts), requests, loaders, baselines, reuse, reproducibility));
        rows.add(builtInCorpus(project, work.resolve("builtin")));

        System.out.println();
        printTable(rows);
        System.exit(0); // the HTTP client's threads would keep the JVM alive
    }

    /** The value of a {@code name: value} line of a Linux /proc file; null elsewhere or if it has none. */
    static String procField(String file, String name) {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.filter(l -> l.startsWith(name)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse(null);
        } catch (IOException e) {
            return null; // not Linux
        }
    }

    /** Generates, builds and loads a corpus (with the baselines), filling in the row's figures. */
    static void prepare(int facts, Path project, Path dir, List<String> loaders, boolean baselines,
                        boolean reproducibility, Map<String, String> row) throws Exception {
        PathUtils.deleteDirectory(dir.toFile().exists() ? dir : Files.createDirectories(dir));
        Path corpus = dir.resolve("corpus");

        run("generate", "2g", "ftkg", "generate", "--facts", Integer.toString(facts), "--output", corpus.toString(),
            "--project", project.toString());

        Map<String, String> build = run("build (-Xmx2g)", "2g", "ftkg", "build", "--project", corpus.toString());
        Path dist = corpus.resolve("dist");
        double buildS = Double.parseDouble(build.get("seconds"));
        row.put("build s", String.format("%.1f", buildS));
        row.put("facts/s", String.format("%,.0f", facts / buildS));
        if (baselines) {
            Map<String, String> jena = run("Jena N-Quads parse + write (baseline)", "2g", "jena-nquads", dist.resolve("ftkg.nq.gz").toString());
            long quads = Long.parseLong(jena.get("quads"));
            double jenaS = Double.parseDouble(jena.get("parseSeconds")) + Double.parseDouble(jena.get("writeSeconds"));
            row.put("quads", String.format("%,d", quads));
            row.put("quads/s", String.format("%,.0f", quads / buildS));
            row.put("Jena quads/s", String.format("%,.0f", quads / jenaS));
            row.put("ratio", String.format("%.2f", (quads / buildS) / (quads / jenaS)));
        }
        row.put("peak heap MiB", build.get("peakHeapMiB"));
        row.put("dumps MiB", String.format("%.1f", PathUtils.sizeOfDirectory(dist) / 1048576.0));
        if (reproducibility) {
            // A second build on one worker thread must write the same bytes as the first (one per core).
            Path again = dir.resolve("dist-1-thread");
            run("build again (-Xmx2g, --threads 1)", "2g", "ftkg", "build", "--project", corpus.toString(),
                "--dist", again.toString(), "--threads", "1");
            List<String> differing = differingFiles(dist, again);
            System.out.println("  same bytes as the first build: " + (differing.isEmpty() ? "yes" : "NO " + differing));
            row.put("reproducible", differing.isEmpty() ? "yes" : "NO");
            PathUtils.deleteDirectory(again);
        }

        // Each of Jena's bulk loaders in turn, into its own folder.
        Path db = null;
        for (String loader : loaders) {
            if (db != null)
                PathUtils.deleteDirectory(db); // the disk holds one database at a time at 1M facts
            db = dir.resolve("tdb2-" + loader);
            Map<String, String> load = run("TDB2 bulk load (" + loader + ")", "2g", "tdb2-load",
                dist.resolve("ftkg.nq.gz").toString(), db.toString(), loader);
            row.put(loader + " load s", String.format("%.1f", Double.parseDouble(load.get("seconds"))));
            row.put(loader + " RSS MiB", load.get("peakRssMiB"));
            row.put(loader + " DB MiB", String.format("%.0f", PathUtils.sizeOfDirectory(db) / 1048576.0));
            row.put(loader + " text index s", load.get("indexSeconds"));
        }
    }

    /** One corpus size, all figures. */
    static Map<String, String> measure(int facts, Path project, Path dir, int requests, List<String> loaders,
                                       boolean baselines, boolean reuse, boolean reproducibility) throws Exception {
        System.out.printf("%n== %,d facts ==%n", facts);
        Path corpus = dir.resolve("corpus");
        Map<String, String> row = new LinkedHashMap<>();
        row.put("facts", String.format("%,d", facts));
        row.put("quads", ""); // counted by the Jena baseline
        // The server runs on the last loader's database.
        Path db = dir.resolve("tdb2-" + loaders.get(loaders.size() - 1));
        if (reuse && Files.isDirectory(db) && Files.isRegularFile(corpus.resolve("dist/ftkg.nq.gz")))
            System.out.println("  reusing the corpus, dumps and database of an earlier run in " + dir);
        else
            prepare(facts, project, dir, loaders, baselines, reproducibility, row);

        List<String> slugs = slugs(corpus);
        // FTKG server on the TDB2 database, in its own JVM.
        int port = freePort();
        long t0 = System.nanoTime();
        try (Server server = Server.start(javaCmd("2g", "org.w3id.ftkg.cli.Main", "serve", "--project",
            corpus.toString(), "--tdb2", db.toString(), "--port", Integer.toString(port)))) {
            String base = "http://localhost:" + port;
            awaitFirstAnswer(base + "/ftkg/sparql");
            row.put("ready s", String.format("%.1f", (System.nanoTime() - t0) / 1e9));
            // The timeline reads its order in the background from the start; until then it answers 503.
            awaitStatus200(base + "/timeline", 1000);
            row.put("timeline ready s", String.format("%.1f", (System.nanoTime() - t0) / 1e9));
            load(base + "/ftkg", sparqlRequests(slugs, requests / 4), 4); // warm-up, not measured
            load(base, pageRequests(slugs, requests / 8), 4);
            Stats page1 = load(base, pageRequests(slugs, requests / 4), 1);
            row.put("page p50 ms", fmt(page1.p50()));
            load(base, searchRequests(slugs, requests / 8), 4); // warm-up, not measured
            Stats search1 = load(base, searchRequests(slugs, requests / 4), 1);
            row.put("search p50/p99 ms", fmt(search1.p50()) + "/" + fmt(search1.p99()));
            // The views, one client: the first request of each (which reads what a view keeps) is in the warm-up.
            for (String view : List.of("/", "/timeline", "/network")) {
                load(base, viewRequests(view, slugs, requests / 40), 1); // warm-up, not measured
                Stats v = load(base, viewRequests(view, slugs, requests / 8), 1);
                row.put((view.equals("/") ? "home" : view.substring(1)) + " p50/p99 ms", fmt(v.p50()) + "/" + fmt(v.p99()));
            }
            for (int clients : new int[] { 1, 4, 16 }) {
                Stats s = load(base + "/ftkg", sparqlRequests(slugs, requests), clients);
                row.put("sparql p50/p99 ms @" + clients, fmt(s.p50()) + "/" + fmt(s.p99()));
                row.put("sparql q/s @" + clients, String.format("%.0f", s.throughput()));
            }
        }
        // Baseline: plain Fuseki on the same database, in its own JVM, measured the same way.
        int plainPort = freePort();
        if (baselines)
            try (Server plain = Server.start(javaCmd("2g", MeasuredRun.class.getName(), "plain-fuseki", db.toString(),
                Integer.toString(plainPort)))) {
                String base = "http://localhost:" + plainPort + "/plain";
                awaitFirstAnswer(base + "/sparql");
                load(base, sparqlRequests(slugs, requests / 4), 4); // warm-up, not measured
                Stats s = load(base, sparqlRequests(slugs, requests), 16);
                row.put("plain Fuseki q/s @16", String.format("%.0f", s.throughput()));
                double ftkgRate = Double.parseDouble(row.get("sparql q/s @16"));
                row.put("vs plain", String.format("%.2f", ftkgRate / s.throughput()));
            }
        System.out.println(row);
        return row;
    }

    /** The built-in corpus: server start to first answer (in-memory, from dist/). */
    static Map<String, String> builtInCorpus(Path project, Path dir) throws Exception {
        System.out.printf("%n== built-in corpus ==%n");
        Map<String, String> build = run("build (built-in corpus)", "2g", "ftkg", "build", "--project", project.toString());
        Map<String, String> row = new LinkedHashMap<>();
        row.put("facts", "built-in");
        row.put("build s", String.format("%.1f", Double.parseDouble(build.get("seconds"))));
        row.put("peak heap MiB", build.get("peakHeapMiB"));
        // Start-up, median of three, alternating with the baseline: plain Fuseki loading the same TriG into memory.
        List<Double> ftkg = new ArrayList<>(), plain = new ArrayList<>();
        Path trig = project.resolve("dist/ftkg.trig");
        for (int i = 0; i < 3; i++) {
            ftkg.add(secondsToFirstAnswer(javaCmd("1g", "org.w3id.ftkg.cli.Main", "serve", "--project", project.toString(),
                "--port", "%PORT%"), "/ftkg/sparql"));
            plain.add(secondsToFirstAnswer(javaCmd("1g", MeasuredRun.class.getName(), "plain-fuseki-trig", trig.toString(),
                "%PORT%"), "/plain/sparql"));
        }
        double ready = median(ftkg), plainReady = median(plain);
        System.out.printf("  ready: FTKG %s s, plain Fuseki on the same TriG %s s (medians of 3)%n", ftkg, plain);
        row.put("ready s", String.format("%.2f", ready));
        row.put("plain Fuseki ready s", String.format("%.2f", plainReady));
        row.put("ready vs plain", String.format("%.2f", ready / plainReady));
        System.out.println(row);
        return row;
    }

    /** Starts a server (its command with %PORT% for the port), waits for its first answer, stops it. */
    static double secondsToFirstAnswer(List<String> command, String path) throws Exception {
        String port = Integer.toString(freePort());
        long t0 = System.nanoTime();
        try (Server server = Server.start(command.stream().map(a -> a.replace("%PORT%", port)).toList())) {
            awaitFirstAnswer("http://localhost:" + port + path);
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    /** A server in its own JVM, its output discarded; closing stops it. */
    record Server(Process process) implements AutoCloseable {
        static Server start(List<String> command) throws IOException {
            return new Server(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    static double median(List<Double> xs) {
        List<Double> sorted = xs.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    record Req(String path, String accept, String query) {}

    record Stats(List<Long> micros, double seconds) {
        double p50() {
            return micros.get(micros.size() / 2) / 1000.0;
        }

        double p99() {
            return micros.get(Math.min(micros.size() - 1, (int) Math.ceil(micros.size() * 0.99) - 1)) / 1000.0;
        }

        double throughput() {
            return micros.size() / seconds;
        }
    }

    /** {@code n} requests, the {@code i}th made from {@code i} and a seeded generator: the same plan every run. */
    static List<Req> plan(long seed, int n, BiFunction<Random, Integer, Req> request) {
        Random r = new Random(seed);
        return IntStream.range(0, n).mapToObj(i -> request.apply(r, i)).toList();
    }

    static String pick(Random r, List<String> slugs) {
        return slugs.get(r.nextInt(slugs.size()));
    }

    static List<Req> pageRequests(List<String> slugs, int n) {
        return plan(7, n, (r, i) -> new Req("/id/" + pick(r, slugs), "text/turtle", null));
    }

    /** A view's page: home, the timeline's first page, or the network (one hop) around random entities. */
    static List<Req> viewRequests(String view, List<String> slugs, int n) {
        return plan(17, n, (r, i) -> new Req(view.equals("/network") ? "/network?center=" + pick(r, slugs) : view,
            "text/html", null));
    }

    /**
     * {@code /search} as people type: a whole name, the start of a name, a name with a letter
     * missing (a fuzzy match), one word of a name; the names are the entities' slugs as words.
     */
    static List<Req> searchRequests(List<String> slugs, int n) {
        return plan(13, n, (r, i) -> {
            String[] words = pick(r, slugs).split("-");
            String name = String.join(" ", words);
            String w = words[r.nextInt(words.length)];
            String q = switch (i % 4) {
                case 0 -> name;
                case 1 -> w.substring(0, Math.min(w.length(), 4));
                case 2 -> w.length() > 4 ? w.substring(0, 2) + w.substring(3) : name;
                default -> w;
            };
            return new Req("/search?format=json&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "application/json",
                null);
        });
    }

    /** Entity lookups, events at a place, and the provenance of an entity's statements. */
    static List<Req> sparqlRequests(List<String> slugs, int n) {
        return plan(11, n, (r, i) -> {
            String iri = "<https://w3id.org/ftkg/id/" + pick(r, slugs) + ">";
            String q = switch (i % 3) {
                case 0 -> PREFIXES + "SELECT ?p ?o WHERE { " + iri + " ?p ?o }";
                case 1 -> PREFIXES + "SELECT ?e ?label WHERE { ?e ftkg:place|ftkg:agent|ftkg:target " + iri + " ; rdfs:label ?label } LIMIT 50";
                default -> PREFIXES + "SELECT ?fact ?quote ?file WHERE { GRAPH ?fact { " + iri + " ?p ?o } "
                    + "?fact prov:value ?quote ; prov:wasDerivedFrom/dcterms:identifier ?file } LIMIT 20";
            };
            return new Req("/sparql", "application/sparql-results+json", q);
        });
    }

    static Stats load(String base, List<Req> plan, int clients) throws Exception {
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>(); // what failed, to say it
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++)
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
                    Req q = plan.get(i);
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + q.path())).header("Accept", q.accept())
                        .timeout(Duration.ofSeconds(60));
                    if (q.query() != null)
                        b.header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q.query(), StandardCharsets.UTF_8)));
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (res.statusCode() == 200)
                            lat.add((System.nanoTime() - s) / 1000);
                        else
                            failed.add(res.statusCode() + " " + q.path() + " after " + (System.nanoTime() - s) / 1_000_000 + " ms");
                    } catch (Exception e) {
                        failed.add(e + " " + q.path() + " after " + (System.nanoTime() - s) / 1_000_000 + " ms");
                    }
                }
            });
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!failed.isEmpty())
            System.out.printf("  %d failed requests at %d clients on %s, the first: %s%n", failed.size(), clients, base,
                failed.stream().limit(5).toList());
        return new Stats(lat.stream().sorted().toList(), seconds);
    }

    /** Polls a page until it answers 200, every {@code pollMillis}, for at most 30 minutes. */
    static void awaitStatus200(String url, long pollMillis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200)
                    return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(pollMillis);
        }
        throw new IllegalStateException(url + " never answered 200");
    }

    /** Waits for a SPARQL endpoint's first answer, polling often: start-up time is what is measured. */
    static void awaitFirstAnswer(String endpoint) throws Exception {
        awaitStatus200(endpoint + "?query=" + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8), 50);
    }

    /** Runs one MeasuredRun step in a fresh JVM with the given -Xmx; returns its RESULT fields. */
    static Map<String, String> run(String label, String xmx, String... args) throws Exception {
        List<String> cmd = javaCmd(xmx, MeasuredRun.class.getName(), args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, String> result = new LinkedHashMap<>();
        StringBuilder log = new StringBuilder();
        try (BufferedReader r = p.inputReader(StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null;) {
                if (line.startsWith("RESULT "))
                    for (String kv : line.substring(7).trim().split("\\s+"))
                        result.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                else if (log.length() < 20000)
                    log.append(line).append('\n');
            }
        }
        if (p.waitFor() != 0 || !result.containsKey("seconds"))
            throw new IllegalStateException(label + " failed:\n" + log);
        System.out.printf("  %-40s %8s s  heap %6s MiB  rss %6s MiB%n", label, result.get("seconds"), result.get("peakHeapMiB"),
            result.get("peakRssMiB"));
        return result;
    }

    /** The files whose bytes differ between two dump folders, or that only one of them has. */
    static List<String> differingFiles(Path a, Path b) throws IOException {
        Map<String, String> x = ReleaseFolder.digests(a), y = ReleaseFolder.digests(b);
        return Stream.concat(x.keySet().stream(), y.keySet().stream()).distinct().sorted()
            .filter(f -> !Objects.equals(x.get(f), y.get(f))).toList();
    }

    static List<String> javaCmd(String xmx, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + xmx, "-Dorg.slf4j.simpleLogger.log.org.apache.jena.fuseki.Fuseki=warn",
            "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static List<String> slugs(Path corpus) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus.resolve("data/entities"))) {
            for (Path f : files.sorted().toList())
                for (String line : Files.readAllLines(f))
                    if (line.startsWith("  - id: "))
                        out.add(line.substring(8).trim().split("\\s")[0]);
        }
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String fmt(double ms) {
        return ms < 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }

    static void printTable(List<Map<String, String>> rows) {
        Set<String> cols = new LinkedHashSet<>();
        rows.forEach(r -> cols.addAll(r.keySet()));
        System.out.println("| " + String.join(" | ", cols) + " |");
        System.out.println("|" + " --- |".repeat(cols.size()));
        for (Map<String, String> r : rows)
            System.out.println("| " + String.join(" | ", cols.stream().map(c -> r.getOrDefault(c, "")).toList())
                + " |");
    }
}

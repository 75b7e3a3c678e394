package org.w3id.ftkg.store;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.cli.Main;

/**
 * The persistent store: {@code build --tdb2} loads exactly the dumped quads, and a server on the
 * database that is killed with SIGKILL comes back with all its data.
 */
class Tdb2StoreTest {
    @TempDir
    Path tmp;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void buildLoadsEveryDumpedQuadIntoTheDatabase() throws Exception {
        TestProject p = TestProject.real(tmp);
        Path db = tmp.resolve("db");
        assertEquals(0, Main.run("build", "--project", p.dir().toString(), "--tdb2", db.toString()));
        DatasetGraph dumped = DatasetGraphFactory.createGeneral();
        try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(p.resolve("dist/ftkg.nq.gz")))) {
            RDFParser.source(in).lang(org.apache.jena.riot.Lang.NQUADS).parse(dumped);
        }
        DatasetGraph stored = Tdb2Store.open(db);
        long n = stored.calculateRead(() -> org.apache.jena.atlas.iterator.Iter.count(stored.find()));
        assertEquals(org.apache.jena.atlas.iterator.Iter.count(dumped.find()), n);
        assertTrue(stored.calculateRead(() -> stored.getDefaultGraph().size() > 0), "the default graph is the union");
        Tdb2Store.release(stored);
        // A second build replaces the database as a whole.
        assertEquals(0, Main.run("build", "--project", p.dir().toString(), "--tdb2", db.toString()));
    }

    @Test
    void bothBulkLoadersStoreTheSameQuads() throws Exception {
        TestProject p = TestProject.real(tmp);
        assertEquals(0, Main.run("build", "--project", p.dir().toString()));
        Path nq = p.resolve("dist/ftkg.nq.gz");
        long phased = Tdb2Store.load(nq, tmp.resolve("phased"), Tdb2Store.Loader.PHASED, m -> {});
        long xloader = Tdb2Store.load(nq, tmp.resolve("xloader"), Tdb2Store.Loader.XLOADER, m -> {});
        assertEquals(phased, xloader);
        DatasetGraph a = Tdb2Store.open(tmp.resolve("phased")), b = Tdb2Store.open(tmp.resolve("xloader"));
        try {
            var qa = a.calculateRead(() -> org.apache.jena.atlas.iterator.Iter.toSet(a.find()));
            var qb = b.calculateRead(() -> org.apache.jena.atlas.iterator.Iter.toSet(b.find()));
            assertEquals(phased, qa.size());
            assertEquals(qa, qb);
        } finally {
            Tdb2Store.release(a);
            Tdb2Store.release(b);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Process serve(Path project, Path db, int port) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            System.getProperty("java.class.path"), Main.class.getName(), "serve", "--project", project.toString(),
            "--tdb2", db.toString(), "--port", Integer.toString(port))
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    static String count(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ftkg/sparql?query="
                        + URLEncoder.encode("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", StandardCharsets.UTF_8)))
                    .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200)
                    return r.body().trim();
            } catch (IOException notYet) {
                // the server is still starting
            }
            if (System.nanoTime() > deadline)
                throw new AssertionError("the server did not answer within 60 s");
            Thread.sleep(200);
        }
    }

    @Test
    void aServerKilledWithSigkillRestartsWithAllItsData() throws Exception {
        TestProject p = TestProject.real(tmp);
        Path db = tmp.resolve("db");
        assertEquals(0, Main.run("build", "--project", p.dir().toString(), "--tdb2", db.toString()));
        int port = freePort();
        Process first = serve(p.dir(), db, port);
        String before;
        try {
            before = count(port);
            assertTrue(before.matches("n\\s+\\d+"), before);
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks, no clean close
        }
        Process second = serve(p.dir(), db, port);
        try {
            assertEquals(before, count(port), "every quad is still there");
            var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/id/sinaloa-cartel")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Sinaloa Cartel"));
            // The killed server's Lucene lock on the text index does not outlive it.
            var search = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/search?format=json&q=chapo")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, search.statusCode(), search.body());
            assertTrue(search.body().contains("joaquin-guzman"), search.body());
        } finally {
            second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}

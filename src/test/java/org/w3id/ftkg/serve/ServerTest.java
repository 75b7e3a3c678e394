package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Base64;
import java.util.List;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;

/** The server over real HTTP on a free loopback port: endpoints, formats, conneg, limits and refusals. */
class ServerTest {
    @TempDir
    static Path tmp;
    static FtkgServer server;
    static TestProject project;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String MARKUP = "Evil <script>alert('x')</script> & \"quotes\" \u202Eabc";

    @BeforeAll
    static void start() {
        project = TestProject.fixture(tmp, "mini")
            .edit(TestProject.MINI_ENTITIES, s -> s + "  - id: markup-test\n    type: Person\n    label: \"" + MARKUP.replace("\"", "\\\"") + "\"\n"
                + "    aliases: [\"<b>bold</b>\", \"'; DROP TABLE\"]\n").built();
        server = FtkgServer.start(ServerSettings.builder(project.dir()).port(0).timeout(1500L)
            .serviceAllowList(List.of("http://127.0.0.1:9/allowed-but-down/sparql"))
            .update(new ServerSettings.Credentials("editor", "correct-horse-battery")).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        return Requests.get(server.baseUrl(), path, headers);
    }

    static HttpResponse<String> query(String q, String accept) throws Exception {
        return get("/ftkg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "Accept", accept);
    }

    static final String COUNT = "SELECT ?type (COUNT(*) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY ?type";

    @Test
    void selectResultsComeInEveryFormat() throws Exception {
        var json = query(COUNT, "application/sparql-results+json");
        assertEquals(200, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        assertTrue(json.body().contains("\"bindings\""));
        var xml = query(COUNT, "application/sparql-results+xml");
        assertEquals(200, xml.statusCode());
        assertTrue(xml.body().contains("<sparql"));
        var csv = query(COUNT, "text/csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("type,n"));
        var tsv = query(COUNT, "text/tab-separated-values");
        assertEquals(200, tsv.statusCode());
        assertTrue(tsv.body().startsWith("?type\t?n"));
    }

    @Test
    void theDefaultGraphIsTheUnionOfTheFactGraphs() throws Exception {
        var r = query("ASK { <https://w3id.org/ftkg/id/caro-quintero-release-2013> a <https://w3id.org/ftkg/ontology#Release> }",
            "application/sparql-results+json");
        assertTrue(r.body().contains("true"), r.body());
    }

    @Test
    void constructResultsComeAsTurtleAndJsonLd() throws Exception {
        String q = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/ftkg/fact/004-extradition-of-29> { ?s ?p ?o } }";
        var ttl = query(q, "text/turtle");
        assertEquals(200, ttl.statusCode());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(ttl.body(), Lang.TURTLE).parse(m);
        assertFalse(m.isEmpty());
        var jsonld = query(q, "application/ld+json");
        assertEquals(200, jsonld.statusCode());
        assertTrue(jsonld.body().contains("@"));
    }

    @Test
    void graphStoreReadsServeNamedGraphs() throws Exception {
        var r = get("/ftkg/get?graph=" + URLEncoder.encode("https://w3id.org/ftkg/fact/004-extradition-of-29", StandardCharsets.UTF_8),
            "Accept", "application/n-triples");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<https://w3id.org/ftkg/id/mexico-extradition-of-29-operatives>"));
    }

    @Test
    void linkedDataIrisNegotiateContentAndVaryOnAccept() throws Exception {
        var html = get("/id/rafael-caro-quintero", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("Accept", html.headers().firstValue("Vary").orElse(""));
        assertTrue(html.body().contains("Rafael Caro Quintero"));
        assertTrue(html.body().contains("served 28 years in prison"), "the evidence quote is shown");

        var ttl = get("/id/rafael-caro-quintero", "Accept", "text/turtle");
        assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        assertEquals("Accept", ttl.headers().firstValue("Vary").orElse(""));
        var jsonld = get("/id/rafael-caro-quintero", "Accept", "application/ld+json");
        assertTrue(jsonld.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        var nt = get("/fact/004-extradition-of-29.nt");
        assertTrue(nt.headers().firstValue("Content-Type").orElse("").startsWith("application/n-triples"));
        assertTrue(nt.body().contains("http://www.w3.org/ns/oa#exact"), "a fact's RDF carries its provenance");
        var src = get("/source/004_40da1574111b49b3.ttl");
        assertEquals(200, src.statusCode());
        var any = get("/id/rafael-caro-quintero", "Accept", "*/*");
        assertTrue(any.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), "machines get RDF");
    }

    @Test
    void unknownIrisAre404() throws Exception {
        assertEquals(404, get("/id/no-such-thing").statusCode());
        assertEquals(404, get("/fact/no-such-fact", "Accept", "text/html").statusCode());
        assertEquals(404, get("/source/nope").statusCode());
        assertEquals(404, get("/no/such/route").statusCode());
    }

    @Test
    void theSourcePageHighlightsEveryQuotedPassage() throws Exception {
        var r = get("/source/004_40da1574111b49b3", "Accept", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("href=\"/fact/004-extradition-of-29\""));
        assertTrue(r.body().contains("class=\"quote\""));
        assertEquals(Files.readString(project.resolve("seeds/004_40da1574111b49b3.txt")),
            get("/source/004_40da1574111b49b3.txt").body(), "the plain text is the seed, byte for byte");
    }

    @Test
    void updatesAreRefusedWithoutOrWithWrongCredentials() throws Exception {
        String body = "update=" + URLEncoder.encode("INSERT DATA { <urn:a> <urn:b> <urn:c> }", StandardCharsets.UTF_8);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ftkg/update"))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        assertEquals(401, http.send(req.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        String wrong = Base64.getEncoder().encodeToString("editor:wrong-password-123".getBytes());
        assertEquals(401, http.send(req.copy().header("Authorization", "Basic " + wrong).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode());
        // The query endpoints accept no updates at all.
        var viaQuery = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ftkg/sparql"))
            .header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:a> <urn:b> <urn:c> }")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertTrue(viaQuery.statusCode() >= 400, "update via the query endpoint: " + viaQuery.statusCode());
        var gspPut = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ftkg/get?default"))
            .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertTrue(gspPut.statusCode() >= 400, "GSP write: " + gspPut.statusCode());
        assertTrue(query("ASK { <urn:a> ?p ?o }", "application/sparql-results+json").body().contains("false"));
    }

    @Test
    void anUpdateWithTheRightCredentialsIsAccepted() throws Exception {
        String ok = Base64.getEncoder().encodeToString("editor:correct-horse-battery".getBytes());
        var r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ftkg/update"))
            .header("Content-Type", "application/sparql-update").header("Authorization", "Basic " + ok)
            .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <urn:scratch> { <urn:x> <urn:y> <urn:z> } }")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.statusCode() + " " + r.body());
    }

    @Test
    void aHeavyQueryTimesOutCleanly() throws Exception {
        long t0 = System.nanoTime();
        // Counting a four-way cross product writes nothing while it runs, so only the timeout can end it
        // (listing the rows would meet the result cap first on a fast machine: 413, tested elsewhere).
        var r = query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
            "application/sparql-results+json");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(503, r.statusCode(), r.body().substring(0, Math.min(300, r.body().length())));
        assertTrue(r.body().contains("timed out"), r.body());
        assertTrue(ms < 15_000, "answered in " + ms + " ms");
        assertEquals(200, query(COUNT, "application/sparql-results+json").statusCode(), "the server still answers");
    }

    @Test
    void serviceOutsideTheAllowListIsRefused() throws Exception {
        var r = query("SELECT * WHERE { SERVICE <http://169.254.169.254/latest/sparql> { ?s ?p ?o } }",
            "application/sparql-results+json");
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("not allowed"), r.body());
        var loop = query("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", "application/sparql-results+json");
        assertEquals(422, loop.statusCode());
    }

    @Test
    void corsHeadersAllowBrowserQueriesFromAnyOrigin() throws Exception {
        var r = get("/ftkg/sparql?query=" + URLEncoder.encode(COUNT, StandardCharsets.UTF_8),
            "Origin", "https://example.org", "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isPresent(), r.headers().map().toString());
        var pre = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ftkg/sparql"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://example.org")
            .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(pre.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"), pre.headers().map().toString());
    }

    @Test
    void dumpsDownloadWithTheirChecksumAndMediaType() throws Exception {
        var sums = get("/dumps/SHA256SUMS").body();
        for (String line : sums.split("\n")) {
            String[] parts = line.split("  ");
            var r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/dumps/" + parts[1])).build(),
                HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), parts[1]);
            assertEquals(parts[0], DigestUtils.sha256Hex(r.body()), parts[1]);
        }
        assertTrue(get("/dumps/ftkg.trig").headers().firstValue("Content-Type").orElse("").startsWith("application/trig"));
        assertTrue(get("/dumps/ftkg.ttl").headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        var v = get("/.well-known/void");
        assertEquals(200, v.statusCode());
        assertTrue(v.body().contains("void:Dataset") || v.body().contains("rdfs.org/ns/void#Dataset"));
    }

    @Test
    void everyDataValueIsEscapedInHtml() throws Exception {
        var r = get("/id/markup-test", "Accept", "text/html");
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("<script>alert"), "raw markup from the data never reaches the page");
        assertFalse(r.body().contains("<b>bold</b>"));
        // Escaped for where it stands (jte knows text from attributes): in text, < > and & become entities.
        assertTrue(r.body().contains("<h1>Evil &lt;script&gt;alert('x')&lt;/script&gt; &amp; \"quotes\" \u202Eabc</h1>"), r.body());
        assertTrue(r.body().contains("&lt;b&gt;bold&lt;/b&gt;"), "aliases too");
        assertTrue(r.body().contains("\u202Eabc"), "RTL text is kept as text");
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("charset=utf-8"));
    }

    @Test
    void fileRoutesCannotLeaveTheirFolder() throws Exception {
        for (String p : List.of("/dumps/../pom.xml", "/dumps/..%2f..%2fetc%2fpasswd", "/dumps/%2e%2e/%2e%2e/etc/passwd",
            "/dumps/..%252f..%252fetc%252fpasswd", "/dumps/sources/../../seeds/SHA256SUMS", "/dumps//etc/passwd",
            "/dumps/%5c..%5cpom.xml", "/static/../ftkg.css", "/static/..%2fstatic%2fftkg.css",
            "/source/..%2f..%2fpom.xml", "/source/../seeds/SHA256SUMS", "/id/..%2fdata")) {
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + p)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IllegalArgumentException e) {
                continue; // the client itself refuses to send it
            }
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, p + " -> " + r.statusCode());
            assertFalse(r.body().contains("root:") || r.body().contains("<project"), p);
        }
    }

    @Test
    void pagesForPeopleAreThere() throws Exception {
        var home = get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Fentanyl Trafficking Knowledge Graph"));
        assertTrue(home.body().contains("/sparql"));
        var q = get("/sparql");
        assertEquals(200, q.statusCode());
        assertTrue(q.body().contains("provenance-of-triple.rq"), "the example queries are offered");
        assertEquals(200, get("/static/query.js").statusCode());
    }

    @Test
    void withoutABuildTheServerSaysHowToBuildAndDoesNotStart() {
        TestProject unbuilt = TestProject.fixture(tmp.resolve("unbuilt"), "mini");
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.w3id.ftkg.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter(), true),
            new java.io.PrintWriter(err, true), "serve", "--port", "0", "--project", unbuilt.dir().toString());
        assertEquals(org.w3id.ftkg.cli.Main.USAGE, code);
        assertTrue(err.toString().contains("ftkg.jar build"), err::toString);
        assertFalse(Files.exists(unbuilt.resolve("dist")), "the server never builds");
    }
}

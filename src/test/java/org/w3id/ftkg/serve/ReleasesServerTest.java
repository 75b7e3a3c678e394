package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.ftkg.release.TwoReleases.ADDED;
import static org.w3id.ftkg.release.TwoReleases.CHANGED;
import static org.w3id.ftkg.release.TwoReleases.NEW_QUOTE;
import static org.w3id.ftkg.release.TwoReleases.OLD_QUOTE;
import static org.w3id.ftkg.release.TwoReleases.REMOVED;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.release.TwoReleases;

/**
 * A server holding two releases of the mini corpus (made by the release command; between them
 * one fact added, one changed, one removed): the newest at the default routes, each read-only
 * under /v/VERSION/, both listed with their diff at /releases/, a removed fact's IRI answering
 * 410 Gone with a link to the last release that had it, and every page naming its release.
 */
class ReleasesServerTest {
    @TempDir
    static Path tmp;
    static TwoReleases two;
    static FtkgServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String PREFIX = "PREFIX prov: <http://www.w3.org/ns/prov#> ";

    @BeforeAll
    static void start() {
        two = TwoReleases.make(tmp);
        server = FtkgServer.start(ServerSettings.builder(two.project().dir()).port(0).releases(two.releases()).build());
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.close();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        return Requests.get(server.baseUrl(), path, "Accept", accept);
    }

    static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** The values of {@code ?q} a SELECT gives at an endpoint. */
    static List<String> select(String endpoint, String query) throws Exception {
        var r = get(endpoint + "?query=" + URLEncoder.encode(PREFIX + query, StandardCharsets.UTF_8), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        List<String> out = new ArrayList<>();
        JSON.parse(r.body()).getObj("results").get("bindings").getAsArray()
            .forEach(b -> out.add(b.getAsObject().getObj("q").getString("value")));
        return out;
    }

    static boolean ask(String endpoint, String query) throws Exception {
        var r = get(endpoint + "?query=" + URLEncoder.encode(PREFIX + query, StandardCharsets.UTF_8), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body()).get("boolean").getAsBoolean().value();
    }

    static String quoteOf(String fact) {
        return "SELECT ?q WHERE { <" + Iris.FACT + fact + "> prov:value ?q }";
    }

    static String inGraph(String fact) {
        return "ASK { GRAPH <" + Iris.FACT + fact + "> { ?s ?p ?o } }";
    }

    @Test
    void aQueryPinnedToTheOldReleaseGetsTheOldAnswerAndTheDefaultEndpointTheNewOne() throws Exception {
        assertEquals(List.of(OLD_QUOTE), select("/v/1.0/ftkg/sparql", quoteOf(CHANGED)));
        assertEquals(List.of(OLD_QUOTE), select("/v/1.0/ftkg/query", quoteOf(CHANGED)));
        assertEquals(List.of(NEW_QUOTE), select("/ftkg/sparql", quoteOf(CHANGED)));
        assertEquals(List.of(NEW_QUOTE), select("/v/2.0/ftkg/sparql", quoteOf(CHANGED)));
        assertTrue(ask("/v/1.0/ftkg/sparql", inGraph(REMOVED)));
        assertFalse(ask("/ftkg/sparql", inGraph(REMOVED)));
        assertFalse(ask("/v/1.0/ftkg/sparql", inGraph(ADDED)));
        assertTrue(ask("/ftkg/sparql", inGraph(ADDED)));
    }

    @Test
    void theRemovedFactsIriAnswers410WithALinkToTheLastReleaseThatHadIt() throws Exception {
        var html = get("/fact/" + REMOVED, "text/html");
        assertEquals(410, html.statusCode(), html.body());
        assertTrue(html.body().contains("<a id=\"last-release\" href=\"/v/1.0/fact/" + REMOVED + "\">"), html.body());
        assertTrue(html.body().contains("FTKG release 1.0"), html.body());
        assertEquals("</v/1.0/fact/" + REMOVED + ">; rel=\"alternate\"", html.headers().firstValue("Link").orElse(""));

        var rdf = get("/fact/" + REMOVED, "text/turtle");
        assertEquals(410, rdf.statusCode(), rdf.body());
        Graph g = RDFParser.fromString(rdf.body(), Lang.TURTLE).toGraph();
        var fact = NodeFactory.createURI(Iris.FACT + REMOVED);
        assertTrue(g.contains(fact, RDFS.seeAlso.asNode(), NodeFactory.createURI(server.baseUrl() + "/v/1.0/fact/" + REMOVED)), rdf.body());
        assertTrue(g.contains(fact, Iris.uri("http://purl.org/dc/terms/isPartOf"), Iris.uri("https://w3id.org/ftkg/release/1.0")), rdf.body());

        // The link leads to the fact as release 1.0 has it; a fact no release ever had is simply not found.
        var there = get("/v/1.0/fact/" + REMOVED, "text/html");
        assertEquals(200, there.statusCode());
        assertTrue(there.body().contains("<h1>Fact " + REMOVED + "</h1>"), there.body());
        assertEquals(404, get("/fact/never-a-fact", "text/html").statusCode());
        assertEquals(200, get("/fact/" + CHANGED, "text/html").statusCode());
    }

    @Test
    void releasesListsBothReleasesWithTheirDescriptionsAndTheDiff() throws Exception {
        var list = get("/releases/", "text/html");
        assertEquals(200, list.statusCode());
        String page = list.body();
        assertTrue(page.contains("<h2>Release 2.0 (current)</h2>") && page.contains("<h2>Release 1.0</h2>"), page);
        assertTrue(page.indexOf("Release 2.0") < page.indexOf("Release 1.0"), "newest first");
        assertTrue(page.contains("<a class=\"changes\" href=\"/releases/2.0/changes\">since 1.0: 1 added, 1 removed, 1 changed</a>"), page);
        assertTrue(page.contains("<code>/v/1.0/ftkg/sparql</code>"), page);

        String changes = get("/releases/2.0/changes", "text/html").body();
        assertEquals(List.of(ADDED), ids(changes, "changes-added"));
        assertEquals(List.of(REMOVED), ids(changes, "changes-removed"));
        Matcher changed = Pattern.compile("<h3 class=\"changed-fact\"><a href=\"([^\"]+)\"><code>([^<]+)</code>").matcher(changes);
        assertTrue(changed.find(), changes);
        assertEquals(CHANGED, changed.group(2));
        assertFalse(changed.find(), "one changed fact");
        assertTrue(changes.contains("<td>" + OLD_QUOTE + "</td><td>" + NEW_QUOTE + "</td>"), changes);

        var description = get("/releases/1.0/release.ttl", "text/turtle");
        assertEquals(200, description.statusCode());
        Graph d = RDFParser.fromString(description.body(), Lang.TURTLE).toGraph();
        assertTrue(d.contains(Iris.uri("https://w3id.org/ftkg/release/1.0"), Iris.uri("http://www.w3.org/ns/dcat#version"),
            NodeFactory.createLiteralString("1.0")));
        assertTrue(get("/releases/2.0/CHANGELOG.md", "*/*").body().contains("`" + REMOVED + "`"));
        // Only a release's own files, by their names: nothing else of the folder, nothing outside it.
        assertEquals(404, get("/releases/2.0/inputs.sha256", "*/*").statusCode());
        assertEquals(404, get("/releases/1.0/changes", "text/html").statusCode(), "the first release has no diff");
        assertTrue(get("/releases/2.0/..%2F..%2Fpom.xml", "*/*").statusCode() >= 400);
        assertEquals(404, get("/releases/3.0/release.ttl", "*/*").statusCode());
    }

    private static List<String> ids(String html, String listClass) {
        String ul = html.substring(html.indexOf("<ul class=\"" + listClass + "\">"));
        ul = ul.substring(0, ul.indexOf("</ul>"));
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<code>([^<]+)</code></a>").matcher(ul);
        while (m.find())
            out.add(m.group(1));
        return out;
    }

    @Test
    void anOldReleasesIdsDereferenceFromItsOwnData() throws Exception {
        var rdf = get("/v/1.0/id/guadalajara-cartel", "text/turtle");
        assertEquals(200, rdf.statusCode(), rdf.body());
        Graph g = RDFParser.fromString(rdf.body(), Lang.TURTLE).toGraph();
        assertTrue(g.contains(Iris.uri(Iris.ID + "guadalajara-cartel"), RDFS.label.asNode(), org.apache.jena.graph.Node.ANY), rdf.body());
        var html = get("/v/1.0/id/guadalajara-cartel", "text/html");
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("FTKG release 1.0"), "the page names its release");
        // Its links stay in release 1.0.
        assertTrue(html.body().contains("href=\"/v/1.0/fact/" + REMOVED + "\""), html.body());
        assertFalse(html.body().contains("href=\"/fact/"), html.body());
        assertEquals(404, get("/v/1.0/fact/" + ADDED, "text/html").statusCode(), "release 1.0 does not have the added fact");
        assertEquals(404, get("/v/9.9/id/guadalajara-cartel", "text/html").statusCode());
    }

    @Test
    void everyPageShowsTheReleaseItComesFrom() throws Exception {
        for (String path : List.of("/", "/sparql", "/sources", "/timeline", "/network", "/dumps/", "/releases/",
            "/releases/2.0/changes", "/fact/" + CHANGED, "/id/guadalajara-cartel", "/search?q=cartel")) {
            var r = get(path, "text/html");
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.body().contains("Data: <a href=\"/releases/\">FTKG release 2.0 (issued "), path + "\n" + r.body());
        }
        for (String path : List.of("/v/1.0/sparql", "/v/1.0/fact/" + CHANGED, "/v/1.0/id/guadalajara-cartel")) {
            var r = get(path, "text/html");
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.body().contains("Data: <a href=\"/releases/\">FTKG release 1.0 (issued "), path + "\n" + r.body());
        }
    }

    @Test
    void aServerWithoutReleasesSaysItsDataIsAnUnreleasedBuild(@TempDir Path other) throws Exception {
        Path project = org.w3id.ftkg.TestProject.fixture(other, "mini").dir();
        assertEquals(0, TwoReleases.ftkg("build", "--project", project.toString()).code());
        try (FtkgServer plain = FtkgServer.start(ServerSettings.builder(project).port(0).build())) {
            for (String path : List.of("/", "/sparql", "/releases/")) {
                var r = Requests.get(plain.baseUrl(), path, "Accept", "text/html");
                assertEquals(200, r.statusCode(), path);
                assertTrue(r.body().contains("Data: unreleased build ("), path + "\n" + r.body());
            }
            assertTrue(Requests.get(plain.baseUrl(), "/sparql", "Accept", "text/html").body().contains("data-share=\"/sparql\""));
        }
    }

    @Test
    void theQueryPagesShareLinkNamesTheRelease() throws Exception {
        String current = get("/sparql", "text/html").body();
        assertTrue(current.contains("data-endpoint=\"/ftkg/sparql\" data-share=\"/v/2.0/sparql\""), current);
        assertTrue(current.contains("<a id=\"share-link\" href=\"/v/2.0/sparql\">"), current);
        String old = get("/v/1.0/sparql?query=" + URLEncoder.encode("SELECT * {}", StandardCharsets.UTF_8), "text/html").body();
        assertTrue(old.contains("data-endpoint=\"/v/1.0/ftkg/sparql\" data-share=\"/v/1.0/sparql\""), old);
        assertTrue(old.contains("action=\"/v/1.0/ftkg/sparql\"") && old.contains(">SELECT * {}</textarea>"), old);
        var prefixes = get("/v/1.0/sparql/prefixes.json", "application/json");
        assertEquals(200, prefixes.statusCode());
    }

    @Test
    void olderReleasesRefuseUpdatesAndKeepTheEndpointsDefences() throws Exception {
        String insert = "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }";
        for (String v : List.of("1.0", "2.0")) {
            String ds = "/v/" + v + "/ftkg";
            for (String path : List.of(ds + "/update", ds, ds + "/sparql")) {
                var r = post(path, "application/sparql-update", insert);
                assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, path + " -> " + r.statusCode());
            }
            var gsp = post(ds + "/data?default", "text/turtle", "<urn:x:s> <urn:x:p> <urn:x:o> .");
            assertTrue(gsp.statusCode() >= 400 && gsp.statusCode() < 500, "graph store -> " + gsp.statusCode());
            assertFalse(ask(ds + "/sparql", "ASK { <urn:x:s> ?p ?o }"), v);
            // SERVICE reaches only the allow-list, as on the main endpoint.
            var service = get(ds + "/sparql?query=" + URLEncoder.encode("SELECT * WHERE { SERVICE <http://10.0.0.1/sparql> { ?s ?p ?o } }",
                StandardCharsets.UTF_8), "application/sparql-results+json");
            assertEquals(422, service.statusCode(), service.body());
        }
    }
}

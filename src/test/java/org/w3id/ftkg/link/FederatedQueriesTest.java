package org.w3id.ftkg.link;

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
import java.util.List;

import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.cli.Main;
import org.w3id.ftkg.serve.FtkgServer;
import org.w3id.ftkg.serve.ServerSettings;
import org.w3id.ftkg.serve.ServiceAllowList;

/**
 * The federated example queries of queries/, sent to FTKG's own endpoint over HTTP on the built-in
 * corpus, with the allow-list pointing at a local stand-in for Wikidata: the SERVICE IRI of each
 * file is the only thing rewritten.
 */
class FederatedQueriesTest {
    @TempDir
    static Path tmp;
    static WikidataFixture wd;
    static FtkgServer server;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        wd = new WikidataFixture();
        TestProject project = TestProject.real(tmp).built();
        assertEquals(0, Main.run(new String[] {"build", "--project", project.dir().toString()}));
        server = FtkgServer.start(ServerSettings.builder(project.dir()).port(0)
            .serviceAllowList(List.of(wd.endpoint())).build());
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.close();
        wd.close();
    }

    /** Runs a file of queries/ through FTKG with its SERVICE pointed at the fixture; rows as "a | b | c". */
    static List<String> run(String file, String... vars) throws Exception {
        String q = Files.readString(TestProject.ROOT.resolve("queries").resolve(file))
            .replace("<" + ServiceAllowList.WIKIDATA + ">", "<" + wd.endpoint() + ">");
        var res = post(q);
        assertEquals(200, res.statusCode(), res.body());
        List<String> rows = new ArrayList<>();
        ResultSet rs = ResultSetMgr.read(new java.io.ByteArrayInputStream(res.body().getBytes(StandardCharsets.UTF_8)),
            ResultSetLang.RS_JSON);
        rs.forEachRemaining(b -> {
            List<String> cells = new ArrayList<>();
            for (String v : vars) {
                RDFNode n = b.get(v);
                cells.add(n == null ? "" : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
            }
            rows.add(String.join(" | ", cells));
        });
        return rows;
    }

    static HttpResponse<String> post(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ftkg/sparql"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/sparql-results+json")
            .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyLinkedSubstanceGetsItsInstanceOfClassFromWikidata() throws Exception {
        assertEquals(List.of(
                "cocaine | http://www.wikidata.org/entity/Q41576 | chemical compound",
                "fentanyl | http://www.wikidata.org/entity/Q407541 | chemical compound",
                "heroin | http://www.wikidata.org/entity/Q60168 | chemical compound",
                "methamphetamine | http://www.wikidata.org/entity/Q191924 | chemical compound",
                "opioid | http://www.wikidata.org/entity/Q427523 | drug"),
            run("cq24-substance-classes-federated.rq", "label", "wikidata", "classLabel"));
    }

    @Test
    void theCountryOfEachSeizurePlaceComesFromWikidata() throws Exception {
        List<String> rows = run("federated-seizure-place-country.rq", "place", "wikidata", "countryLabel");
        assertTrue(rows.contains("https://w3id.org/ftkg/id/sinaloa | http://www.wikidata.org/entity/Q80252 | Mexico"), rows.toString());
    }

    @Test
    void linkedPeopleInEventsGetBirthDateAndCitizenship() throws Exception {
        List<String> rows = run("federated-people-birth-citizenship.rq", "name", "born", "citizenOfLabel");
        assertTrue(rows.contains("Andrés Manuel López Obrador | 1953-11-13T00:00:00Z | Mexico"), rows.toString());
        assertTrue(rows.contains("Joe Biden | 1942-11-20T00:00:00Z | United States"), rows.toString());
        assertTrue(rows.contains("Donald Trump | 1946-06-14T00:00:00Z | United States"), rows.toString());
    }

    @Test
    void theRealWikidataEndpointIsRefusedWhenNotOnThisServersAllowList() throws Exception {
        String q = Files.readString(TestProject.ROOT.resolve("queries/cq24-substance-classes-federated.rq"));
        var res = post(q);
        assertEquals(422, res.statusCode());
        assertTrue(res.body().contains("not allowed"), res.body());
        int before = wd.requests.get();
        assertEquals(422, post(q.replace("<" + ServiceAllowList.WIKIDATA + ">", "<http://127.0.0.1:1/sparql>")).statusCode());
        assertEquals(before, wd.requests.get(), "a refused SERVICE call makes no request");
    }
}

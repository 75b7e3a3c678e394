package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;

/**
 * {@code /search} on the built-in corpus, over real HTTP on a free loopback port: what a
 * researcher types (nicknames, misspellings, no accents, prefixes, Spanish names) finds the
 * right things, in a sensible order, as JSON or as a page; hostile input never gets a 500.
 */
class SearchRouteTest {
    @TempDir
    static Path tmp;
    static FtkgServer server;
    static final String MARKUP = "Evil <script>alert('x')</script> & \"quotes\"";

    @BeforeAll
    static void start() {
        // The built-in corpus, and one entity whose names and description are markup.
        TestProject project = TestProject.real(tmp).edit("data/entities/entities.yaml", s -> s
            + "  - id: markup-test\n    type: Person\n    label: \"" + MARKUP.replace("\"", "\\\"") + "\"\n"
            + "    aliases: [\"<b>Evil bold</b>\"]\n    wikidata_note: \"a test\"\n"
            + "    description: \"Evil <img src=x onerror=alert(1)>\"\n");
        server = FtkgServer.start(ServerSettings.builder(project.built().dir()).port(0).build());
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        return Requests.get(server.baseUrl(), path, headers);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The results of a JSON search, in order. */
    static List<JsonObject> search(String q) throws Exception {
        HttpResponse<String> res = get("/search?q=" + enc(q), "Accept", "application/json");
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject body = JSON.parse(res.body());
        assertEquals(q, body.getObj("searchinfo").getString("search"));
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue v : body.get("search").getAsArray())
            out.add(v.getAsObject());
        return out;
    }

    static List<String> ids(List<JsonObject> results) {
        return results.stream().map(o -> o.getString("id")).toList();
    }

    @Test
    void aNicknameFindsThePerson() throws Exception {
        List<JsonObject> r = search("Chapo");
        assertEquals("joaquin-guzman", r.get(0).getString("id"), ids(r).toString());
        JsonObject first = r.get(0);
        assertEquals("https://w3id.org/ftkg/id/joaquin-guzman", first.getString("concepturi"));
        assertEquals("/id/joaquin-guzman", first.getString("url"));
        assertEquals("Joaquín Guzmán", first.getString("label"));
        assertEquals("https://w3id.org/ftkg/ontology#Person", first.getObj("type").getString("id"));
        assertEquals("alias", first.getObj("match").getString("type"));
        assertEquals("El Chapo", first.getObj("match").getString("text"));
    }

    @Test
    void anOrganizationsFullNameFindsItsAcronym() throws Exception {
        List<JsonObject> r = search("National Public Radio");
        assertEquals("npr", r.get(0).getString("id"), ids(r).toString());
        assertEquals("NPR", r.get(0).getString("label"));
        assertEquals("alias", r.get(0).getObj("match").getString("type"));
        String q = """
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?s WHERE { (?s ?score ?name) text:query (rdfs:label skos:altLabel "national public radio") }""";
        String body = get("/ftkg/sparql?query=" + enc(q), "Accept", "text/csv").body();
        assertTrue(body.contains("https://w3id.org/ftkg/id/npr"), body);
    }

    @Test
    void aMisspellingFromTheSourcesFindsBothInzunzas() throws Exception {
        List<String> ids = ids(search("Inunza"));
        assertEquals("pedro-inzunza-noriega", ids.get(0), ids.toString());
        assertTrue(ids.contains("pedro-inzunza-coronel"), ids.toString());
    }

    @Test
    void accentsAndCaseDoNotMatter() throws Exception {
        List<JsonObject> r = search("guzman");
        assertEquals("joaquin-guzman", r.get(0).getString("id"), ids(r).toString());
        assertEquals("exact", r.get(0).getObj("match").getString("kind"));
        assertEquals(ids(r), ids(search("GUZMÁN")));
        assertEquals("joaquin-guzman", search("joaquin guzman").get(0).getString("id"));
    }

    @Test
    void aPrefixFindsTheCartel() throws Exception {
        List<JsonObject> r = search("Sina");
        assertTrue(ids(r).contains("sinaloa-cartel"), ids(r).toString());
        JsonObject cartel = r.get(ids(r).indexOf("sinaloa-cartel"));
        assertEquals("prefix", cartel.getObj("match").getString("kind"));
        assertEquals("sinaloa-cartel", search("sinaloa cart").get(0).getString("id"));
    }

    @Test
    void aTypingErrorStillFindsTheCartel() throws Exception {
        List<JsonObject> r = search("Sinalao Cartle");
        assertEquals("sinaloa-cartel", r.get(0).getString("id"), ids(r).toString());
        assertEquals("fuzzy", r.get(0).getObj("match").getString("kind"));
    }

    @Test
    void spanishNamesAreFound() throws Exception {
        List<JsonObject> r = search("cartel de sinaloa");
        JsonObject first = r.get(0);
        assertEquals("sinaloa-cartel", first.getString("id"), ids(r).toString());
        assertEquals("Cártel de Sinaloa", first.getObj("match").getString("text"));
        assertEquals("es", first.getObj("match").getString("language"));
        assertEquals("exact", first.getObj("match").getString("kind"));
        assertEquals("Sinaloa Cartel", first.getString("label"), "the label shown is the English one");
    }

    @Test
    void anExactLabelRanksBeforeAnAliasBeforeAFuzzyMatch() throws Exception {
        // "Guzmán" is an alias of Joaquín Guzmán and a word of "Ovidio Guzmán López"'s label;
        // "Guzmen" is only close to both.
        List<JsonObject> r = search("Guzmán");
        List<String> ids = ids(r);
        assertEquals("joaquin-guzman", ids.get(0));
        assertTrue(ids.indexOf("joaquin-guzman") < ids.indexOf("ovidio-guzman-lopez"), ids.toString());
        List<String> kinds = r.stream().map(o -> o.getObj("match").getString("kind")).toList();
        List<String> order = List.of("exact", "words", "prefix", "fuzzy");
        for (int i = 1; i < kinds.size(); i++)
            assertTrue(order.indexOf(kinds.get(i - 1)) <= order.indexOf(kinds.get(i)), kinds.toString());
        // An exact label before an exact alias: "Mexico" is a country's label, and others' alias.
        JsonObject mexico = search("Mexico").get(0);
        assertEquals("mexico", mexico.getString("id"));
        assertEquals("label", mexico.getObj("match").getString("type"));
        assertEquals("fuzzy", search("Guzmen").get(0).getObj("match").getString("kind"));
    }

    @Test
    void descriptionsAreSearchedToo() throws Exception {
        // "Father of Pedro Inzunza Coronel (a different person)."
        List<JsonObject> r = search("father");
        assertTrue(ids(r).contains("pedro-inzunza-noriega"), ids(r).toString());
        assertEquals("description", r.get(ids(r).indexOf("pedro-inzunza-noriega")).getObj("match").getString("type"));
    }

    @Test
    void luceneSyntaxIsJustText() throws Exception {
        for (String q : List.of("*", "?", "Chapo~", "\"Chapo", "Chapo AND", "(Chapo", "label:Chapo", "+-&&||!(){}[]^\"~*?:\\/",
            "Cha*po", "NOT", "uri:*", "Chapo^100", "[a TO z]"))
            assertEquals(200, get("/search?q=" + enc(q), "Accept", "application/json").statusCode(), q);
        assertEquals(List.of(), search("uri:*"), "no field of the index can be named");
        assertEquals(List.of(), search("+-&&||!(){}[]^\"~*?:\\/"));
    }

    @Test
    void emptyMissingAndHugeQueries() throws Exception {
        assertEquals(List.of(), search(""));
        assertEquals(List.of(), search("   "));
        HttpResponse<String> none = get("/search?format=json");
        assertEquals(200, none.statusCode());
        assertEquals(0, JSON.parse(none.body()).get("search").getAsArray().size());
        HttpResponse<String> huge = get("/search?format=json&q=" + "a".repeat(5000));
        assertEquals(400, huge.statusCode());
        assertTrue(JSON.parse(huge.body()).getObj("error").getString("info").contains("longer than"));
        HttpResponse<String> many = get("/search?format=json&q=" + enc("a b c d e f g h i j k l m n"));
        assertEquals(400, many.statusCode());
        assertEquals(400, get("/search?q=" + "a".repeat(5000), "Accept", "text/html").statusCode());
    }

    @Test
    void limitIsHonouredAndBounded() throws Exception {
        JsonArray two = JSON.parse(get("/search?format=json&limit=2&q=cartel").body()).get("search").getAsArray();
        assertEquals(2, two.size());
        JsonArray capped = JSON.parse(get("/search?format=json&limit=100000&q=a").body()).get("search").getAsArray();
        assertTrue(capped.size() <= 50, "at most 50: " + capped.size());
        assertEquals(200, get("/search?format=json&limit=x&q=cartel").statusCode());
    }

    @Test
    void browsersGetAPageThatEscapesEveryValue() throws Exception {
        HttpResponse<String> res = get("/search?q=" + enc("Chapo <script>alert(1)</script>"), "Accept", "text/html,*/*;q=0.8");
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertFalse(res.body().contains("<script>alert(1)"), "the query is escaped");
        assertTrue(res.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        HttpResponse<String> page = get("/search?q=Chapo", "Accept", "text/html");
        assertTrue(page.body().contains("<a href=\"/id/joaquin-guzman\">Joaquín Guzmán</a>"), page.body());
        assertTrue(page.body().contains("also written <q>El Chapo</q>"), page.body());
        assertEquals("Accept", page.headers().firstValue("Vary").orElse(""));
        assertTrue(get("/search?q=Chapo&format=json", "Accept", "text/html").body().startsWith("{"));

        // Names and descriptions from the data are escaped too.
        String evil = get("/search?q=evil", "Accept", "text/html").body();
        assertTrue(evil.contains("Evil &lt;script&gt;alert('x')&lt;/script&gt; &amp; \"quotes\""), evil);
        assertFalse(evil.contains("<script>alert"), evil);
        assertFalse(evil.contains("<b>Evil"), evil);
        assertFalse(evil.contains("<img"), evil);
        JsonObject json = search("evil").get(0);
        assertEquals(MARKUP, json.getString("label"), "JSON carries the data as it is, as a JSON string");
        assertEquals("Evil <img src=x onerror=alert(1)>", json.getString("description"));
    }

    @Test
    void textQueryWorksThroughTheSparqlEndpoint() throws Exception {
        String q = """
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?s ?name WHERE { (?s ?score ?name) text:query (skos:altLabel "chapo") } ORDER BY ?s ?name""";
        HttpResponse<String> res = get("/ftkg/sparql?query=" + enc(q), "Accept", "application/sparql-results+json");
        assertEquals(200, res.statusCode(), res.body());
        JsonArray rows = JSON.parse(res.body()).getObj("results").get("bindings").getAsArray();
        List<String> names = rows.stream().map(v -> v.getAsObject().getObj("name").getString("value")).toList();
        assertTrue(names.contains("El Chapo"), names.toString());
        assertTrue(rows.stream().anyMatch(v -> v.getAsObject().getObj("s").getString("value")
            .equals("https://w3id.org/ftkg/id/joaquin-guzman")));
        assertEquals(names.size(), names.stream().distinct().count() + 0, "each name once: " + names);
        String spanish = """
            PREFIX text: <http://jena.apache.org/text#>
            SELECT ?s WHERE { ?s text:query "cartel de sinaloa" }""";
        String body = get("/ftkg/sparql?query=" + enc(spanish), "Accept", "text/csv").body();
        assertTrue(body.contains("https://w3id.org/ftkg/id/sinaloa-cartel"), body);
        // The README's example: several fields, Lucene's fuzzy syntax.
        String readme = """
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?thing ?name ?score WHERE {
              (?thing ?score ?name) text:query (rdfs:label skos:altLabel "inunza~") .
            } ORDER BY DESC(?score)""";
        String fuzzy = get("/ftkg/sparql?query=" + enc(readme), "Accept", "text/csv").body();
        assertTrue(fuzzy.contains("/id/pedro-inzunza-noriega,Pedro Inunza Noriega,"), fuzzy);
        assertTrue(fuzzy.contains("/id/pedro-inzunza-coronel,Pedro Inzunza Coronel,"), fuzzy);
        String field = "PREFIX text: <http://jena.apache.org/text#> SELECT ?s { ?s text:query 'altLabel:guzman' }";
        assertTrue(get("/ftkg/sparql?query=" + enc(field), "Accept", "text/csv").body().contains("/id/joaquin-guzman"));
        // Lucene syntax is the caller's in SPARQL: a malformed query string is a bad request.
        String broken = "PREFIX text: <http://jena.apache.org/text#> SELECT ?s WHERE { ?s text:query \"(chapo\" }";
        assertEquals(400, get("/ftkg/sparql?query=" + enc(broken), "Accept", "text/csv").statusCode());
    }
}

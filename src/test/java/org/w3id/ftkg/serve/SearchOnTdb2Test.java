package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.io.file.PathUtils;
import org.apache.jena.atlas.json.JSON;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.cli.Main;
import org.w3id.ftkg.search.SearchIndex;

/**
 * Search on a served TDB2 folder: {@code build --tdb2} writes the text index inside the database
 * folder and {@code serve --tdb2} answers {@code /search} and {@code text:query} from it; a
 * database without an index (an older build) is indexed in memory at start-up.
 */
class SearchOnTdb2Test {
    @TempDir
    Path tmp;

    static String get(FtkgServer server, String path) throws Exception {
        HttpResponse<String> r = Requests.get(server.baseUrl(), path, "Accept", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    static String firstId(FtkgServer server, String q) throws Exception {
        return JSON.parse(get(server, "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
            .get("search").getAsArray().get(0).getAsObject().getString("id");
    }

    @Test
    void theDatabaseFolderCarriesItsIndexAndTheServerUsesIt() throws Exception {
        TestProject p = TestProject.real(tmp);
        Path db = tmp.resolve("db");
        assertEquals(0, Main.run("build", "--project", p.dir().toString(), "--tdb2", db.toString()));
        assertTrue(Files.isDirectory(db.resolve(SearchIndex.FOLDER)), "the index is inside the database folder");
        ServerSettings settings = ServerSettings.builder(p.dir()).port(0).tdb2(db).build();
        try (FtkgServer server = FtkgServer.start(settings)) {
            assertEquals("pedro-inzunza-noriega", firstId(server, "Inunza"));
            assertEquals("joaquin-guzman", firstId(server, "chapo"));
            assertEquals("sinaloa-cartel", firstId(server, "Cártel de Sinaloa"));
            String q = "PREFIX text: <http://jena.apache.org/text#> SELECT ?s { ?s text:query 'guzman' }";
            String rows = get(server, "/ftkg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertTrue(rows.contains("https://w3id.org/ftkg/id/joaquin-guzman"), rows);
        }
        // Without its index (a database from before search), the server indexes the data itself.
        PathUtils.deleteDirectory(db.resolve(SearchIndex.FOLDER));
        try (FtkgServer server = FtkgServer.start(settings)) {
            assertEquals("joaquin-guzman", firstId(server, "chapo"));
        }
        // A rebuild replaces database and index together.
        assertEquals(0, Main.run("build", "--project", p.dir().toString(), "--tdb2", db.toString()));
        assertTrue(Files.isDirectory(db.resolve(SearchIndex.FOLDER)));
    }
}

package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Cite this" on the built-in corpus: every fact and entity page gives a citation (IRI, source,
 * quote, release and date), and the same as BibTeX and CSL-JSON downloads.
 */
class CitationRoutesTest {
    @RegisterExtension
    static final HostileClient client = HostileClient.real(s -> s.timeout(null));
    static final String FACT = "004-caro-quintero-release";
    static final String QUOTE = "served 28 years in prison before his release in 2013";

    static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(client.uri(path)).header("Accept", "text/html"));
    }

    @Test
    void aFactPageCitesTheFactItsSourceItsQuoteAndTheRelease() throws Exception {
        String html = get("/fact/" + FACT).body();
        assertTrue(html.contains("<h2 id=\"cite-title\">Cite this</h2>"), html);
        String citation = html.substring(html.indexOf("<p id=\"citation\""), html.indexOf("</p>", html.indexOf("<p id=\"citation\"")));
        assertTrue(citation.contains("https://w3id.org/ftkg/fact/" + FACT), citation);
        assertTrue(citation.contains(QUOTE), citation);
        assertTrue(citation.contains("004_40da1574111b49b3.txt") && citation.contains("Mexico Extradites 29 High-Level Cartel Operatives"), citation);
        // A plain build is not a numbered release: the citation says so and gives the build's date.
        assertTrue(citation.contains("release unreleased ("), citation);
        assertTrue(html.contains("href=\"/fact/" + FACT + ".bib\"") && html.contains("href=\"/fact/" + FACT + ".csl.json\""), html);
    }

    @Test
    void aFactsBibtexIsOneMiscEntryWithTheIriQuoteAndRelease() throws Exception {
        HttpResponse<String> r = get("/fact/" + FACT + ".bib");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-bibtex"));
        assertEquals("attachment; filename=\"ftkg-fact-" + FACT + ".bib\"", r.headers().firstValue("Content-Disposition").orElse(""));
        String bib = r.body();
        assertTrue(bib.startsWith("@misc{ftkg-fact-" + FACT + ",\n"), bib);
        assertTrue(bib.contains("  url = {https://w3id.org/ftkg/fact/" + FACT + "},\n"), bib);
        assertTrue(bib.contains("  version = {unreleased},\n"), bib);
        assertTrue(bib.contains("Quote: ``" + QUOTE + "''"), bib);
        // File names with underscores are escaped for LaTeX.
        assertTrue(bib.contains("004\\_40da1574111b49b3.txt"), bib);
        assertTrue(bib.contains("  urldate = {" + LocalDate.now(ZoneOffset.UTC) + "},\n"), bib);
        assertTrue(bib.trim().endsWith("}"), bib);
    }

    @Test
    void aFactsCslJsonIsADatasetItemThatReferenceManagersRead() throws Exception {
        HttpResponse<String> r = get("/fact/" + FACT + ".csl.json");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.citationstyles.csl+json"));
        JsonArray items = JSON.parseAny(r.body()).getAsArray();
        assertEquals(1, items.size());
        JsonObject item = items.get(0).getAsObject();
        assertEquals("dataset", item.getString("type"));
        assertEquals("https://w3id.org/ftkg/fact/" + FACT, item.getString("URL"));
        assertEquals("unreleased", item.getString("version"));
        assertTrue(item.getString("note").contains(QUOTE));
        assertTrue(item.getString("source").contains("004_40da1574111b49b3.txt"));
        assertEquals(3, item.get("issued").getAsObject().get("date-parts").getAsArray().get(0).getAsArray().size(), "year, month, day");
    }

    @Test
    void anEntityIsCitedWithTheSourcesThatMentionIt() throws Exception {
        String html = get("/id/rafael-caro-quintero").body();
        assertTrue(html.contains("Cite this"), html);
        String bib = get("/id/rafael-caro-quintero.bib").body();
        assertTrue(bib.startsWith("@misc{ftkg-id-rafael-caro-quintero,\n"), bib);
        assertTrue(bib.contains("  title = {Rafael Caro Quintero},\n"), bib);
        assertTrue(bib.contains("Source") && bib.contains("004\\_40da1574111b49b3.txt"), bib);
        JsonObject item = JSON.parseAny(get("/id/rafael-caro-quintero.csl.json").body()).getAsArray().get(0).getAsObject();
        assertEquals("https://w3id.org/ftkg/id/rafael-caro-quintero", item.getString("URL"));
    }

    @Test
    void sourcesAndUnknownThingsHaveNoCitationFile() throws Exception {
        assertEquals(404, get("/source/004_40da1574111b49b3.bib").statusCode());
        assertEquals(404, get("/fact/no-such-fact.bib").statusCode());
        assertEquals(404, get("/id/no-such-thing.csl.json").statusCode());
    }
}

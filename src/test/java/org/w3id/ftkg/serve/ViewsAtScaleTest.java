package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.cli.Main;
import org.w3id.ftkg.serve.html.NetworkPage;
import org.w3id.ftkg.serve.html.TimelinePage;
import org.w3id.ftkg.synth.SyntheticCorpus;

/**
 * The views on a generated 10,000-fact corpus served from TDB2 (where the home page and the
 * network once answered 500 and the timeline was a 3.9 MB page): every view answers 200 with a
 * bounded page, the next pages are reachable, and a burst of 32 clients gets no error.
 */
class ViewsAtScaleTest {
    @TempDir
    static Path tmp;
    static FtkgServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void serveAGeneratedCorpus() throws Exception {
        Path corpus = tmp.resolve("corpus"), db = tmp.resolve("db");
        SyntheticCorpus.generate(TestProject.ROOT, corpus, 10_000, SyntheticCorpus.defaultSources(10_000), 42);
        assertEquals(0, Main.run("build", "--project", corpus.toString(), "--tdb2", db.toString()));
        server = FtkgServer.start(ServerSettings.builder(corpus).port(0).tdb2(db).build());
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(120)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    static int count(String html, String needle) {
        return html.split(Pattern.quote(needle), -1).length - 1;
    }

    static String href(String html, String rel) {
        Matcher m = Pattern.compile("<a rel=\"" + rel + "\" href=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "a " + rel + " link");
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void theSourcesPageIsReadOncePerReleaseNotPerRequest() throws Exception {
        HttpResponse<String> first = get("/sources");
        assertEquals(200, first.statusCode());
        // With the source texts gone, a page read per request would fail: the kept one answers the same.
        Path seeds = tmp.resolve("corpus/seeds"), away = tmp.resolve("seeds-away");
        java.nio.file.Files.move(seeds, away);
        try {
            HttpResponse<String> again = get("/sources");
            assertEquals(200, again.statusCode());
            assertEquals(first.body(), again.body());
        } finally {
            java.nio.file.Files.move(away, seeds);
        }
    }

    @Test
    void theHomePageShowsTheReleaseCountsAndAFewSources() throws Exception {
        HttpResponse<String> home = get("/");
        assertEquals(200, home.statusCode());
        long facts = ReleaseCounts.of(tmp.resolve("corpus/dist")).orElseThrow().counts().get("facts");
        assertTrue(facts >= 10_000, "facts: " + facts);
        assertTrue(home.body().contains("<strong>" + facts + "</strong> facts"), "the VoID file's fact count");
        assertTrue(count(home.body(), "<a href=\"/source/") <= PagesServlet.HOME_SOURCES);
    }

    @Test
    void theTimelineIsServedAPageAtATime() throws Exception {
        HttpResponse<String> first = get("/timeline");
        assertEquals(200, first.statusCode());
        assertEquals(TimelinePage.DEFAULT_SIZE, count(first.body(), "<tr class=\"event\""));
        assertTrue(first.body().length() < 200_000, "first page bytes: " + first.body().length());
        assertFalse(first.body().contains("rel=\"prev\""), "no page before the first");

        HttpResponse<String> second = get(href(first.body(), "next"));
        assertEquals(200, second.statusCode());
        assertEquals(TimelinePage.DEFAULT_SIZE, count(second.body(), "<tr class=\"event\""));
        assertTrue(second.body().contains("Events 51 to 100."), "the second page says where it is");
        assertEquals("/timeline?offset=0", href(second.body(), "prev"));
        // Years go on rising from one page to the next (within a year, dates of mixed precision).
        List<String> dates = new ArrayList<>();
        for (String page : List.of(first.body(), second.body())) {
            Matcher m = Pattern.compile("<tr class=\"event\" data-date=\"([^\"]*)\"").matcher(page);
            while (m.find())
                if (!m.group(1).isEmpty())
                    dates.add(m.group(1).substring(0, 4));
        }
        assertEquals(dates.stream().sorted().toList(), dates);

        HttpResponse<String> big = get("/timeline?size=100000");
        assertEquals(TimelinePage.MAX_SIZE, count(big.body(), "<tr class=\"event\""), "a page holds at most the maximum");
    }

    @Test
    void theTimelineFiltersOnTheServer() throws Exception {
        HttpResponse<String> seizures = get("/timeline?type=https%3A%2F%2Fw3id.org%2Fftkg%2Fontology%23Seizure&size=20");
        assertEquals(200, seizures.statusCode());
        int rows = count(seizures.body(), "<tr class=\"event\"");
        assertTrue(rows > 0 && rows <= 20, "seizures shown: " + rows);
        assertEquals(rows, count(seizures.body(), "<td>seizure</td>"), "only seizures");
    }

    @Test
    void theNetworkAnswersOneBoundedHopWithMoreByOffset() throws Exception {
        HttpResponse<String> page = get("/network");
        assertEquals(200, page.statusCode());
        JsonObject json = JSON.parse(get("/network.json").body());
        int nodes = json.get("nodes").getAsArray().size();
        assertTrue(nodes > 1 && nodes <= NetworkPage.FIRST_NODES + 1, "nodes: " + nodes);
        assertTrue(json.get("nodes").getAsArray().stream().allMatch(n -> n.getAsObject().getNumber("hops").intValue() <= 1), "one hop");
        assertTrue(json.get("edges").getAsArray().stream().allMatch(e -> e.getAsObject().hasKey("claimed")
            && e.getAsObject().hasKey("sourceFile")));
        // The default centre of a large corpus is a hub: the rest of its neighbours are on the next pages.
        String next = json.getString("next");
        JsonObject more = JSON.parse(get(next).body());
        assertEquals(NetworkPage.FIRST_NODES, more.getNumber("offset").intValue());
        int moreNodes = more.get("nodes").getAsArray().size();
        assertTrue(moreNodes > 1 && moreNodes <= NetworkPage.FIRST_NODES + 1, "next nodes: " + moreNodes);
        assertTrue(page.body().contains("offset=" + NetworkPage.FIRST_NODES), "the page links to the next things");
    }

    @Test
    void aBurstOf32ClientsOnTheHomePageAndTheNetworkGetsNoError() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String path = i % 2 == 0 ? "/" : "/network";
                answers.add(pool.submit(() -> get(path).statusCode()));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> a : answers)
                statuses.merge(a.get(), 1, Integer::sum);
            assertEquals(Map.of(200, 64), statuses);
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.w3id.ftkg.link;

import org.w3id.ftkg.pipeline.Build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.cli.Main;
import org.w3id.ftkg.diagnostics.Problems;

/** The linking workflow against a local stand-in for Wikidata: found, not found, ambiguous, down, slow, 429. */
class LinkTest {
    static WikidataFixture wd;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startFixture() {
        wd = new WikidataFixture();
    }

    @AfterAll
    static void stopFixture() {
        wd.close();
    }

    @BeforeEach
    void behave() {
        wd.tooManyRequests.set(0);
        wd.delayMillis.set(0);
    }

    SparqlClient client(Duration timeout) {
        return new SparqlClient(URI.create(wd.endpoint()), timeout, 50, 3);
    }

    Map<String, Proposal> propose(TestProject p) throws Exception {
        Build.Result kg = Build.of(p.dir()).validate();
        return new CandidateSearch(client(Duration.ofSeconds(10))).propose(kg.ontology(), kg.entities(), m -> {})
            .stream().collect(Collectors.toMap(Proposal::slug, x -> x));
    }

    static String digestOfData(TestProject p) throws IOException {
        StringBuilder b = new StringBuilder();
        try (var files = Files.walk(p.resolve("data"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList())
                b.append(f).append(DigestUtils.sha256Hex(Files.readAllBytes(f)));
        }
        return b.toString();
    }

    @Test
    void foundAnEntityWithOneTypedExactMatch() throws Exception {
        Proposal p = propose(TestProject.fixture(tmp, "mini")).get("rafael-caro-quintero");
        assertEquals("Q900000001", p.candidates().get(0).qid());
        assertEquals(1.0, p.candidates().get(0).score());
        assertTrue(p.candidates().get(0).typeMatches());
        assertFalse(p.ambiguous());
        assertTrue(wd.lastUserAgent.startsWith("FTKG-link/"), "the client names itself: " + wd.lastUserAgent);
    }

    @Test
    void theRightKindOutranksAHomonym() throws Exception {
        Proposal p = propose(TestProject.fixture(tmp, "mini")).get("guadalajara-cartel");
        assertEquals(List.of("Q900000002", "Q900000003"), p.candidates().stream().map(Candidate::qid).toList());
        assertTrue(p.candidates().get(0).score() > p.candidates().get(1).score());
    }

    @Test
    void ambiguousNamesAreFlaggedForReview() throws Exception {
        Proposal p = propose(TestProject.fixture(tmp, "mini")).get("claudia-sheinbaum");
        assertEquals(2, p.candidates().size());
        assertTrue(p.ambiguous());
    }

    @Test
    void anEntityWithNoMatchHasNoCandidates() throws Exception {
        TestProject t = TestProject.fixture(tmp, "mini").edit(TestProject.MINI_ENTITIES,
            s -> s.replace("label: Rafael Caro Quintero\n    aliases: [Caro Quintero]", "label: Nobody In The Fixture"));
        assertTrue(propose(t).get("rafael-caro-quintero").candidates().isEmpty());
    }

    @Test
    void theCommandWritesAReviewFileAndLeavesDataAlone() throws Exception {
        TestProject p = TestProject.fixture(tmp, "mini");
        String before = digestOfData(p);
        int code = Main.run("link", "--project", p.dir().toString(), "--endpoint", wd.endpoint(), "--rate", "50");
        assertEquals(0, code);
        String review = Files.readString(p.resolve("review/wikidata-candidates.yaml"));
        assertTrue(review.contains("id: rafael-caro-quintero"));
        assertTrue(review.contains("qid: Q900000001"));
        assertTrue(review.contains("ambiguous: true"), "Sheinbaum's two namesakes");
        assertFalse(review.contains("id: mexico"), "linked entities are not proposed again");
        assertEquals(before, digestOfData(p), "link never changes data/");
    }

    @Test
    void theBuiltInCorpusGetsTheExpectedCandidatesAndDataIsUntouched() throws Exception {
        TestProject p = TestProject.real(tmp);
        String before = digestOfData(p);
        Path review = p.resolve("review/candidates.yaml");
        assertEquals(0, Main.run("link", "--project", p.dir().toString(), "--endpoint", wd.endpoint(), "--rate", "200",
            "--output", review.toString()));
        String file = Files.readString(review);
        assertTrue(file.contains("id: beltran-leyva-organization") && file.contains("qid: Q900000010"), "the review file lists them");
        Map<String, Proposal> byslug = propose(p);
        assertEquals("Q900000010", byslug.get("beltran-leyva-organization").candidates().get(0).qid());
        assertEquals("Q900000011", byslug.get("grupo-pochteca").candidates().get(0).qid());
        assertEquals("Q900000013", byslug.get("4-piperidone").candidates().get(0).qid());
        assertEquals("Q900000001", byslug.get("rafael-caro-quintero").candidates().get(0).qid());
        assertEquals("Q900000002", byslug.get("guadalajara-cartel").candidates().get(0).qid(), "the cartel, not the homonym");
        assertEquals(2, byslug.get("claudia-sheinbaum").candidates().size(), "two namesakes: left for a person to decide");
        assertTrue(byslug.get("adam-gordon").candidates().isEmpty(), "no match, no guess");
        assertFalse(byslug.containsKey("mexico") || byslug.containsKey("fentanyl"), "linked entities are not proposed again");
        assertFalse(byslug.containsKey("cartels-fto-designation"), "events are not linked");
        assertEquals(before, digestOfData(p), "link never changes data/");
    }

    @Test
    void acceptingMovesOnlyReviewedQidsIntoTheEntityFile() throws Exception {
        TestProject p = TestProject.fixture(tmp, "mini");
        Main.run("link", "--project", p.dir().toString(), "--endpoint", wd.endpoint(), "--rate", "50");
        Path review = p.resolve("review/wikidata-candidates.yaml");
        String text = Files.readString(review);
        int at = text.indexOf("id: rafael-caro-quintero");
        int acc = text.indexOf("accept: null", at);
        Files.writeString(review, text.substring(0, acc) + "accept: Q900000001" + text.substring(acc + "accept: null".length()));
        assertEquals(0, Main.run("link", "--project", p.dir().toString(), "--accept", review.toString()));
        String entities = p.read(TestProject.MINI_ENTITIES);
        assertTrue(entities.contains("  - id: rafael-caro-quintero\n    wikidata: Q900000001\n"), entities);
        assertFalse(entities.contains("wikidata_note: No ID found"), "the note about the missing link goes");
        assertTrue(entities.contains("label: Rafael Caro Quintero"), "the rest of the entry stays");
        Build.Result kg = Build.of(p.dir()).validate();
        assertTrue(kg.entities().stream().anyMatch(e -> "Q900000001".equals(e.record().wikidata())));
    }

    @Test
    void acceptingAQidThatWasNotProposedChangesNothing() throws Exception {
        TestProject p = TestProject.fixture(tmp, "mini");
        String before = digestOfData(p);
        var wrong = List.of(new ReviewFile.Accepted("rafael-caro-quintero", "Q42", List.of("Q900000001")));
        IOException e = assertThrows(IOException.class, () -> LinkAcceptor.accept(p.dir(), wrong));
        assertTrue(e.getMessage().contains("was not among the candidates"));
        assertEquals(before, digestOfData(p));
    }

    @Test
    void anEndpointThatIsDownGivesAClearMessage() throws Exception {
        SparqlClient down = new SparqlClient(URI.create("http://127.0.0.1:1/sparql"), Duration.ofSeconds(2), 50, 3);
        var e = assertThrows(SparqlClient.EndpointException.class, () -> down.select("SELECT * { ?s ?p ?o } LIMIT 1"));
        assertTrue(e.getMessage().contains("cannot reach") && e.getMessage().contains("offline"), e.getMessage());
        TestProject p = TestProject.fixture(tmp, "mini");
        assertEquals(3, Main.run("link", "--project", p.dir().toString(), "--endpoint", "http://127.0.0.1:1/sparql"));
        assertFalse(Files.exists(p.resolve("review/wikidata-candidates.yaml")));
    }

    @Test
    void aSlowEndpointTimesOut() {
        wd.delayMillis.set(3000);
        var e = assertThrows(SparqlClient.EndpointException.class,
            () -> client(Duration.ofSeconds(1)).select("SELECT * { ?s ?p ?o } LIMIT 1"));
        assertTrue(e.getMessage().contains("did not answer within 1 s"), e.getMessage());
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheAskedDelay() throws Exception {
        wd.tooManyRequests.set(2);
        int before = wd.requests.get();
        long t0 = System.nanoTime();
        assertEquals(1, client(Duration.ofSeconds(5)).select("SELECT * { wd:Q96 ?p ?o } LIMIT 1".replace("wd:Q96",
            "<http://www.wikidata.org/entity/Q96>")).size());
        assertEquals(3, wd.requests.get() - before, "two refusals, then the answer");
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 2000, "Retry-After: 1 was honoured twice");
    }

    @Test
    void persistentTooManyRequestsGivesUp() {
        wd.tooManyRequests.set(10);
        var e = assertThrows(SparqlClient.EndpointException.class,
            () -> client(Duration.ofSeconds(5)).select("SELECT * { ?s ?p ?o } LIMIT 1"));
        assertTrue(e.getMessage().contains("keeps answering 429"), e.getMessage());
    }

    @Test
    void validateChecksLinkedQidsExistWithACompatibleType() throws Exception {
        TestProject ok = TestProject.fixture(tmp, "mini");
        Problems none = new Problems();
        Build.Result okBuild = Build.of(ok.dir()).validate();
        QidCheck.check(okBuild.ontology(), okBuild.entities(), client(Duration.ofSeconds(10)), none);
        assertTrue(none.isEmpty(), none.sorted().toString());

        TestProject bad = TestProject.fixture(tmp.resolve("b"), "mini")
            .edit(TestProject.MINI_ENTITIES, s -> s.replace("wikidata: Q30", "wikidata: Q999999999")
                .replace("wikidata: Q407541", "wikidata: Q407541").replace("wikidata: Q96", "wikidata: Q6279"));
        Problems found = new Problems();
        Build.Result badBuild = Build.of(bad.dir()).validate();
        QidCheck.check(badBuild.ontology(), badBuild.entities(), client(Duration.ofSeconds(10)), found);
        String all = found.sorted().toString();
        assertTrue(all.contains("Wikidata Q999999999 does not exist"), all);
        assertTrue(all.contains("Wikidata Q6279 is not a geographic location"), all);
    }
}

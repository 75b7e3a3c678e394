package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.ftkg.serve.HostileClient.head;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Queries that ARQ's cooperative timeout cannot stop, over HTTP: catastrophic regular expressions
 * and strings (or numbers) built until the heap is gone. Each is answered quickly, with a
 * message, and the server goes on answering.
 */
class QueryLimitsTest {
    @RegisterExtension
    static final HostileClient client = HostileClient.mini(s -> s);
    /** 40 a's and a b: Java's backtracking engine needs about 2^40 steps for (a+)+$ on it. */
    static final String EVIL_INPUT = "a".repeat(40) + "b";


    static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** A query string that binds ?big to a string of 2^doublings characters. */
    static String doubled(String seed, int doublings) {
        StringBuilder q = new StringBuilder("BIND(\"" + seed + "\" AS ?d0)");
        for (int i = 1; i <= doublings; i++)
            q.append(" BIND(CONCAT(?d").append(i - 1).append(", ?d").append(i - 1).append(") AS ?d").append(i).append(")");
        return q.append(" BIND(?d").append(doublings).append(" AS ?big)").toString();
    }

    @Test
    void catastrophicRegexesRunInLinearTime() throws Exception {
        for (String q : List.of(
            "SELECT * { BIND(\"" + EVIL_INPUT + "\" AS ?x) FILTER(REGEX(?x, \"^(a+)+$\")) }",
            "SELECT * { BIND(\"" + EVIL_INPUT + "\" AS ?x) FILTER(REGEX(?x, \"(a|aa)+$\", \"i\")) }",
            "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT * { BIND(\"" + EVIL_INPUT + "\" AS ?x) FILTER(fn:matches(?x, \"^(a*)*$\")) }",
            "SELECT (REPLACE(?x, \"^(a+)+$\", \"z\") AS ?y) { BIND(\"" + EVIL_INPUT + "\" AS ?x) }",
            "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT (fn:replace(?x, \"^(a|a)+$\", \"z\") AS ?y) { BIND(\"" + EVIL_INPUT + "\" AS ?x) }",
            // A pattern computed per row is not known when the query is prepared.
            "SELECT * { BIND(\"" + EVIL_INPUT + "\" AS ?x) BIND(CONCAT(\"^(a+\", \")+$\") AS ?p) FILTER(REGEX(?x, ?p)) }")) {
            long t0 = System.nanoTime();
            var r = client.query(q);
            assertEquals(200, r.statusCode(), q + " -> " + head(r.body()));
            assertTrue(millis(t0) < 3000, q + " took " + millis(t0) + " ms");
        }
        client.stillResponsive();
    }

    @Test
    void aBackReferenceIsRefusedWithAMessage() throws Exception {
        // The tester's probe: 14 s of CPU over 29 characters on Java's engine, doubling per character.
        long t0 = System.nanoTime();
        var r = client.query("SELECT * { BIND(\"" + "a".repeat(29) + "b\" AS ?x) FILTER(REGEX(?x, \"^(a+)+\\\\1$\")) }");
        assertEquals(400, r.statusCode(), head(r.body()));
        assertTrue(r.body().contains("RE2"), r.body());
        assertTrue(millis(t0) < 3000);
    }

    @Test
    void aRegexIsAppliedOnlyToBoundedInput() throws Exception {
        var r = client.query("SELECT * { " + doubled("a", 18) + " FILTER(REGEX(?big, \"b\")) }");
        assertEquals(400, r.statusCode(), head(r.body()));
        assertTrue(r.body().contains("regular expression was applied to a string of 262144 characters"), r.body());
    }

    @Test
    void builtStringsStopAtTheLimitWhateverBuildsThem() throws Exception {
        String groupConcat = "SELECT ?big { { SELECT (GROUP_CONCAT(STR(?o)) AS ?d0) { ?s ?p ?o } } ";
        StringBuilder nested = new StringBuilder(groupConcat);
        for (int i = 1; i <= 16; i++)
            nested.append(" BIND(CONCAT(?d").append(i - 1).append(", ?d").append(i - 1).append(") AS ?d").append(i).append(")");
        nested.append(" BIND(?d16 AS ?big) }");
        StringBuilder manyArgs = new StringBuilder("PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT (fn:concat(?big");
        manyArgs.append(", ?big".repeat(40)).append(") AS ?x) { ").append(doubled("x", 15)).append(" }");
        for (String q : List.of(
            nested.toString(),
            "SELECT (CONCAT(" + "?big, ".repeat(100) + "?big) AS ?x) { " + doubled("x", 15) + " }",
            manyArgs.toString(),
            "SELECT (STRLEN(?big) AS ?n) { " + doubled("x", 25) + " }",
            // Four bytes of UTF-8 become twelve characters of %XX.
            "SELECT ?x { " + doubled("\uD83D\uDE00", 18) + " BIND(ENCODE_FOR_URI(?big) AS ?x) }",
            "SELECT ?x { " + doubled("ab", 14) + " BIND(REPLACE(?big, \"a\", \"$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0\") AS ?y)"
                + " BIND(REPLACE(?y, \"a\", \"$0$0$0$0$0$0$0$0$0$0\") AS ?x) }",
            "SELECT ?x { " + doubled("ab", 19) + " BIND(UCASE(?big) AS ?u) BIND(IRI(CONCAT(\"urn:\", ?u, ?u)) AS ?x) }",
            "SELECT (SUM(STRLEN(?x)) AS ?n) { " + doubled("x", 19) + " ?s ?p ?o BIND(CONCAT(?big, STR(?o)) AS ?x) }")) {
            long t0 = System.nanoTime();
            var r = client.query(q);
            assertEquals(400, r.statusCode(), q + " -> " + head(r.body()));
            assertTrue(r.body().contains("characters"), r.body());
            assertTrue(millis(t0) < 10_000, "answered in " + millis(t0) + " ms");
        }
        client.stillResponsive();
    }

    @Test
    void numbersCannotGrowWithoutBoundEither() throws Exception {
        StringBuilder q = new StringBuilder("SELECT ?n30 { BIND(10 AS ?n0)");
        for (int i = 1; i <= 30; i++)
            q.append(" BIND(?n").append(i - 1).append(" * ?n").append(i - 1).append(" AS ?n").append(i).append(")");
        var r = client.query(q.append(" }").toString());
        assertEquals(400, r.statusCode(), head(r.body()));
    }

    @Test
    void ordinaryStringFunctionsStillWork() throws Exception {
        var r = client.query("PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT ?a ?b ?c ?d ?e { "
            + "BIND(REPLACE(\"Sinaloa Cartel\", \"(\\\\w+) (\\\\w+)\", \"$2 $1\") AS ?a) "
            + "BIND(REGEX(\"Fentanyl\", \"^fen\", \"i\") AS ?b) BIND(fn:matches(\"abc\", \"b\") AS ?c) "
            + "BIND(CONCAT(\"x\", \"y\", \"z\") AS ?d) BIND(fn:concat(\"p\", \"q\") AS ?e) }");
        assertEquals(200, r.statusCode(), r.body());
        for (String v : List.of("Cartel Sinaloa", "\"true\"", "xyz", "pq"))
            assertTrue(r.body().contains(v), v + " in " + r.body());
        var g = client.query("SELECT (GROUP_CONCAT(DISTINCT ?t; separator=\"|\") AS ?types) { ?s a ?t }");
        assertEquals(200, g.statusCode());
        assertTrue(g.body().contains("|"), g.body());
    }

    @Test
    void serviceOffTheAllowListIsRefusedWhereverItStandsBeforeAnythingRuns() throws Exception {
        String bad = "SERVICE <http://127.0.0.1:1/> { ?a ?b ?c }";
        long logBefore = client.logSize();
        for (String q : List.of(
            "SELECT * { ?x ?y ?z FILTER EXISTS { " + bad + " } }",
            "SELECT * { ?x ?y ?z FILTER NOT EXISTS { " + bad + " } }",
            "SELECT * { ?x ?y ?z BIND(EXISTS { " + bad + " } AS ?e) }",
            "SELECT * { ?x ?y ?z { SELECT * { " + bad + " } LIMIT 1 } }",
            "SELECT * { ?x ?y ?z OPTIONAL { ?x ?y ?z2 MINUS { " + bad + " } } }",
            "SELECT * { ?x ?y ?z FILTER(?z != 1 || EXISTS { ?x ?y ?z FILTER NOT EXISTS { SERVICE SILENT <http://10.0.0.1/> { ?a ?b ?c } } }) }",
            "ASK { SERVICE <" + ServiceAllowList.WIKIDATA + "> { " + bad + " } }",
            "SELECT * { ?x ?y ?z } ORDER BY (EXISTS { " + bad + " })")) {
            var r = client.query(q);
            assertEquals(422, r.statusCode(), q + " -> " + head(r.body()));
        }
        String log = client.logSince(logBefore);
        assertTrue(log.length() < 20_000, "eight refusals log " + log.length() + " characters");
        assertFalse(log.contains("\tat "), "no stack trace in the log");
        client.stillResponsive();
    }

    @Test
    void whatOneRequestWritesToTheLogIsBounded() throws Exception {
        long before = client.logSize();
        String huge = "SELECT * { ?s ?p ?o } LIMIT 1 # " + "x".repeat(900_000);
        assertEquals(200, client.query(huge).statusCode());
        var bad = client.query("SELECT * { ?s ?p ?o " + "z".repeat(500_000));
        assertEquals(400, bad.statusCode());
        long logged = client.logSize() - before;
        assertTrue(logged < 20_000, "two queries of 1.4 MB in all logged " + logged + " bytes");
    }
}

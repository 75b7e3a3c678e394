package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.ftkg.serve.HostileClient.head;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Queries built to break the parser, the optimizer or the evaluator by their size or depth
 * (each under the 1 MiB body limit): every one is answered with a client error or a result,
 * never a 500, and none writes a stack trace to the log.
 */
class OversizedQueryTest {
    @RegisterExtension
    static final HostileClient client = HostileClient.mini(s -> s);


    static String repeat(String s, int n) {
        return s.repeat(n);
    }

    @Test
    void hugeOrDeepQueriesAreClientErrorsNotServerErrors() throws Exception {
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("20,000 + terms", "SELECT (1" + repeat(" + 1", 20_000) + " AS ?x) {}");
        probes.put("20,000 && terms", "SELECT * { BIND(true AS ?t) FILTER(?t" + repeat(" && ?t", 20_000) + ") }");
        probes.put("5,000 UNIONs", "SELECT * { " + repeat("{ ?s ?p ?o } UNION ", 5_000) + "{ ?s ?p ?o } }");
        probes.put("5,000-step path", "SELECT * { ?s " + repeat("<urn:x-test:p>/", 4_999) + "<urn:x-test:p> ?o }");
        probes.put("5,000-way alternative path", "SELECT * { ?s " + repeat("<urn:x-test:p>|", 4_999) + "<urn:x-test:p> ?o }");
        probes.put("5,000 nested parentheses", "SELECT * { BIND(" + repeat("(", 5_000) + "1" + repeat(")", 5_000) + " AS ?x) }");
        probes.put("3,000 nested groups", "SELECT * { " + repeat("{ ", 3_000) + "?s ?p ?o" + repeat(" }", 3_000) + " }");
        probes.put("2,000 nested OPTIONALs", "SELECT * { ?s ?p ?o " + repeat("OPTIONAL { ?s ?p ?o ", 2_000) + repeat("} ", 2_000) + "}");
        probes.put("1,000 nested subqueries", "SELECT * { " + repeat("{ SELECT * { ", 1_000) + "?s ?p ?o" + repeat(" } }", 1_000) + " }");
        probes.put("5,000 nested NOT EXISTS", "SELECT * { ?s ?p ?o " + repeat("FILTER NOT EXISTS { ?s ?p ?o ", 5_000) + repeat("} ", 5_000) + "}");
        probes.put("200,000 VALUES rows", "SELECT (COUNT(*) AS ?n) { VALUES ?x { " + repeat("1 ", 200_000) + "} }");
        probes.put("20,000 sort keys", "SELECT * { ?s ?p ?o } ORDER BY " + repeat("?s ", 20_000));
        probes.put("10,000 chained BINDs", "SELECT * { BIND(1 AS ?v0) " + chainedBinds(10_000) + "}");
        probes.put("30,000 nested function calls", "SELECT * { BIND(" + repeat("STR(", 30_000) + "1" + repeat(")", 30_000) + " AS ?x) }");
        long logBefore = client.logSize();
        List<String> failures = new ArrayList<>();
        for (var p : probes.entrySet()) {
            long t0 = System.nanoTime();
            var r = client.query(p.getValue());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (r.statusCode() >= 500 && r.statusCode() != 503 || r.body().contains("\tat "))
                failures.add(p.getKey() + " -> " + r.statusCode() + " " + head(r.body()));
            else if (r.statusCode() >= 400 && r.body().length() > 2_000)
                failures.add(p.getKey() + " -> a " + r.body().length() + "-character message");
            // Refused before the compiler and optimizer, which the timeout does not cover, spend seconds on it.
            if (ms > 3_000)
                failures.add(p.getKey() + " took " + ms + " ms");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        String log = client.logSince(logBefore);
        assertFalse(log.contains("\tat "), "no stack trace in the log:\n" + head(log.substring(Math.max(0, log.indexOf("\tat ") - 500))));
        assertTrue(log.length() < 100_000, probes.size() + " probes logged " + log.length() + " characters");
        client.stillResponsive();
    }

    static String chainedBinds(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < n; i++)
            b.append("BIND(?v").append(i - 1).append(" AS ?v").append(i).append(") ");
        return b.toString();
    }
}

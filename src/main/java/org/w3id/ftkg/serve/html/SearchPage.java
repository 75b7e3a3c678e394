package org.w3id.ftkg.serve.html;

import java.util.List;

/**
 * The search page: what was searched for, and each thing found with its type, description and
 * the name that matched; or why the query was refused.
 *
 * @param query   the words as typed ("" for none)
 * @param results the things found, best first
 * @param error   why the query was refused, or null
 */
public record SearchPage(String query, List<Result> results, String error) implements Page {
    /**
     * One thing found.
     *
     * @param link        its page and label
     * @param type        its class's label, or null
     * @param description its description, or null
     * @param matched     how its matching name relates to it ("also written", "in Spanish"…), or null
     *                    when the name shown is the one that matched
     * @param name        the name that matched, or null
     * @param close       whether the name only came close to the query (a fuzzy match)
     */
    public record Result(Link link, String type, String description, String matched, String name, boolean close) {}

    public String title() {
        return query.isBlank() ? "Search" : "Search: " + query;
    }
}

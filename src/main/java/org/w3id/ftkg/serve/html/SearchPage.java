package org.w3id.ftkg.serve.html;

import java.util.List;

/** The search page: the words as typed ("" for none), the things found (best first), or why the query was refused. */
public record SearchPage(String query, List<Result> results, String error) implements Page {
    /**
     * One thing found: {@code type} and {@code description} may be null; {@code matched} ("also written", "in
     * Spanish"…) and {@code name} are null when the name shown matched; {@code close} for a fuzzy match.
     */
    public record Result(Link link, String type, String description, String matched, String name, boolean close) {}

    public String title() {
        return query.isBlank() ? "Search" : "Search: " + query;
    }
}

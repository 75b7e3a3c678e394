package org.w3id.ftkg.serve.html;

import java.util.List;

/**
 * The search page: the form, and each thing found with its type, description and, when it was not
 * the label, the name that matched.
 *
 * @param query what was searched ("" for the empty form)
 * @param hits  what was found, best first
 * @param error why the query could not be run, or null
 */
public record SearchPage(String query, List<Hit> hits, String error) implements Page {

    /**
     * One thing found.
     *
     * @param thing       its label and page
     * @param typeLabel   its class, or null
     * @param description its description, or null
     * @param matchedBy   how the matching name relates to the thing ("also written", "in Spanish"…), or null
     *                    when the label or the description itself matched
     * @param matched     the name that matched, or null
     * @param close       true when the name matched only approximately (fuzzy)
     */
    public record Hit(Link thing, String typeLabel, String description, String matchedBy, String matched,
                      boolean close) {}

    public String title() {
        return query.isBlank() ? "Search" : "Search: " + query;
    }
}

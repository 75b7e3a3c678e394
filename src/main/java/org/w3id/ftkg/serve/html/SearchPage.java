package org.w3id.ftkg.serve.html;

import static org.w3id.ftkg.serve.html.Html.esc;

import java.util.List;

import org.w3id.ftkg.search.SearchHit;

/** The search page: the form, and each thing found with its type, description and the name that matched. */
public final class SearchPage {
    private SearchPage() {}

    public static String render(String q, List<SearchHit> hits, String error) {
        String query = q == null ? "" : q;
        StringBuilder b = new StringBuilder();
        b.append("<h1>Search</h1>\n<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">")
            .append("<label for=\"search-q\">Name, alias or description</label> ")
            .append("<input id=\"search-q\" name=\"q\" type=\"search\" value=\"").append(esc(query)).append("\" maxlength=\"200\">")
            .append(" <button type=\"submit\">Search</button></form>\n");
        if (error != null)
            b.append("<p class=\"error\">").append(esc(error)).append("</p>\n");
        else if (!query.isBlank()) {
            b.append("<p class=\"status\">").append(hits.size()).append(hits.size() == 1 ? " result" : " results")
                .append(" for <q>").append(esc(query)).append("</q></p>\n");
            b.append("<ol class=\"search-results\">\n");
            for (SearchHit h : hits) {
                b.append("<li><a href=\"").append(esc(Html.localHref(h.iri()))).append("\">").append(esc(h.label())).append("</a>");
                if (h.typeLabel() != null)
                    b.append(" <span class=\"type\">").append(esc(h.typeLabel())).append("</span>");
                if (h.description() != null)
                    b.append("<br><span class=\"description\">").append(esc(h.description())).append("</span>");
                if (!h.match().text().equals(h.label()) && !h.match().text().equals(h.description()))
                    b.append("<br><span class=\"match\">").append(esc(matchedBy(h.match()))).append(" <q>")
                        .append(esc(h.match().text())).append("</q>").append(h.match().kind().equals("fuzzy") ? " (close match)" : "")
                        .append("</span>");
                b.append("</li>\n");
            }
            b.append("</ol>");
        }
        return Html.page(query.isBlank() ? "Search" : "Search: " + query, b.toString());
    }

    static String matchedBy(SearchHit.Match m) {
        return switch (m.field()) {
            case "alias" -> "also written";
            case "description" -> "described as";
            default -> "es".equals(m.language()) ? "in Spanish" : "named";
        };
    }
}

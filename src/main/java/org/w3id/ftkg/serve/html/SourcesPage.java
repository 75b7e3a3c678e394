package org.w3id.ftkg.serve.html;

import static org.w3id.ftkg.serve.html.Html.esc;

import java.util.List;
import java.util.Map;

import org.w3id.ftkg.serve.Coverage;
import org.w3id.ftkg.serve.FactView;

/** Each source with its metadata, how many facts and entities come from it, and how much of it the facts cover. */
public final class SourcesPage {
    public record Row(String stem, String file, Map<String, String> metadata, long facts, long entities, Coverage.Result coverage,
                      String text, List<FactView> factViews) {}

    private SourcesPage() {}

    public static String render(List<Row> rows) {
        StringBuilder b = new StringBuilder("<h1>Sources</h1>\n<p>The documents the facts are taken from. Coverage is the share of a ")
            .append("document's sentences that at least one fact quotes from.</p>\n<table id=\"sources\"><thead><tr><th>Source</th>")
            .append("<th>Author</th><th>Publisher</th><th>Date</th><th>Facts</th><th>Entities</th><th>Coverage</th></tr></thead><tbody>\n");
        for (Row r : rows) {
            Map<String, String> m = r.metadata();
            b.append("<tr class=\"source\"><td><a href=\"/source/").append(esc(r.stem())).append("\">")
                .append(esc(m.getOrDefault("title", r.file()))).append("</a><br><code>").append(esc(r.file())).append("</code></td><td>")
                .append(esc(m.getOrDefault("author", "(not stated)"))).append("</td><td>").append(esc(m.getOrDefault("publisher", "(not stated)")))
                .append("</td><td>").append(esc(m.getOrDefault("date", "(not stated)"))).append("</td><td class=\"facts\">").append(r.facts())
                .append("</td><td class=\"entities\">").append(r.entities()).append("</td><td class=\"coverage\">")
                .append(Math.round(r.coverage().share() * 100)).append("% <small>(").append(r.coverage().covered()).append(" of ")
                .append(r.coverage().sentences()).append(" sentences)</small></td></tr>\n");
        }
        b.append("</tbody></table>\n");
        for (Row r : rows)
            b.append("<details><summary>Text of ").append(esc(r.file())).append(" with covered passages highlighted</summary>")
                .append("<div class=\"source-text\">").append(SourcePage.highlighted(r.text(), r.factViews())).append("</div></details>\n");
        return Html.page("Sources", b.toString());
    }
}

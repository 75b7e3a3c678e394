package org.w3id.ftkg.serve.html;

import static org.w3id.ftkg.serve.html.Html.esc;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.w3id.ftkg.serve.ViewQueries.TimelineItem;

/** Every dated event in date order, each at its own precision, filterable by type, actor and source. */
public final class TimelinePage {
    private TimelinePage() {}

    /** A date as precise as its datatype: "2009", "July 2023", "13 July 2023". */
    public static String display(String lexical, String datatype) {
        try {
            if (datatype.endsWith("#gYear"))
                return lexical;
            if (datatype.endsWith("#gYearMonth")) {
                String[] p = lexical.split("-");
                return Month.of(Integer.parseInt(p[1])).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + p[0];
            }
            if (datatype.endsWith("#date")) {
                String[] p = lexical.split("-");
                return Integer.parseInt(p[2]) + " " + Month.of(Integer.parseInt(p[1])).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + " " + p[0];
            }
        } catch (RuntimeException e) {
            // fall through to the lexical form
        }
        return lexical;
    }

    public static String render(List<TimelineItem> all, String type, String actor, String source) {
        TreeMap<String, String> types = new TreeMap<>(), actors = new TreeMap<>(), sources = new TreeMap<>();
        for (TimelineItem it : all) {
            types.put(it.type(), it.typeLabel());
            it.actors().forEach(a -> actors.put(a[1], a[2]));
            it.evidence().forEach(e -> sources.put(e[1], e[1]));
        }
        List<TimelineItem> shown = all.stream()
            .filter(it -> type == null || type.isEmpty() || it.type().equals(type))
            .filter(it -> actor == null || actor.isEmpty() || it.actors().stream().anyMatch(a -> a[1].equals(actor)))
            .filter(it -> source == null || source.isEmpty() || it.evidence().stream().anyMatch(e -> e[1].equals(source)))
            .toList();
        StringBuilder b = new StringBuilder("<h1>Timeline</h1>\n<p>Every event with a date, in order, each at the precision ")
            .append("its source gives (a year-only event is shown as a year). Dates resolved from a relative phrase against the ")
            .append("article's publication date are marked <em>inferred</em>.</p>\n")
            .append("<form class=\"filters\" method=\"get\" action=\"/timeline\">")
            .append(select("type", "Type", types, type)).append(select("actor", "Actor", actors, actor))
            .append(select("source", "Source", sources, source))
            .append("<button type=\"submit\">Filter</button> <a href=\"/timeline\">clear</a></form>\n");
        b.append("<table id=\"timeline\"><thead><tr><th>Date</th><th>Event</th><th>Type</th><th>Who and where</th><th>Evidence</th></tr></thead><tbody>\n");
        for (TimelineItem it : shown) {
            String date = it.date().isEmpty() ? "<em>“" + esc(it.dateText()) + "”</em> (as the text gives it: not resolved to a date)"
                : "<time datetime=\"" + esc(it.date()) + "\">" + esc(display(it.date(), it.datatype())) + "</time>"
                    + (it.inferred() ? " <em class=\"inferred\">inferred</em>" : "")
                    + (it.dateText().isEmpty() ? "" : "<br><small>“" + esc(it.dateText()) + "”</small>");
            b.append("<tr class=\"event\" data-date=\"").append(esc(it.date())).append("\"><td>").append(date).append("</td><td>")
                .append("<a href=\"").append(esc(Html.localHref(it.event()))).append("\">").append(esc(it.label())).append("</a>")
                .append(it.status().isEmpty() ? "" : " <strong class=\"status\">(" + esc(it.status()) + ")</strong>")
                .append("</td><td>").append(esc(it.typeLabel())).append("</td><td>");
            for (String[] a : it.actors())
                b.append("<span class=\"actor\">").append(esc(a[0])).append(": <a href=\"").append(esc(Html.localHref(a[1])))
                    .append("\">").append(esc(a[2])).append("</a></span><br>");
            b.append("</td><td>");
            for (String[] e : it.evidence())
                b.append("<a href=\"").append(esc(Html.localHref(e[0]))).append("\" title=\"").append(esc(e[2])).append("\">")
                    .append(esc(e[1])).append("</a><br>");
            b.append("</td></tr>\n");
        }
        b.append("</tbody></table>\n<p>").append(shown.size()).append(" of ").append(all.size()).append(" events.</p>");
        return Html.page("Timeline", b.toString());
    }

    static String select(String name, String label, TreeMap<String, String> options, String chosen) {
        StringBuilder b = new StringBuilder("<label>").append(esc(label)).append(" <select name=\"").append(name)
            .append("\"><option value=\"\">any</option>");
        options.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue()).forEach(o ->
            b.append("<option value=\"").append(esc(o.getKey())).append("\"").append(o.getKey().equals(chosen) ? " selected" : "")
                .append(">").append(esc(o.getValue())).append("</option>"));
        return b.append("</select></label> ").toString();
    }
}

package org.w3id.ftkg.serve;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.w3id.ftkg.serve.ViewQueries.TimelineItem;
import org.w3id.ftkg.serve.html.Link;
import org.w3id.ftkg.serve.html.Option;
import org.w3id.ftkg.serve.html.TimelinePage;

/**
 * The timeline page: one page of the events a filter (type, actor, source; empty or null for any)
 * keeps, the filters' choices, and links to the pages before and after.
 */
final class TimelineView {
    private TimelineView() {}

    /**
     * @param items  the page's events, and one more if a next page exists
     * @param types  event classes to offer (IRI to label)
     * @param files  source files to offer
     */
    static TimelinePage page(List<TimelineItem> items, ViewQueries.TimelineFilter f, int offset, int size,
                             Map<String, String> types, List<String> files) {
        List<TimelineItem> shown = items.subList(0, Math.min(size, items.size()));
        TreeMap<String, String> actors = new TreeMap<>(), sources = new TreeMap<>();
        shown.forEach(it -> it.actors().forEach(a -> actors.put(a.iri(), a.label())));
        // The actor chosen stays offered even when this page's events name it under no label yet.
        if (!ViewQueries.none(f.actor()))
            actors.putIfAbsent(f.actor(), f.actor());
        files.forEach(file -> sources.put(file, file));
        return new TimelinePage(options(types, f.type()), options(actors, f.actor()), options(sources, f.source()),
            shown.stream().map(TimelineView::event).toList(), offset + 1,
            offset > 0 ? href(f, Math.max(0, offset - size), size) : "",
            items.size() > size ? href(f, offset + size, size) : "");
    }

    /** The link to a page of the same filters. */
    static String href(ViewQueries.TimelineFilter f, int offset, int size) {
        StringBuilder b = new StringBuilder("/timeline?offset=").append(offset);
        if (size != TimelinePage.DEFAULT_SIZE)
            b.append("&size=").append(size);
        param(b, "type", f.type());
        param(b, "actor", f.actor());
        param(b, "source", f.source());
        return b.toString();
    }

    private static void param(StringBuilder b, String name, String value) {
        if (!ViewQueries.none(value))
            b.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }

    static TimelinePage.Event event(TimelineItem it) {
        return new TimelinePage.Event(Link.to(it.event(), it.label()), it.typeLabel(), it.status(), it.date(),
            display(it.date(), it.datatype()), it.inferred(), it.dateText(),
            it.actors().stream().map(a -> new TimelinePage.Actor(a.role(), Link.to(a.iri(), a.label()))).toList(),
            it.evidence().stream().map(e -> new TimelinePage.Cited(Link.localHref(e.fact()), e.file(), e.quote())).toList());
    }

    /** Choices sorted by label, the chosen one selected. */
    static List<Option> options(Map<String, String> valueToLabel, String chosen) {
        return valueToLabel.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
            .map(o -> new Option(o.getKey(), o.getValue(), o.getKey().equals(chosen))).toList();
    }

    /** A date as precise as its datatype: "2009", "July 2023", "13 July 2023"; anything else as it is. */
    static String display(String lexical, String datatype) {
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
}

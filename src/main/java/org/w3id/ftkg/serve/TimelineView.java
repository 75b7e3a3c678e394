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

/** The timeline page: the events a filter (type, actor, source; empty or null for any) keeps, and the filters' choices. */
final class TimelineView {
    private TimelineView() {}

    static TimelinePage page(List<TimelineItem> all, String type, String actor, String source) {
        TreeMap<String, String> types = new TreeMap<>(), actors = new TreeMap<>(), sources = new TreeMap<>();
        for (TimelineItem it : all) {
            types.put(it.type(), it.typeLabel());
            it.actors().forEach(a -> actors.put(a.iri(), a.label()));
            it.evidence().forEach(e -> sources.put(e.file(), e.file()));
        }
        List<TimelinePage.Event> shown = all.stream()
            .filter(it -> none(type) || it.type().equals(type))
            .filter(it -> none(actor) || it.actors().stream().anyMatch(a -> a.iri().equals(actor)))
            .filter(it -> none(source) || it.evidence().stream().anyMatch(e -> e.file().equals(source)))
            .map(TimelineView::event)
            .toList();
        return new TimelinePage(options(types, type), options(actors, actor), options(sources, source), shown, all.size());
    }

    private static boolean none(String filter) {
        return filter == null || filter.isEmpty();
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

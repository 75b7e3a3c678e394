package org.w3id.ftkg.serve;

import static org.apache.commons.lang3.StringUtils.isEmpty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.w3id.ftkg.serve.ViewQueries.TimelineFilter;
import org.w3id.ftkg.serve.ViewQueries.TimelineItem;
import org.w3id.ftkg.serve.html.Link;
import org.w3id.ftkg.serve.html.Option;
import org.w3id.ftkg.serve.html.TimelinePage;

/** The timeline page: one page of the events a filter keeps, the filters' choices, and links to the pages around it. */
final class TimelineView {
    private TimelineView() {}

    /** {@code items}: the page's events and one more if a next page exists; {@code types}: IRI to label. */
    static TimelinePage page(List<TimelineItem> items, TimelineFilter f, int offset, int size, Map<String, String> types,
                             List<String> files) {
        List<TimelineItem> shown = items.subList(0, Math.min(size, items.size()));
        TreeMap<String, String> actors = new TreeMap<>(), sources = new TreeMap<>();
        shown.forEach(it -> it.actors().forEach(a -> actors.put(a.iri(), a.label())));
        // The actor chosen stays offered even when this page's events name it under no label yet.
        if (!isEmpty(f.actor()))
            actors.putIfAbsent(f.actor(), f.actor());
        files.forEach(file -> sources.put(file, file));
        return new TimelinePage(options(types, f.type()), options(actors, f.actor()), options(sources, f.source()),
            shown.stream().map(TimelineView::event).toList(), offset + 1,
            offset > 0 ? href(f, Math.max(0, offset - size), size) : "",
            items.size() > size ? href(f, offset + size, size) : "");
    }

    /** The link to a page of the same filters. */
    static String href(TimelineFilter f, int offset, int size) {
        StringBuilder b = new StringBuilder("/timeline?offset=").append(offset);
        if (size != TimelinePage.DEFAULT_SIZE)
            b.append("&size=").append(size);
        for (String[] p : new String[][] { { "type", f.type() }, { "actor", f.actor() }, { "source", f.source() } })
            if (!isEmpty(p[1]))
                b.append('&').append(p[0]).append('=').append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
        return b.toString();
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
            if (datatype.endsWith("#gYearMonth"))
                return YearMonth.parse(lexical).format(DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH));
            if (datatype.endsWith("#date"))
                return LocalDate.parse(lexical).format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
        } catch (DateTimeException e) {
            // not a date of that form: shown as it is
        }
        return lexical;
    }
}

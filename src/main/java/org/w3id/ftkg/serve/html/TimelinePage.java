package org.w3id.ftkg.serve.html;

import java.util.List;

/** Dated events in order, each at its own precision, with the filters that chose them. */
public record TimelinePage(List<Option> types, List<Option> actors, List<Option> sources, List<Event> events, int total)
    implements Page {
    /**
     * An event; {@code date} is the ISO form (empty when the text gives only words), {@code shownDate}
     * the same at its precision ("2009", "July 2023", "13 July 2023"), {@code status} empty unless alleged or the like.
     */
    public record Event(Link event, String typeLabel, String status, String date, String shownDate, boolean inferred,
                       String dateText, List<Actor> actors, List<Cited> evidence) {}

    /** Who or where, in which role (agent, target, participant, place). */
    public record Actor(String role, Link who) {}

    /** A fact the event comes from: its page, its source file, and its quote. */
    public record Cited(String href, String file, String quote) {}
}

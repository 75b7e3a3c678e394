package org.w3id.ftkg.serve.html;

import java.util.List;

/** One page of the events in date order with its filters; {@code first} counts from 1; an empty href: no such page. */
public record TimelinePage(List<Option> types, List<Option> actors, List<Option> sources, List<Event> events, int first,
                           String previousHref, String nextHref) implements Page {
    /** Events a page shows unless asked for another number, and the most it shows. */
    public static final int DEFAULT_SIZE = 50, MAX_SIZE = 200;

    /** An event; {@code date}: ISO (empty if only words), {@code shownDate}: at its precision ("July 2023"). */
    public record Event(Link event, String typeLabel, String status, String date, String shownDate, boolean inferred,
                       String dateText, List<Actor> actors, List<Cited> evidence) {}

    /** Who or where, in which role (agent, target, participant, place). */
    public record Actor(String role, Link who) {}

    /** A fact the event comes from: its page, its source file, and its quote. */
    public record Cited(String href, String file, String quote) {}
}

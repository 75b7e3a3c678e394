package org.w3id.ftkg.serve.html;

import java.util.List;

/** The changes from one release to the next: facts added, removed and changed (old next to new), matched by id, compared by hash. */
public record ChangesPage(String from, String to, int unchanged, List<Fact> added, List<Fact> removed, List<Change> changed)
    implements Page {
    /** A fact in one release; {@code href} opens it in that release. */
    public record Fact(String id, String href, String hash, String quote, String source, String offsets) {}

    public record Change(Fact before, Fact after) {}
}

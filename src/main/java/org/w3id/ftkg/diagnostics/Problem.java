package org.w3id.ftkg.diagnostics;

import java.util.Comparator;

/** One thing wrong with the input, located so that a curator can go straight to it. */
public record Problem(Location at, String message) implements Comparable<Problem> {
    private static final Comparator<Problem> ORDER = Comparator.comparing((Problem p) -> p.at.file())
        .thenComparingInt(p -> p.at.line()).thenComparingInt(p -> p.at.column()).thenComparing(Problem::message);

    @Override
    public String toString() {
        return at + ": " + message;
    }

    @Override
    public int compareTo(Problem o) {
        return ORDER.compare(this, o);
    }
}

package org.w3id.ftkg.diagnostics;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a run, so that all of them are reported at once. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(Location at, String message) {
        list.add(new Problem(at, message));
    }

    public void addAll(Problems other) {
        list.addAll(other.list);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** Sorted by file and line, duplicates removed. */
    public List<Problem> sorted() {
        return list.stream().distinct().sorted().toList();
    }

    /** Throws {@link InvalidInputException} if any problem was recorded. */
    public void throwIfAny() {
        if (!list.isEmpty())
            throw new InvalidInputException(sorted());
    }
}

package org.w3id.ftkg.serve.html;

import java.util.List;

/** A piece of a source text between two quote boundaries (code points), with the facts whose quotes cover it. */
public record Passage(int start, int end, String text, List<String> factIds) {
    public boolean quoted() {
        return !factIds.isEmpty();
    }

    public String factList() {
        return String.join(" ", factIds);
    }
}

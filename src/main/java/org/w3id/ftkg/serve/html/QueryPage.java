package org.w3id.ftkg.serve.html;

import java.util.List;

/** The query page: an editor with the prefixes filled in, and the project's example queries. */
public record QueryPage(List<Example> examples) implements Page {
    /** An example query: its file name in queries/ and its text. */
    public record Example(String name, String text) {}
}

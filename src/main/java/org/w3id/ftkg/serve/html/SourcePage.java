package org.w3id.ftkg.serve.html;

import java.util.List;

/** A source document with its description and its text, every quoted passage linked to its facts. */
public record SourcePage(String iri, String stem, String title, List<Property> description, int factCount, List<Passage> text,
                         String dataPath) implements Page {
    public record Property(String name, Value value) {}
}

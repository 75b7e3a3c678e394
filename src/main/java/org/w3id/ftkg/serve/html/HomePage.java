package org.w3id.ftkg.serve.html;

import java.util.List;

/** What the dataset is, how big, where it comes from, and where to start. */
public record HomePage(List<Count> counts, List<Link> entities, List<Source> sources) implements Page {
    public record Count(String name, long value) {}

    /** A source document: its page, its file name, and its title where the text gives one. */
    public record Source(String stem, String file, String title) {
        public String href() {
            return "/source/" + stem;
        }
    }
}

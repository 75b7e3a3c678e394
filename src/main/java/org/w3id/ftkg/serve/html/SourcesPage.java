package org.w3id.ftkg.serve.html;

import java.util.List;

/** Each source with its metadata, how many facts and entities come from it, and how much of it the facts cover. */
public record SourcesPage(List<Row> rows) implements Page {
    /** One source; {@code author}, {@code publisher} and {@code date} are null where the text does not state them. */
    public record Row(String stem, String file, String title, String author, String publisher, String date, long facts,
                      long entities, int sentences, int coveredSentences, List<Passage> text) {
        public long coveragePercent() {
            return sentences == 0 ? 0 : Math.round(100.0 * coveredSentences / sentences);
        }

        public String href() {
            return "/source/" + stem;
        }
    }
}

package org.w3id.ftkg.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.w3id.ftkg.curation.FactRecord;
import org.w3id.ftkg.curation.SourceRecord;
import org.w3id.ftkg.curation.StatementSpec;
import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;
import org.w3id.ftkg.source.SourceText;

/** A source's title, authors, publisher and date are facts like any other, each quoting the passage that gives it. */
public final class SourceFacts {
    private SourceFacts() {}

    /** The fact id prefix of a source's metadata facts: {@code source-} and the kebab-cased stem. */
    public static String idPrefix(String stem) {
        return "source-" + stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    public static List<FactRecord> of(SourceRecord s, Problems problems) {
        List<FactRecord> out = new ArrayList<>();
        if (s.file() == null)
            return out;
        String subject = ThingIndex.SOURCE_REF + SourceText.stem(s.file());
        String prefix = idPrefix(SourceText.stem(s.file()));
        if (s.title() != null)
            out.add(fact(prefix + "-title", s, s.title().value(), s.title().at(),
                new StatementSpec(subject, "title", null, s.title().value(), "en", s.title().at())));
        if (!s.authors().isEmpty()) {
            Location at = s.authors().get(0).at();
            if (s.authorQuote() == null)
                problems.add(at, "'author' needs 'author_quote', the passage of the source that names the author");
            else
                out.add(fact(prefix + "-author", s, s.authorQuote(), at, s.authors().stream()
                    .map(a -> new StatementSpec(subject, "author", a.value(), null, null, a.at()))
                    .toArray(StatementSpec[]::new)));
        }
        if (s.publisher() != null && s.publisherQuote() == null)
            problems.add(s.publisher().at(), "'publisher' needs 'publisher_quote'");
        else if (s.publisher() != null)
            out.add(fact(prefix + "-publisher", s, s.publisherQuote(), s.publisher().at(),
                new StatementSpec(subject, "publisher", s.publisher().value(), null, null, s.publisher().at())));
        if (s.date() != null && s.dateQuote() == null)
            problems.add(s.date().at(), "'date' needs 'date_quote'");
        else if (s.date() != null && s.date().value() == null)
            problems.add(s.date().at(), "a publication date needs a value");
        else if (s.date() != null)
            out.add(fact(prefix + "-date", s, s.dateQuote(), s.date().at(),
                new StatementSpec(subject, "date", null, s.date().value(), null, s.date().at())));
        return out;
    }

    private static FactRecord fact(String id, SourceRecord s, String quote, Location at, StatementSpec... st) {
        return new FactRecord(id, s.file(), quote, null, null, List.of(), List.of(st), List.of(), at);
    }
}

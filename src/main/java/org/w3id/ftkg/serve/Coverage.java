package org.w3id.ftkg.serve;

import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;

/** The share of a source's sentences that at least one fact quotes from. */
public final class Coverage {
    public record Result(int sentences, int covered) {
        public double share() {
            return sentences == 0 ? 0 : (double) covered / sentences;
        }
    }

    private Coverage() {}

    public static Result of(String text, List<FactView> facts) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text);
        int sentences = 0, covered = 0;
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            if (text.substring(start, end).isBlank())
                continue;
            sentences++;
            int s = text.codePointCount(0, start), e = text.codePointCount(0, end);
            for (FactView f : facts)
                if (f.start() < e && f.end() > s) {
                    covered++;
                    break;
                }
        }
        return new Result(sentences, covered);
    }
}

package org.w3id.ftkg.validate;

import java.util.List;
import java.util.Optional;

/**
 * Finds a curated quote in its source. A quote must be an exact substring; when it is not, the
 * problem names the nearest passage so that the curator can copy it.
 */
public final class QuoteLocator {
    /** Context kept either side of a quote, in code points; enough to re-anchor a quote in an edited copy. */
    public static final int CONTEXT = 32;

    private QuoteLocator() {}

    /**
     * @param occurrence 1-based occurrence to take when the quote occurs more than once, or null
     */
    public static Optional<QuoteMatch> locate(SourceText src, String quote, Integer occurrence, Location at,
                                              String factId, Problems problems) {
        List<Integer> hits = src.occurrences(quote);
        if (hits.isEmpty()) {
            problems.add(at, "fact " + factId + ": quote is not in " + src.fileName() + ": «" + abbreviate(quote)
                + "»" + hint(src, quote));
            return Optional.empty();
        }
        int idx;
        if (occurrence == null) {
            if (hits.size() > 1) {
                StringBuilder lines = new StringBuilder();
                for (int h : hits)
                    lines.append(lines.length() == 0 ? "" : ", ").append(src.lineOf(h));
                problems.add(at, "fact " + factId + ": quote occurs " + hits.size() + " times in " + src.fileName()
                    + " (lines " + lines + "); add 'occurrence: N' or quote more text to make it unique");
                return Optional.empty();
            }
            idx = hits.get(0);
        } else {
            if (occurrence > hits.size()) {
                problems.add(at, "fact " + factId + ": 'occurrence: " + occurrence + "' but the quote occurs only "
                    + hits.size() + " time(s) in " + src.fileName());
                return Optional.empty();
            }
            idx = hits.get(occurrence - 1);
        }
        int start = src.toCodePoints(idx);
        int end = start + quote.codePointCount(0, quote.length());
        int total = src.codePointLength();
        String prefix = src.slice(Math.max(0, start - CONTEXT), start);
        String suffix = src.slice(end, Math.min(total, end + CONTEXT));
        return Optional.of(new QuoteMatch(src, quote, start, end, src.lineOf(idx), prefix, suffix));
    }

    /**
     * Suggests the nearest passage: the longest head of the quote that the source contains, and
     * where the two part ways.
     */
    static String hint(SourceText src, String quote) {
        String text = src.text();
        Optional<String> invisible = InvisibleDifference.find(text, quote);
        if (invisible.isPresent())
            return invisible.get();
        // Copy-paste slips first: straight for curly quotes, hyphens for dashes, spacing, case.
        int folded = fold(text).indexOf(fold(quote));
        if (folded >= 0)
            return "; the source has it with other quotation marks, dashes, spaces or case (line " + src.lineOf(folded)
                + "): «" + abbreviate(text.substring(folded, folded + quote.length())) + "»";
        int lo = 0, hi = quote.length();
        // Binary search on prefix length: "prefix occurs" is monotone.
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (text.contains(quote.substring(0, mid)))
                lo = mid;
            else
                hi = mid - 1;
        }
        int headLen = lo;
        int tailLen = 0;
        lo = 0;
        hi = quote.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (text.contains(quote.substring(quote.length() - mid)))
                lo = mid;
            else
                hi = mid - 1;
        }
        tailLen = lo;
        if (Math.max(headLen, tailLen) < 8)
            return "; no passage of the source resembles it";
        int at;
        String near;
        if (headLen >= tailLen) {
            at = text.indexOf(quote.substring(0, headLen));
            near = text.substring(at, Math.min(text.length(), at + quote.length() + 10));
            return "; the source agrees up to «" + abbreviate(quote.substring(0, headLen)) + "» then differs. Nearest passage (line "
                + src.lineOf(at) + "): «" + abbreviate(near) + "»";
        }
        int tailAt = text.indexOf(quote.substring(quote.length() - tailLen));
        at = Math.max(0, tailAt - (quote.length() - tailLen));
        near = text.substring(at, tailAt + tailLen);
        return "; the source agrees only from «" + abbreviate(quote.substring(quote.length() - tailLen))
            + "». Nearest passage (line " + src.lineOf(tailAt) + "): «" + abbreviate(near) + "»";
    }

    /** A one-to-one folding of characters (same length), so that indices in the folded text hold in the original. */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(switch (c) {
                case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> '"';
                case '\u2018', '\u2019', '\u201A', '\u00B4', '`' -> '\'';
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
                case '\u00A0', '\t', '\n', '\r', '\u2009', '\u202F' -> ' ';
                default -> Character.toLowerCase(c);
            });
        }
        return b.toString();
    }

    static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() <= 160 ? one : one.substring(0, 157) + "...";
    }
}

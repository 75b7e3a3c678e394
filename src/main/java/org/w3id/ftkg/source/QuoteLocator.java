package org.w3id.ftkg.source;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;

/**
 * Finds the curated quotes of one source. A quote must be an exact substring; when it is not, the
 * problem names the nearest passage so that the curator can copy it. Offsets, lines and context
 * come from tables built once per source (counting from the start of the text for every quote
 * made checking a source quadratic in its length); positions are found by a rolling hash of
 * their first {@link #K} chars.
 */
public final class QuoteLocator {
    /** Context kept either side of a quote, in code points; enough to re-anchor a quote in an edited copy. */
    public static final int CONTEXT = 32;

    private final SourceText src;
    private final String text;
    /** UTF-16 index of each code point, and the length at the end; null if every char is a code point. */
    private final int[] cpStart;
    /** Code points before each UTF-16 index; null if every char is a code point. */
    private final int[] cpBefore;
    private final int cpLength;
    /** UTF-16 indices of the line feeds. */
    private final int[] newlines;
    /**
     * Every position of the text, chained by the hash of the {@link #K} chars there: {@code head}
     * holds the first position of each bucket, {@code next} the following one (-1 ends a chain),
     * in reading order.
     */
    private final int[] head;
    private final int[] next;
    private final int mask;
    private static final int K = 12;
    /** 31^K, to roll the hash along the text. */
    private static final int POW;
    static {
        int p = 1;
        for (int i = 0; i < K; i++)
            p *= 31;
        POW = p;
    }

    public QuoteLocator(SourceText src) {
        this.src = src;
        this.text = src.text();
        int n = text.length();
        boolean surrogates = false;
        int lines = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c))
                surrogates = true;
            else if (c == '\n')
                lines++;
        }
        newlines = new int[lines];
        for (int i = 0, k = 0; i < n; i++)
            if (text.charAt(i) == '\n')
                newlines[k++] = i;
        if (!surrogates) {
            cpStart = null;
            cpBefore = null;
            cpLength = n;
        } else {
            // As String.codePointCount and offsetByCodePoints count: a pair is one code point, a lone surrogate one.
            cpBefore = new int[n + 1];
            int[] starts = new int[n + 1];
            int cp = 0;
            for (int i = 0; i < n; i++) {
                boolean low = i > 0 && Character.isLowSurrogate(text.charAt(i)) && Character.isHighSurrogate(text.charAt(i - 1));
                cpBefore[i] = cp;
                if (!low)
                    starts[cp++] = i;
            }
            cpBefore[n] = cp; // (before the low half of a pair, the high half counts: as codePointCount(0, i))
            starts[cp] = n;
            cpStart = Arrays.copyOf(starts, cp + 1);
            cpLength = cp;
        }
        int positions = Math.max(0, n - K + 1);
        mask = Integer.highestOneBit(Math.max(1, positions)) * 2 - 1;
        head = new int[mask + 1];
        Arrays.fill(head, -1);
        next = new int[positions];
        if (positions > 0) {
            int[] hashes = new int[positions];
            int h = hash(text, 0);
            hashes[0] = h;
            for (int i = 1; i < positions; i++) {
                h = 31 * h - POW * text.charAt(i - 1) + text.charAt(i + K - 1);
                hashes[i] = h;
            }
            for (int i = positions - 1; i >= 0; i--) { // backwards, so that each chain is in reading order
                int b = mix(hashes[i]) & mask;
                next[i] = head[b];
                head[b] = i;
            }
        }
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    private static int hash(String s, int from) {
        int h = 0;
        for (int i = from; i < from + K; i++)
            h = 31 * h + s.charAt(i);
        return h;
    }

    /**
     * The quote's match, its offsets and context taken from the tables.
     *
     * @param occurrence 1-based occurrence to take when the quote occurs more than once, or null
     */
    public Optional<QuoteMatch> locate(String quote, Integer occurrence, Location at, String factId, Problems problems) {
        int want = occurrence == null ? 1 : occurrence;
        int idx = -1, found = 0;
        if (quote.length() >= K) {
            // The occurrences, in reading order, among the positions whose first K chars hash to the quote's bucket.
            for (int i = head[mix(hash(quote, 0)) & mask]; i >= 0; i = next[i]) {
                if (!text.startsWith(quote, i))
                    continue;
                found++;
                if (found == want)
                    idx = i;
                if (found > want || (occurrence != null && found == want))
                    break;
            }
        } else if (!quote.isEmpty())
            for (int i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
                found++;
                if (found == want)
                    idx = i;
                if (found > want || (occurrence != null && found == want))
                    break;
            }
        boolean ok = idx >= 0 && (occurrence != null || found == 1);
        if (!ok)
            return report(src, quote, occurrence, at, factId, problems);
        if (splitsPair(idx) || splitsPair(idx + quote.length())) {
            problems.add(at, "fact " + factId + ": quote begins or ends inside a character of " + src.fileName()
                + " (half of a UTF-16 surrogate pair)");
            return Optional.empty();
        }
        int start = toCodePoints(idx);
        int end = start + quote.codePointCount(0, quote.length());
        String prefix = slice(Math.max(0, start - CONTEXT), start);
        String suffix = slice(end, Math.min(cpLength, end + CONTEXT));
        return Optional.of(new QuoteMatch(src, quote, start, end, lineOf(idx), prefix, suffix));
    }

    /** True if a UTF-16 index falls between the two halves of a surrogate pair. */
    private boolean splitsPair(int i) {
        return i > 0 && i < text.length() && Character.isHighSurrogate(text.charAt(i - 1))
            && Character.isLowSurrogate(text.charAt(i));
    }

    private int toCodePoints(int utf16) {
        return cpBefore == null ? utf16 : cpBefore[utf16];
    }

    private int toUtf16(int cp) {
        if (cp < 0 || cp > cpLength)
            throw new IndexOutOfBoundsException(cp);
        return cpStart == null ? cp : cpStart[cp];
    }

    private String slice(int startCp, int endCp) {
        return text.substring(toUtf16(startCp), toUtf16(endCp));
    }

    /** 1-based line of a UTF-16 index: one more than the line feeds before it. */
    private int lineOf(int utf16) {
        int i = Arrays.binarySearch(newlines, utf16);
        return 1 + (i >= 0 ? i : -i - 1);
    }

    /** Finds a quote the slow way, to report why it is missing or ambiguous (in the words curators know). */
    private static Optional<QuoteMatch> report(SourceText src, String quote, Integer occurrence, Location at,
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

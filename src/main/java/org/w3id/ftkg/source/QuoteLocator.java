package org.w3id.ftkg.source;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;

/**
 * Finds the quotes of one source (a missing one's problem names the nearest passage) from tables built once, not
 * quadratic searches; positions are chained by a rolling hash of their first {@link #K} chars.
 */
public final class QuoteLocator {
    /** Context kept either side of a quote, in code points; enough to re-anchor a quote in an edited copy. */
    public static final int CONTEXT = 32;
    private static final int K = 12;
    /** 31^K, to roll the hash along the text. */
    private static final int POW = IntStream.range(0, K).reduce(1, (p, i) -> p * 31);

    private final SourceText src;
    private final String text;
    /** Code points before each UTF-16 index (as String.codePointCount counts); null if every char is one. */
    private final int[] cpBefore;
    /** UTF-16 indices of the line feeds. */
    private final int[] newlines;
    /** Positions chained by hash bucket in reading order: {@code head} starts, {@code next} goes on, -1 ends. */
    private final int[] head;
    private final int[] next;
    private final int mask;

    public QuoteLocator(SourceText src) {
        this.src = src;
        this.text = src.text();
        int n = text.length();
        newlines = IntStream.range(0, n).filter(i -> text.charAt(i) == '\n').toArray();
        cpBefore = text.chars().noneMatch(c -> Character.isSurrogate((char) c)) ? null : new int[n + 1];
        for (int i = 0; cpBefore != null && i < n; i++) // the low half of a pair starts no code point
            cpBefore[i + 1] = cpBefore[i] + (i > 0 && Character.isLowSurrogate(text.charAt(i))
                && Character.isHighSurrogate(text.charAt(i - 1)) ? 0 : 1);
        int positions = Math.max(0, n - K + 1);
        mask = Integer.highestOneBit(Math.max(1, positions)) * 2 - 1;
        head = new int[mask + 1];
        Arrays.fill(head, -1);
        next = new int[positions];
        int[] hashes = new int[positions];
        for (int i = 0; i < positions; i++)
            hashes[i] = i == 0 ? hash(text) : 31 * hashes[i - 1] - POW * text.charAt(i - 1) + text.charAt(i + K - 1);
        for (int i = positions - 1; i >= 0; i--) { // backwards, so that each chain is in reading order
            int b = mix(hashes[i]) & mask;
            next[i] = head[b];
            head[b] = i;
        }
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    /** The hash of the first K chars: String's own, 31-based, which the table rolls along the text. */
    private static int hash(String s) {
        return s.substring(0, K).hashCode();
    }

    /** The quote's match; {@code occurrence} (1-based, or null) picks one of several. */
    public Optional<QuoteMatch> locate(String quote, Integer occurrence, Location at, String factId, Problems problems) {
        int want = occurrence == null ? 1 : occurrence;
        int idx = -1, found = 0;
        boolean hashed = quote.length() >= K;
        // The occurrences in reading order: among the positions of the quote's bucket, or by a plain search.
        for (int i = quote.isEmpty() ? -1 : hashed ? head[mix(hash(quote)) & mask] : text.indexOf(quote); i >= 0;
             i = hashed ? next[i] : text.indexOf(quote, i + 1)) {
            if (hashed && !text.startsWith(quote, i))
                continue;
            if (++found == want)
                idx = i;
            if (found > want || (occurrence != null && found == want))
                break;
        }
        if (idx < 0 || (occurrence == null && found != 1)) {
            report(quote, occurrence, at, factId, problems);
            return Optional.empty();
        }
        if (splitsPair(idx) || splitsPair(idx + quote.length())) {
            problems.add(at, "fact " + factId + ": quote begins or ends inside a character of " + src.fileName()
                + " (half of a UTF-16 surrogate pair)");
            return Optional.empty();
        }
        int start = cpBefore == null ? idx : cpBefore[idx], after = idx + quote.length();
        int end = start + quote.codePointCount(0, quote.length());
        int cpLength = cpBefore == null ? text.length() : cpBefore[text.length()];
        String prefix = text.substring(text.offsetByCodePoints(idx, -Math.min(CONTEXT, start)), idx);
        String suffix = text.substring(after, text.offsetByCodePoints(after, Math.min(CONTEXT, cpLength - end)));
        int line = Arrays.binarySearch(newlines, idx); // one more than the line feeds before idx
        return Optional.of(new QuoteMatch(src, quote, start, end, 1 + (line >= 0 ? line : -line - 1), prefix, suffix));
    }

    /** True if a UTF-16 index falls between the two halves of a surrogate pair. */
    private boolean splitsPair(int i) {
        return i > 0 && i < text.length() && Character.isHighSurrogate(text.charAt(i - 1))
            && Character.isLowSurrogate(text.charAt(i));
    }

    /** Reports why a quote is missing or ambiguous, in the words curators know. */
    private void report(String quote, Integer occurrence, Location at, String factId, Problems problems) {
        List<Integer> hits = src.occurrences(quote);
        if (hits.isEmpty())
            problems.add(at, "fact " + factId + ": quote is not in " + src.fileName() + ": «" + abbreviate(quote)
                + "»" + hint(src, quote));
        else if (occurrence == null)
            problems.add(at, "fact " + factId + ": quote occurs " + hits.size() + " times in " + src.fileName()
                + " (lines " + String.join(", ", hits.stream().map(h -> String.valueOf(src.lineOf(h))).toList())
                + "); add 'occurrence: N' or quote more text to make it unique");
        else if (occurrence > hits.size())
            problems.add(at, "fact " + factId + ": 'occurrence: " + occurrence + "' but the quote occurs only "
                + hits.size() + " time(s) in " + src.fileName());
    }

    /** Suggests the nearest passage: the longest head or tail of the quote that the source contains. */
    static String hint(SourceText src, String quote) {
        String text = src.text();
        Optional<String> invisible = InvisibleDifference.find(src, quote);
        if (invisible.isPresent())
            return invisible.get();
        // Copy-paste slips first: straight for curly quotes, hyphens for dashes, spacing, case.
        int folded = fold(text).indexOf(fold(quote));
        if (folded >= 0)
            return "; the source has it with other quotation marks, dashes, spaces or case (line " + src.lineOf(folded)
                + "): «" + abbreviate(text.substring(folded, folded + quote.length())) + "»";
        int headLen = longest(len -> text.contains(quote.substring(0, len)), quote.length());
        int tailLen = longest(len -> text.contains(quote.substring(quote.length() - len)), quote.length());
        if (Math.max(headLen, tailLen) < 8)
            return "; no passage of the source resembles it";
        if (headLen >= tailLen) {
            int at = text.indexOf(quote.substring(0, headLen));
            String near = text.substring(at, Math.min(text.length(), at + quote.length() + 10));
            return "; the source agrees up to «" + abbreviate(quote.substring(0, headLen)) + "» then differs. Nearest passage (line "
                + src.lineOf(at) + "): «" + abbreviate(near) + "»";
        }
        int tailAt = text.indexOf(quote.substring(quote.length() - tailLen));
        String near = text.substring(Math.max(0, tailAt - (quote.length() - tailLen)), tailAt + tailLen);
        return "; the source agrees only from «" + abbreviate(quote.substring(quote.length() - tailLen))
            + "». Nearest passage (line " + src.lineOf(tailAt) + "): «" + abbreviate(near) + "»";
    }

    /** The largest length up to {@code max} that {@code found} accepts, by binary search ("occurs" is monotone). */
    private static int longest(IntPredicate found, int max) {
        int lo = 0, hi = max;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (found.test(mid))
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }

    /** A one-to-one folding of characters (same length), so that indices in the folded text hold in the original. */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++)
            b.append(switch (s.charAt(i)) {
                case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> '"';
                case '\u2018', '\u2019', '\u201A', '\u00B4', '`' -> '\'';
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
                case '\u00A0', '\t', '\n', '\r', '\u2009', '\u202F' -> ' ';
                default -> Character.toLowerCase(s.charAt(i));
            });
        return b.toString();
    }

    static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() <= 160 ? one : one.substring(0, 157) + "...";
    }
}

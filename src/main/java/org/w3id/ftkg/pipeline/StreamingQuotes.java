package org.w3id.ftkg.pipeline;

import java.util.Arrays;
import java.util.Optional;

import org.w3id.ftkg.validate.Location;
import org.w3id.ftkg.validate.Problems;
import org.w3id.ftkg.validate.QuoteLocator;
import org.w3id.ftkg.validate.QuoteMatch;
import org.w3id.ftkg.validate.SourceText;

/**
 * {@link QuoteLocator#locate} for many quotes of one source: the same matches, with the offsets,
 * lines and context taken from tables built once per source instead of by counting from the start
 * of the text for every quote (which made checking a source's quotes quadratic in its length).
 * A quote that is missing or ambiguous is handed to {@link QuoteLocator} itself, so that the
 * problem it reports is word for word the same.
 */
final class StreamingQuotes {
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

    StreamingQuotes(SourceText src) {
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

    Optional<QuoteMatch> locate(String quote, Integer occurrence, Location at, String factId, Problems problems) {
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
            return QuoteLocator.locate(src, quote, occurrence, at, factId, problems); // reports the problem
        int start = toCodePoints(idx);
        int end = start + quote.codePointCount(0, quote.length());
        String prefix = slice(Math.max(0, start - QuoteLocator.CONTEXT), start);
        String suffix = slice(end, Math.min(cpLength, end + QuoteLocator.CONTEXT));
        return Optional.of(new QuoteMatch(src, quote, start, end, lineOf(idx), prefix, suffix));
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
}

package org.w3id.ftkg.source;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Explains a quote that differs from its source only by what a curator cannot see (zero-width or no-break space,
 * soft hyphen, line break, NFC against NFD): "differs at character 17: U+200B ZERO WIDTH SPACE…".
 */
final class InvisibleDifference {
    private InvisibleDifference() {}

    /** Text with invisible differences ironed out, and for each of its chars the index it came from. */
    private record Folded(String text, int[] origin) {}

    /** The explanation, if the quote is in the source once invisible differences are ignored. */
    static Optional<String> find(SourceText src, String quote) {
        Folded ft = fold(src.text());
        Folded fq = fold(quote);
        int at = fq.text().isEmpty() ? -1 : ft.text().indexOf(fq.text());
        // The walk stops at the first difference, which lies within the quote's length of the passage.
        return at < 0 ? Optional.empty() : Optional.of(firstDifference(src, ft.origin()[at], quote));
    }

    /** Drops format characters (category Cf), makes every space or line break one space, decomposes letters (NFD). */
    private static Folded fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int[] origin = new int[s.length() * 4 + 1];
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String out = Character.getType(cp) == Character.FORMAT ? "" : isSpace(cp) ? " "
                : Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
            for (int k = 0; k < out.length(); k++) {
                if (b.length() >= origin.length)
                    origin = Arrays.copyOf(origin, origin.length * 2);
                origin[b.length()] = i;
                b.append(out.charAt(k));
            }
            i += Character.charCount(cp);
        }
        return new Folded(b.toString(), Arrays.copyOf(origin, b.length()));
    }

    /** Walks the source passage from {@code from} and the quote together to the first code point where they part. */
    private static String firstDifference(SourceText src, int from, String quote) {
        String passage = src.text().substring(from);
        int i = 0, j = 0, position = 1;
        while (i < quote.length() && j < passage.length() && quote.codePointAt(i) == passage.codePointAt(j)) {
            i += Character.charCount(quote.codePointAt(i));
            j += Character.charCount(passage.codePointAt(j));
            position++;
        }
        String where = "; it differs from the source (line " + src.lineOf(from + j)
            + ") only by a character you cannot see: differs at character " + position + ": ";
        int q = i < quote.length() ? quote.codePointAt(i) : -1;
        int t = j < passage.length() ? passage.codePointAt(j) : -1;
        if (q >= 0 && Character.getType(q) == Character.FORMAT)
            return where + name(q) + " in the quote, not in the source (an invisible format character: delete it)";
        if (t >= 0 && Character.getType(t) == Character.FORMAT)
            return where + name(t) + " in the source, not in the quote (an invisible format character: copy the passage "
                + "from the source, or end the quote before it)";
        if (q >= 0 && t >= 0 && isSpace(q) && isSpace(t))
            return where + "the quote has " + name(q) + " where the source has " + name(t);
        String qc = cluster(quote, i), tc = cluster(passage, j);
        return where + "the quote has " + names(qc) + " (" + form(qc) + ") where the source has " + names(tc) + " ("
            + form(tc) + "): the same letter, encoded differently; copy the passage from the source";
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** The code point at {@code i} with the combining marks that follow it. */
    private static String cluster(String s, int i) {
        if (i >= s.length())
            return "";
        int end = i + Character.charCount(s.codePointAt(i));
        while (end < s.length() && Character.getType(s.codePointAt(end)) == Character.NON_SPACING_MARK)
            end += Character.charCount(s.codePointAt(end));
        return s.substring(i, end);
    }

    private static String form(String cluster) {
        boolean nfc = Normalizer.isNormalized(cluster, Normalizer.Form.NFC);
        boolean nfd = Normalizer.isNormalized(cluster, Normalizer.Form.NFD);
        return nfc && !nfd ? "composed, NFC" : nfd && !nfc ? "decomposed, NFD" : "another encoding";
    }

    private static String names(String cluster) {
        return cluster.isEmpty() ? "nothing"
            : cluster.codePoints().mapToObj(InvisibleDifference::name).collect(Collectors.joining(" + "));
    }

    static String name(int cp) {
        String n = Character.getName(cp);
        return String.format("U+%04X %s", cp, n == null ? "(unnamed)" : n);
    }
}

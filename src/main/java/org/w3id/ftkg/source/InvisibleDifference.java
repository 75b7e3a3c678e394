package org.w3id.ftkg.source;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Explains a quote that looks right but is not in its source: the two differ only by characters a
 * curator cannot see (a zero-width space, a byte-order mark, a soft hyphen, a no-break space, a line
 * break, or the same letter composed in NFC and decomposed in NFD). The message names the first
 * difference by position and code point: "differs at character 17: U+200B ZERO WIDTH SPACE…".
 */
final class InvisibleDifference {
    private InvisibleDifference() {}

    /** Text with invisible differences ironed out, and for each of its chars the index it came from. */
    private record Folded(String text, int[] origin) {}

    /** The explanation, if the quote is in the source once invisible differences are ignored. */
    static Optional<String> find(String text, String quote) {
        Folded ft = fold(text);
        Folded fq = fold(quote);
        if (fq.text().isEmpty())
            return Optional.empty();
        int at = ft.text().indexOf(fq.text());
        if (at < 0)
            return Optional.empty();
        int from = ft.origin()[at];
        // The walk stops at the first difference, which lies within the quote's length of the passage.
        return Optional.of(firstDifference(text.substring(from), quote, text, from));
    }

    /**
     * Ignores format characters (Unicode category Cf: U+200B, U+FEFF, U+00AD, U+2060…), counts every
     * kind of space or line break as one space, and decomposes letters (NFD), keeping where each
     * output char came from.
     */
    private static Folded fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int[] origin = new int[s.length() * 4 + 1];
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String out;
            if (Character.getType(cp) == Character.FORMAT)
                out = "";
            else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp))
                out = " ";
            else
                out = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
            for (int k = 0; k < out.length(); k++) {
                if (b.length() >= origin.length)
                    origin = java.util.Arrays.copyOf(origin, origin.length * 2);
                origin[b.length()] = i;
                b.append(out.charAt(k));
            }
            i += Character.charCount(cp);
        }
        return new Folded(b.toString(), java.util.Arrays.copyOf(origin, b.length()));
    }

    /** Walks the source passage and the quote together to the first code point where they part. */
    private static String firstDifference(String passage, String quote, String text, int passageStart) {
        int i = 0, j = 0, position = 1;
        while (i < quote.length() && j < passage.length()) {
            int q = quote.codePointAt(i), t = passage.codePointAt(j);
            if (q != t)
                break;
            i += Character.charCount(q);
            j += Character.charCount(t);
            position++;
        }
        String where = "; it differs from the source (line " + lineOf(text, passageStart + j) + ") only by a character you cannot see: "
            + "differs at character " + position + ": ";
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
        if (Normalizer.isNormalized(cluster, Normalizer.Form.NFC) && !Normalizer.isNormalized(cluster, Normalizer.Form.NFD))
            return "composed, NFC";
        if (Normalizer.isNormalized(cluster, Normalizer.Form.NFD) && !Normalizer.isNormalized(cluster, Normalizer.Form.NFC))
            return "decomposed, NFD";
        return "another encoding";
    }

    private static String names(String cluster) {
        if (cluster.isEmpty())
            return "nothing";
        StringBuilder b = new StringBuilder();
        cluster.codePoints().forEach(cp -> b.append(b.length() == 0 ? "" : " + ").append(name(cp)));
        return b.toString();
    }

    static String name(int cp) {
        String n = Character.getName(cp);
        return String.format("U+%04X %s", cp, n == null ? "(unnamed)" : n);
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int k = 0; k < index && k < text.length(); k++)
            if (text.charAt(k) == '\n')
                line++;
        return line;
    }
}

package org.w3id.ftkg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;

class QuoteLocatorTest {
    private static final SourceText SRC = new SourceText("s.txt",
        "Línea uno: “El Chapo” said 𝔸 thing.\nThe cartel moved fentanyl. The cartel moved cocaine.\n", "x", 0);

    @Test
    void offsetsAreCodePointsAndMatchTheText() {
        Problems p = new Problems();
        QuoteMatch m = new QuoteLocator(SRC).locate("𝔸 thing", null, Location.ofFile("f"), "f1", p).orElseThrow();
        assertTrue(p.isEmpty());
        // "Línea uno: “El Chapo” said " is 27 code points; the astral 𝔸 counts as one.
        assertEquals(27, m.start());
        assertEquals(34, m.end());
        assertEquals("𝔸 thing", SRC.slice(m.start(), m.end()));
        assertEquals(1, m.line());
    }

    @Test
    void prefixAndSuffixGiveTheContextEitherSide() {
        Problems p = new Problems();
        QuoteMatch m = new QuoteLocator(SRC).locate("moved cocaine", null, Location.ofFile("f"), "f1", p).orElseThrow();
        assertTrue(SRC.text().contains(m.prefix() + m.exact() + m.suffix()));
        assertEquals(2, m.line());
    }

    @Test
    void anAmbiguousQuoteIsAProblemNamingItsLines() {
        Problems p = new Problems();
        assertTrue(new QuoteLocator(SRC).locate("The cartel moved", null, new Location("f.yaml", 7, 5), "f1", p).isEmpty());
        String msg = p.sorted().get(0).toString();
        assertTrue(msg.startsWith("f.yaml:7:5: fact f1: quote occurs 2 times"), msg);
        assertTrue(msg.contains("occurrence: N"), msg);
    }

    @Test
    void anOccurrenceDisambiguates() {
        Problems p = new Problems();
        QuoteMatch m = new QuoteLocator(SRC).locate("The cartel moved", 2, Location.ofFile("f"), "f1", p).orElseThrow();
        assertEquals("The cartel moved", SRC.slice(m.start(), m.end()));
        assertTrue(SRC.slice(m.end(), m.end() + 8).equals(" cocaine"));
    }

    @Test
    void aNearMissGetsTheNearestPassage() {
        Problems p = new Problems();
        // Straight quotes where the source has curly ones: the classic copy-paste slip.
        new QuoteLocator(SRC).locate("uno: \"El Chapo\" said", null, Location.ofFile("f"), "f1", p);
        String msg = p.sorted().get(0).message();
        assertTrue(msg.contains("quote is not in s.txt"), msg);
        assertTrue(msg.contains("other quotation marks, dashes, spaces or case (line 1)"), msg);
        assertTrue(msg.contains("“El Chapo”"), msg);
    }

    @Test
    void aQuoteWithNothingLikeItSaysSo() {
        Problems p = new Problems();
        new QuoteLocator(SRC).locate("zzzz qqqq", null, Location.ofFile("f"), "f1", p);
        assertTrue(p.sorted().get(0).message().contains("no passage of the source resembles it"));
    }

    /** The problem for a quote that is not in {@code text}. */
    private static String missing(String text, String quote) {
        Problems p = new Problems();
        assertTrue(new QuoteLocator(new SourceText("s.txt", text, "x", 0)).locate(quote, null, Location.ofFile("f"), "f1", p).isEmpty());
        return p.sorted().get(0).message();
    }

    @Test
    void aZeroWidthSpaceInTheQuoteIsNamedWithItsPosition() {
        String msg = missing("The cartel moved fentanyl across the border.", "The cartel \u200Bmoved fentanyl");
        assertTrue(msg.contains("differs at character 12: U+200B ZERO WIDTH SPACE in the quote, not in the source"), msg);
    }

    @Test
    void aByteOrderMarkSoftHyphenOrDirectionMarkIsNamed() {
        String bomInQuote = missing("The cartel moved fentanyl.", "\uFEFFThe cartel moved");
        assertTrue(bomInQuote.contains("differs at character 1: U+FEFF ZERO WIDTH NO-BREAK SPACE in the quote"), bomInQuote);
        String bom = missing("The cartel\uFEFF moved fentanyl.", "The cartel moved");
        assertTrue(bom.contains("differs at character 11: U+FEFF ZERO WIDTH NO-BREAK SPACE in the source, not in the quote"), bom);
        String shy = missing("The car\u00ADtel moved fentanyl.", "The cartel moved");
        assertTrue(shy.contains("differs at character 8: U+00AD SOFT HYPHEN in the source"), shy);
        String lrm = missing("The cartel \u200Emoved fentanyl.", "The cartel moved");
        assertTrue(lrm.contains("differs at character 12: U+200E LEFT-TO-RIGHT MARK in the source"), lrm);
    }

    @Test
    void decomposedAgainstComposedLettersAreNamed() {
        // The source has "í" composed (NFC, U+00ED); the quote has i + combining acute (NFD).
        String msg = missing("Sinaloa's Ismael Zambada García was arrested.", "Zambada Garci\u0301a was");
        assertTrue(msg.contains("differs at character 13: the quote has U+0069 LATIN SMALL LETTER I + U+0301 COMBINING ACUTE ACCENT "
            + "(decomposed, NFD) where the source has U+00ED LATIN SMALL LETTER I WITH ACUTE (composed, NFC)"), msg);
    }

    @Test
    void aNoBreakSpaceOrALineBreakWhereTheQuoteHasASpaceIsNamed() {
        String nbsp = missing("It seized 3,300\u00A0pounds of fentanyl.", "3,300 pounds of fentanyl");
        assertTrue(nbsp.contains("differs at character 6: the quote has U+0020 SPACE where the source has U+00A0 NO-BREAK SPACE"), nbsp);
        String nl = missing("It seized 3,300\npounds of fentanyl.", "3,300 pounds of fentanyl");
        assertTrue(nl.contains("differs at character 6: the quote has U+0020 SPACE where the source has U+000A LINE FEED"), nl);
    }

    @Test
    void aVisibleDifferenceIsNotBlamedOnInvisibleCharacters() {
        String msg = missing("The cartel moved fentanyl across the border.", "The cartel moved heroin");
        assertTrue(!msg.contains("cannot see") && msg.contains("then differs"), msg);
    }

    @Test
    void theIndexFindsWhatASearchFromTheStartFinds() {
        String text = SRC.text() + "\nA \uD83D\uDC8A pill.\nThen \uD83D\uDC8A\uD83D\uDC8A two pills, a lone \uD800 half, a pill \uD83D\uDC8A again.\n";
        SourceText src = new SourceText("x.txt", text, "0".repeat(64), text.length());
        QuoteLocator quotes = new QuoteLocator(src);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            int a = rnd.nextInt(text.length()), len = 1 + rnd.nextInt(40);
            String q = text.substring(a, Math.min(text.length(), a + len));
            for (Integer occ : new Integer[] { null, 1, 2, 3 })
                same(src, quotes, q, occ);
            same(src, quotes, q + "zzz", null);
        }
        for (String q : java.util.List.of("", "the", "pill", "\uD83D\uDC8A", "\uDC8A two", "two pills, a lone \uD800 half"))
            for (Integer occ : new Integer[] { null, 1, 2, 3 })
                same(src, quotes, q, occ);
    }

    private static boolean splitsPair(String text, int i) {
        return i > 0 && i < text.length() && Character.isHighSurrogate(text.charAt(i - 1)) && Character.isLowSurrogate(text.charAt(i));
    }

    /** The match a plain search from the start of the text gives, or a problem where there is none. */
    private static void same(SourceText src, QuoteLocator quotes, String quote, Integer occurrence) {
        java.util.List<Integer> hits = src.occurrences(quote);
        boolean found = occurrence == null ? hits.size() == 1 : occurrence <= hits.size();
        if (found) {
            int i = hits.get(occurrence == null ? 0 : occurrence - 1);
            found = !splitsPair(src.text(), i) && !splitsPair(src.text(), i + quote.length());
        }
        Problems ps = new Problems();
        java.util.Optional<QuoteMatch> m = quotes.locate(quote, occurrence, Location.ofFile("f"), "f1", ps);
        assertEquals(found, m.isPresent(), () -> "«" + quote + "» occurrence " + occurrence);
        assertEquals(!found, !ps.isEmpty());
        if (!found)
            return;
        int idx = hits.get(occurrence == null ? 0 : occurrence - 1);
        int start = src.toCodePoints(idx), end = start + quote.codePointCount(0, quote.length());
        assertEquals(new QuoteMatch(src, quote, start, end, src.lineOf(idx),
            src.slice(Math.max(0, start - QuoteLocator.CONTEXT), start),
            src.slice(end, Math.min(src.codePointLength(), end + QuoteLocator.CONTEXT))), m.get());
    }
}

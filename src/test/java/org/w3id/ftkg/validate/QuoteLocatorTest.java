package org.w3id.ftkg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuoteLocatorTest {
    private static final SourceText SRC = new SourceText("s.txt",
        "Línea uno: “El Chapo” said 𝔸 thing.\nThe cartel moved fentanyl. The cartel moved cocaine.\n", "x", 0);

    @Test
    void offsetsAreCodePointsAndMatchTheText() {
        Problems p = new Problems();
        QuoteMatch m = QuoteLocator.locate(SRC, "𝔸 thing", null, Location.ofFile("f"), "f1", p).orElseThrow();
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
        QuoteMatch m = QuoteLocator.locate(SRC, "moved cocaine", null, Location.ofFile("f"), "f1", p).orElseThrow();
        assertTrue(SRC.text().contains(m.prefix() + m.exact() + m.suffix()));
        assertEquals(2, m.line());
    }

    @Test
    void anAmbiguousQuoteIsAProblemNamingItsLines() {
        Problems p = new Problems();
        assertTrue(QuoteLocator.locate(SRC, "The cartel moved", null, new Location("f.yaml", 7, 5), "f1", p).isEmpty());
        String msg = p.sorted().get(0).toString();
        assertTrue(msg.startsWith("f.yaml:7:5: fact f1: quote occurs 2 times"), msg);
        assertTrue(msg.contains("occurrence: N"), msg);
    }

    @Test
    void anOccurrenceDisambiguates() {
        Problems p = new Problems();
        QuoteMatch m = QuoteLocator.locate(SRC, "The cartel moved", 2, Location.ofFile("f"), "f1", p).orElseThrow();
        assertEquals("The cartel moved", SRC.slice(m.start(), m.end()));
        assertTrue(SRC.slice(m.end(), m.end() + 8).equals(" cocaine"));
    }

    @Test
    void aNearMissGetsTheNearestPassage() {
        Problems p = new Problems();
        // Straight quotes where the source has curly ones: the classic copy-paste slip.
        QuoteLocator.locate(SRC, "uno: \"El Chapo\" said", null, Location.ofFile("f"), "f1", p);
        String msg = p.sorted().get(0).message();
        assertTrue(msg.contains("quote is not in s.txt"), msg);
        assertTrue(msg.contains("other quotation marks, dashes, spaces or case (line 1)"), msg);
        assertTrue(msg.contains("“El Chapo”"), msg);
    }

    @Test
    void aQuoteWithNothingLikeItSaysSo() {
        Problems p = new Problems();
        QuoteLocator.locate(SRC, "zzzz qqqq", null, Location.ofFile("f"), "f1", p);
        assertTrue(p.sorted().get(0).message().contains("no passage of the source resembles it"));
    }
}

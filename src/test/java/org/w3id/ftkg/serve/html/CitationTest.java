package org.w3id.ftkg.serve.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A citation's three forms stay well-formed whatever the quote holds. */
class CitationTest {
    static final String HASH = "sha256:" + "ab".repeat(32);
    static final String QUOTE = "50% of {all} C:\\drugs & $5 #1 ~x^2 \"q\"";
    static final Citation CITATION = new Citation("ftkg-fact-f1", "FTKG fact f1", "https://w3id.org/ftkg/fact/f1", "/fact/f1",
        List.of(new Citation.Source("A title", "000_a.txt")), QUOTE, CitationTest.HASH, "2026.1", "2026-01-02", "2026-03-04");

    @Test
    void bibtexEscapesEveryLatexSpecialCharacterSoTheEntryStaysBalanced() {
        String bib = CITATION.bibtex();
        assertTrue(bib.contains("50\\% of \\{all\\} C:\\textbackslash{}drugs \\& \\$5 \\#1 \\textasciitilde{}x\\textasciicircum{}2 \"q\""), bib);
        long open = bib.chars().filter(c -> c == '{').count() - count(bib, "\\{");
        long close = bib.chars().filter(c -> c == '}').count() - count(bib, "\\}");
        assertEquals(open, close, "braces balance outside escapes: " + bib);
        assertTrue(bib.contains("  year = {2026},\n  date = {2026-01-02},\n"), bib);
        assertTrue(bib.contains("note = {Content hash: " + HASH + ". Quote:"), bib);
    }

    @Test
    void cslJsonCarriesTheHashAndTheQuoteVerbatimAndDatesAsParts() {
        JsonObject item = JSON.parseAny(CITATION.cslJson()).getAsArray().get(0).getAsObject();
        assertEquals("Content hash: " + HASH + ". Quote: “" + QUOTE + "”", item.getString("note"));
        assertEquals("2026.1", item.getString("version"));
        assertEquals("[ [ 2026 , 1 , 2 ] ]", item.get("issued").getAsObject().get("date-parts").toString().replaceAll("\\s+", " ").trim());
    }

    @Test
    void theSentenceNamesIriReleaseDateHashQuoteAndSource() {
        assertEquals("FTKG fact f1. In FTKG: Fentanyl Trafficking Knowledge Graph, release 2026.1 (2026-01-02). "
            + "https://w3id.org/ftkg/fact/f1. Content hash " + HASH + ". Quote: “" + QUOTE + "”. Source: A title (000_a.txt). Accessed 2026-03-04.", CITATION.text());
    }

    static long count(String s, String part) {
        long n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1))
            n++;
        return n;
    }
}

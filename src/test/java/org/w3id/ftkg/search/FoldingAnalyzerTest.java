package org.w3id.ftkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The analyzer both sides of the index share: words, lower case, accents folded, nothing dropped. */
class FoldingAnalyzerTest {
    final FoldingAnalyzer a = new FoldingAnalyzer();

    @Test
    void accentsAndCaseFoldAway() {
        assertEquals(List.of("cartel", "de", "sinaloa"), a.terms("Cártel de Sinaloa"));
        assertEquals(List.of("guzman"), a.terms("GUZMÁN"));
        assertEquals(a.terms("Joaquin Guzman"), a.terms("Joaquín Guzmán"));
        assertEquals(List.of("pena", "nieto"), a.terms("Peña Nieto"));
        assertEquals(List.of("strasse"), a.terms("Straße"));
    }

    @Test
    void quotesAndPunctuationSplitWordsButShortWordsStay() {
        assertEquals(List.of("joaquin", "el", "chapo", "guzman"), a.terms("Joaquín “El Chapo” Guzmán"));
        assertEquals(List.of("u.s", "attorney"), a.terms("U.S. Attorney"));
        assertEquals(List.of("post", "chapo", "mexico"), a.terms("Post-Chapo Mexico"));
        assertEquals(List.of(), a.terms("+-&&||!(){}[]^\"~*?:\\/"));
    }
}

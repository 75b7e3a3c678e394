package org.w3id.ftkg.serve.html;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Pages render from templates compiled into the class path, and every value is escaped for where it stands. */
class PagesTest {
    static final String MARKUP = "<script>alert('x')</script> & \"q\"";

    @Test
    void everyPageRecordHasItsCompiledTemplate() {
        for (Class<?> page : Page.class.getPermittedSubclasses()) {
            String name = page.getSimpleName().replaceFirst("Page$", "");
            String generated = "gg.jte.generated.precompiled.Jte" + Character.toLowerCase(name.charAt(0)) + name.substring(1)
                + "Generated";
            assertDoesNotThrow(() -> Class.forName(generated), page.getSimpleName() + " has no compiled template " + generated);
        }
    }

    @Test
    void valuesAreEscapedInTextAndInAttributes() {
        Evidence e = new Evidence("f1", MARKUP, "a.txt", "a", 0, 5, "data/facts/a.yaml", 3);
        Link evil = new Link("\" onmouseover=\"alert(1)", MARKUP);
        String html = Pages.render(new FactPage("https://w3id.org/ftkg/fact/f1",
            new FactCard(e, List.of(new Statement(evil, MARKUP, Value.literal(MARKUP, null)))), List.of(), List.of(), "/fact/f1",
            new FactPage.ContentHash(MARKUP, MARKUP, "/fact/f1.canonical.nq"),
            new Citation("ftkg-fact-f1", "FTKG fact f1", "https://w3id.org/ftkg/fact/f1", "/fact/f1",
                List.of(new Citation.Source(MARKUP, "a.txt")), MARKUP, "sha256:" + "0".repeat(64), "unreleased", "2026-01-02", "2026-01-03")));
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("\" onmouseover=\""), "an attribute value cannot close its quotes");
        assertTrue(html.contains("href=\"&#34; onmouseover=&#34;alert(1)\""), html);
        assertTrue(html.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"q\""), html);
    }

    @Test
    void theLayoutCarriesTheSearchBoxAndOnlyScriptsFromTheJar() {
        String html = Pages.render(new NetworkPage("x", false, 1, List.of(), List.of(), List.of(), 0, false));
        assertTrue(html.contains("<form class=\"search\" role=\"search\" method=\"get\" action=\"/search\">"), html);
        assertTrue(html.contains("<script src=\"/static/network.js\" defer></script>"), html);
        assertFalse(html.replaceAll("<script src=\"/static/[a-z./-]+\" defer></script>", "").contains("<script"),
            "no inline script (the Content-Security-Policy forbids them)");
    }

    @Test
    void aReleasesChangesAndItsFooterAreEscaped() {
        var before = new ChangesPage.Fact("f1", "/v/1.0/fact/f1", "h1", MARKUP, "a.txt", "[0, 5)");
        var after = new ChangesPage.Fact("f1", "/v/2.0/fact/f1", "h2", "new", "a.txt", "[0, 3)");
        Pages.setServed(new Pages.Served(MARKUP, "/releases/", ""));
        try {
            String html = Pages.render(new ChangesPage("1.0", "2.0", 0, List.of(), List.of(before), List.of(new ChangesPage.Change(before, after))));
            assertFalse(html.contains("<script>alert"), html);
            assertTrue(html.contains("Data: <a href=\"/releases/\">&lt;script&gt;"), html);
        } finally {
            Pages.setServed(null);
        }
    }
}

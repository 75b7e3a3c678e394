package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.w3id.ftkg.TestProject;

/**
 * What a researcher reads on an entity page of the built-in corpus, in headless Chromium:
 * allegations as sentences that say who claims what, statements grouped by property with their
 * quotes, what points here, the events in date order, the Wikidata link, and the search box.
 */
class EntityPageJourneyTest {
    @RegisterExtension
    static final Browser browser = Browser.on(TestProject::real);

    @Test
    void anAllegationReadsAsASentenceSayingWhoClaimsWhatWithItsQuote() throws Exception {
        WebDriver driver = browser.open("/id/pedro-inzunza-noriega");
        List<WebElement> claims = driver.findElements(By.cssSelector("#claims li.claim"));
        WebElement claim = claims.stream()
            .filter(c -> c.findElement(By.className("sentence")).getText()
                .contains("United States Department of Justice alleges: Pedro Inzunza Noriega, leader of, Sinaloa Cartel"))
            .findFirst().orElseThrow(() -> new AssertionError("no such sentence among " + claims.size() + " claims"));
        assertTrue(claim.findElement(By.tagName("blockquote")).getText().contains("alleged Sinaloa Cartel leaders"), claim.getText());
        // The reification stays underneath: no rows of rdf:subject / rdf:predicate / rdf:object, no proposition nodes.
        String page = driver.findElement(By.tagName("main")).getText();
        for (String raw : List.of("subject", "predicate", "object", "#p1", "content"))
            assertFalse(driver.findElements(By.cssSelector("dt.property")).stream().anyMatch(p -> p.getText().equals(raw)), raw);
        assertFalse(page.contains("rdf:subject") || page.contains("p1 subject"), "no raw reification rows");
        browser.screenshot("20-entity-claims");
    }

    @Test
    void aFactPageSaysTheAllegationItReportsInWordsAboveItsTriples() throws Exception {
        WebDriver driver = browser.open("/fact/000-alleged-sinaloa-cartel-leaders");
        String sentence = driver.findElement(By.cssSelector("#claims li.claim .sentence")).getText();
        assertEquals("United States Department of Justice alleges: Pedro Inzunza Noriega, leader of, Sinaloa Cartel; "
            + "Pedro Inzunza Coronel, leader of, Sinaloa Cartel", sentence);
    }

    @Test
    void statementsAreGroupedByPropertyEachValueWithItsReference() throws Exception {
        WebDriver driver = browser.open("/id/beltran-leyva-organization");
        List<WebElement> properties = driver.findElements(By.cssSelector("#statements dt.property"));
        List<String> names = properties.stream().map(WebElement::getText).toList();
        assertEquals(names.stream().distinct().toList(), names, "each property once");
        int faction = names.indexOf("faction of");
        assertTrue(faction >= 0, names.toString());
        WebElement values = driver.findElements(By.cssSelector("#statements > dd")).get(faction);
        WebElement value = values.findElements(By.cssSelector("li.value")).stream()
            .filter(v -> v.findElement(By.className("shown")).getText().equals("Sinaloa Cartel")).findFirst().orElseThrow();
        WebElement reference = value.findElement(By.cssSelector("blockquote.evidence"));
        assertTrue(reference.getText().contains("the Beltran Leyva Organization, a faction of the Sinaloa Cartel"), reference.getText());
        assertTrue(reference.findElement(By.className("evidence-link")).getText().matches("000_c5f2a68eca99afa8\\.txt, characters \\d+–\\d+"),
            reference.getText());
        browser.screenshot("21-entity-statements");
    }

    @Test
    void incomingRelationsAndEventsInDateOrder() throws Exception {
        WebDriver driver = browser.open("/id/pedro-inzunza-noriega");
        String incoming = driver.findElement(By.id("incoming")).getText();
        assertTrue(incoming.contains("child of") && incoming.contains("Pedro Inzunza Coronel"), incoming);

        driver = browser.open("/id/rafael-caro-quintero");
        List<String> dates = driver.findElements(By.cssSelector("#events li.event")).stream()
            .map(e -> e.getAttribute("data-date")).filter(d -> !d.isEmpty()).toList();
        assertTrue(dates.size() >= 2, dates.toString());
        assertEquals(dates.stream().sorted().toList(), dates, "dated events in date order");
        String events = driver.findElement(By.id("events")).getText();
        assertTrue(events.indexOf("Release of Rafael Caro Quintero from prison") < events.indexOf("Capture of Rafael Caro Quintero"),
            events);
        browser.screenshot("22-entity-events");
    }

    @Test
    void aLinkedEntityLinksToWikidataAndEveryPageHasTheSearchBox() throws Exception {
        // (The home page's search box is checked on the small fixture, in BrowserJourneyTest.)
        WebDriver driver = browser.open("/id/us-department-of-justice");
        WebElement wikidata = driver.findElement(By.cssSelector("a.wikidata"));
        assertEquals("http://www.wikidata.org/entity/Q1553390", wikidata.getAttribute("href"));
        assertEquals("Q1553390", wikidata.getText());
        for (String path : List.of("/id/us-department-of-justice", "/fact/000-alleged-sinaloa-cartel-leaders", "/sparql",
            "/sources", "/source/000_c5f2a68eca99afa8", "/dumps/")) {
            browser.open(path);
            WebElement box = driver.findElement(By.cssSelector("header form[role=search][action$='/search'] input[name=q]"));
            assertTrue(box.isDisplayed(), path);
        }
    }
}

package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.w3id.ftkg.TestProject;

/**
 * What a researcher sees on the timeline, network and sources pages of the built-in corpus, in
 * headless Chromium. Screenshots go to target/screenshots/.
 */
class ViewsJourneyTest {
    @RegisterExtension
    static final Browser browser = Browser.on(TestProject::real);

    static int rowOf(List<WebElement> rows, String text) {
        for (int i = 0; i < rows.size(); i++)
            if (rows.get(i).getText().contains(text))
                return i;
        return -1;
    }

    @Test
    void theTimelineOrdersTheFloresCrewIndictmentTheOfacSanctionsAndTheSinaloaSeizure() throws Exception {
        // The largest page: the built-in corpus's dated events all on it.
        WebDriver driver = browser.open("/timeline?size=200");
        List<WebElement> rows = driver.findElements(By.cssSelector("#timeline tr.event"));
        assertTrue(rows.size() > 50, "dated events: " + rows.size());
        int flores = rowOf(rows, "2009 U.S. indictment of the Flores Crew");
        int ofac = rowOf(rows, "OFAC sanctions against 10 individuals and a Mexican corporation");
        int seizure = rowOf(rows, "Seizure of about 3,300 pounds of fentanyl in Sinaloa");
        assertTrue(flores >= 0 && ofac >= 0 && seizure >= 0, flores + " " + ofac + " " + seizure);
        assertTrue(flores < ofac && ofac < seizure, "in date order: " + flores + " < " + ofac + " < " + seizure);
        // Each date is shown at its own precision: a year, a month.
        assertTrue(rows.get(flores).findElement(By.tagName("td")).getText().startsWith("2009"));
        assertTrue(rows.get(ofac).findElement(By.tagName("td")).getText().contains("inferred"), "an inferred date says so");
        assertTrue(rows.get(seizure).getText().contains("Sinaloa"));
        browser.screenshot("10-timeline");

        // Filtering by type keeps only that type.
        driver = browser.open("/timeline?type=" + java.net.URLEncoder.encode("https://w3id.org/ftkg/ontology#Seizure", java.nio.charset.StandardCharsets.UTF_8));
        List<WebElement> seizures = driver.findElements(By.cssSelector("#timeline tr.event"));
        assertFalse(seizures.isEmpty());
        assertTrue(seizures.stream().allMatch(r -> r.getText().toLowerCase(java.util.Locale.ROOT).contains("seizure")), "only seizures");
        browser.screenshot("11-timeline-seizures");
    }

    @Test
    void theNetworkAroundTheSinaloaCartelReachesTheBloAndItsChargedLeaders() throws Exception {
        WebDriver driver = browser.open("/network?center=sinaloa-cartel&depth=2");
        WebElement edges = driver.findElement(By.id("edges"));
        String table = edges.getText();
        assertTrue(table.contains("Beltran Leyva Organization"), "the BLO is one hop away");
        assertTrue(table.contains("Pedro Inzunza Noriega") && table.contains("Pedro Inzunza Coronel"), "its charged leaders");
        assertTrue(table.contains("faction of"), table.substring(0, Math.min(500, table.length())));
        // The interactive graph is drawn by Cytoscape.js (served from the jar) on a canvas.
        browser.await().until(d -> !d.findElements(By.cssSelector("#cy canvas")).isEmpty());
        Object nodes = ((JavascriptExecutor) driver).executeScript("return window.ftkgNetwork ? window.ftkgNetwork.nodes().length : -1");
        assertTrue(((Number) nodes).intValue() > 10, "nodes drawn: " + nodes);
        // Selecting an edge shows its evidence quote.
        String quote = (String) ((JavascriptExecutor) driver).executeScript(
            "var e = window.ftkgNetwork.edges().filter(function (x) { return x.data('label') === 'faction of'; })[0]; e.emit('tap');"
                + " return e.data('quote');");
        String info = driver.findElement(By.id("edge-info")).getText();
        assertTrue(quote.length() > 20 && info.startsWith("faction of") && info.contains(quote), info);
        browser.screenshot("12-network-sinaloa");
    }

    @Test
    void theSourcesPageListsAllFiveArticlesWithTheirCounts() throws Exception {
        WebDriver driver = browser.open("/sources");
        List<WebElement> rows = driver.findElements(By.cssSelector("#sources tr.source"));
        assertEquals(5, rows.size());
        for (WebElement r : rows) {
            int facts = Integer.parseInt(r.findElement(By.className("facts")).getText().trim());
            int entities = Integer.parseInt(r.findElement(By.className("entities")).getText().trim());
            assertTrue(facts > 0 && entities > 0, r.getText());
            assertTrue(r.findElement(By.className("coverage")).getText().matches(".*\\d+\\s*%.*"), r.getText());
        }
        assertTrue(rows.get(1).getText().contains("07/13/2023") || rows.get(1).getText().contains("2023-07-13"), rows.get(1).getText());
        assertTrue(rows.get(0).getText().contains("(not stated)"), "article 000 states no date");
        browser.screenshot("13-sources");
    }
}

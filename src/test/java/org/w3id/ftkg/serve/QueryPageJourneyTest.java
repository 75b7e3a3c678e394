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
import org.openqa.selenium.support.ui.Select;
import org.w3id.ftkg.TestProject;

/**
 * A researcher on the query page of the built-in corpus, in headless Chromium: the YASGUI editor
 * served from the jar runs an example, shows IRIs as links named by their labels, and the shared
 * link reopens the same query. Screenshots go to target/screenshots/.
 */
class QueryPageJourneyTest {
    @RegisterExtension
    static final Browser browser = Browser.on(TestProject::real);

    static String editorText(WebDriver driver) {
        return (String) ((JavascriptExecutor) driver).executeScript("return window.ftkgYasgui.getTab().getYasqe().getValue()");
    }

    @Test
    void anExampleRunsAndItsIrisAreLinksNamedByTheirLabels() throws Exception {
        WebDriver driver = browser.open("/sparql");
        browser.await().until(d -> !d.findElements(By.cssSelector("#yasgui .yasqe .CodeMirror")).isEmpty());
        assertFalse(driver.findElement(By.id("query-form")).isDisplayed(), "the plain form gives way to the editor");
        new Select(driver.findElement(By.id("examples"))).selectByValue("cq23-wikidata-links.rq");
        String query = editorText(driver);
        assertTrue(query.startsWith("# CQ23."), query);
        // Syntax highlighting: the editor marks keywords.
        assertFalse(driver.findElements(By.cssSelector("#yasgui .CodeMirror .cm-keyword")).isEmpty(), "keywords highlighted");

        driver.findElement(By.cssSelector("#yasgui .yasqe_queryButton")).click();
        browser.await().until(d -> !d.findElements(By.cssSelector("#results-table[data-labels=done]")).isEmpty());
        List<WebElement> rows = driver.findElements(By.cssSelector("#results-table tbody tr"));
        assertEquals(53, rows.size(), "the 53 linked entities");
        assertEquals(rows.size() + " rows.", driver.findElement(By.cssSelector(".result-downloads")).getText().split(" Download")[0].trim());
        // Columns: ?kind ?entity ?label ?wikidata. The entity is a link to its page, named by its label.
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            WebElement entity = cells.get(1).findElement(By.tagName("a"));
            // The ?label cell shows its language tag ("Sinaloa Cartel @en"); the link shows the label alone.
            assertEquals(cells.get(2).getText().replace(" @en", ""), entity.getText(), "the entity's link text is its label");
            assertTrue(entity.getAttribute("href").contains("/id/"), entity.getAttribute("href"));
            assertTrue(entity.getAttribute("title").startsWith("https://w3id.org/ftkg/id/"));
            assertTrue(cells.get(3).findElement(By.tagName("a")).getAttribute("href").startsWith("http://www.wikidata.org/entity/Q"));
        }
        WebElement csv = driver.findElement(By.linkText("Download CSV"));
        assertEquals("ftkg-results.csv", csv.getAttribute("download"));
        assertEquals("ftkg-results.json", driver.findElement(By.linkText("Download JSON")).getAttribute("download"));
        browser.screenshot("20-query-cq23");

        // The address now holds the query; opening it elsewhere reopens the same query.
        String shared = driver.findElement(By.id("share-link")).getAttribute("href");
        assertEquals(shared, driver.getCurrentUrl());
        driver.get("about:blank");
        driver.get(shared);
        browser.await().until(d -> !d.findElements(By.cssSelector("#yasgui .yasqe .CodeMirror")).isEmpty());
        assertEquals(query, editorText(driver));

        // YASGUI's raw response view also runs under the page's Content-Security-Policy; its DataTables view,
        // which would need inline styles, is not offered.
        assertTrue(driver.findElements(By.cssSelector("#yasgui .yasr .select_table")).isEmpty(), "no DataTables view");
        driver.findElement(By.cssSelector("#yasgui .yasr .select_response")).click();
        browser.await().until(d -> !d.findElements(By.cssSelector("#yasgui .yasr .select_response.selected")).isEmpty());
        List<String> refused = Browser.console(driver).stream().filter(m -> m.contains("Content Security Policy")).toList();
        assertTrue(refused.isEmpty(), "CSP violations: " + refused);
    }

    @Test
    void theEditorCompletesFtkgTermsFromTheOntology() {
        WebDriver driver = browser.open("/sparql?query=" + java.net.URLEncoder.encode(
            "PREFIX ftkg: <https://w3id.org/ftkg/ontology#>\nSELECT * WHERE { ?s a ftkg:Sei", java.nio.charset.StandardCharsets.UTF_8));
        browser.await().until(d -> !d.findElements(By.cssSelector("#yasgui .yasqe .CodeMirror")).isEmpty());
        ((JavascriptExecutor) driver).executeScript(
            "var y = window.ftkgYasgui.getTab().getYasqe(); y.focus(); y.setCursor(y.lastLine(), y.getLine(y.lastLine()).length); y.autocomplete();");
        browser.await().until(d -> !d.findElements(By.cssSelector(".CodeMirror-hints li")).isEmpty());
        String hints = driver.findElement(By.cssSelector(".CodeMirror-hints")).getText();
        assertTrue(hints.contains("ftkg:Seizure"), hints);
    }

    @Test
    void aQueryNamingATermTheOntologyLacksIsAnsweredWithAWarningAndASuggestion() throws Exception {
        WebDriver driver = browser.open("/sparql?query=" + java.net.URLEncoder.encode(
            "PREFIX ftkg: <https://w3id.org/ftkg/ontology#>\nSELECT * WHERE { ?s a ftkg:Inditment ; ftkg:targt ?t }",
            java.nio.charset.StandardCharsets.UTF_8));
        browser.await().until(d -> !d.findElements(By.cssSelector("#yasgui .yasqe .CodeMirror")).isEmpty());
        driver.findElement(By.cssSelector("#yasgui .yasqe_queryButton")).click();
        browser.await().until(d -> d.findElements(By.cssSelector("#term-warnings .unknown-term")).size() == 2);
        List<String> warnings = driver.findElements(By.cssSelector("#term-warnings .unknown-term")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("unknown term ftkg:Inditment; did you mean ftkg:Indictment?",
            "unknown term ftkg:targt; did you mean ftkg:target?"), warnings);
        browser.screenshot("21-query-unknown-terms");

        // Corrected, the query runs without a warning.
        ((JavascriptExecutor) driver).executeScript("window.ftkgYasgui.getTab().getYasqe().setValue(arguments[0])",
            "PREFIX ftkg: <https://w3id.org/ftkg/ontology#>\nSELECT * WHERE { ?s a ftkg:Indictment ; ftkg:target ?t }");
        driver.findElement(By.cssSelector("#yasgui .yasqe_queryButton")).click();
        browser.await().until(d -> d.findElements(By.cssSelector("#term-warnings .unknown-term")).isEmpty());
    }

    @Test
    void typingAnFtkgNameAddsItsPrefix() {
        WebDriver driver = browser.open("/sparql?query=" + java.net.URLEncoder.encode("SELECT * WHERE { ?s a ", java.nio.charset.StandardCharsets.UTF_8));
        browser.await().until(d -> !d.findElements(By.cssSelector("#yasgui .yasqe .CodeMirror")).isEmpty());
        ((JavascriptExecutor) driver).executeScript(
            "var y = window.ftkgYasgui.getTab().getYasqe(); y.focus(); y.setCursor(y.lastLine(), y.getLine(y.lastLine()).length);");
        driver.switchTo().activeElement().sendKeys("ftkg:");
        browser.await().until(d -> editorText(d).contains("PREFIX ftkg: <https://w3id.org/ftkg/ontology#>"));
    }

    @Test
    void anExampleLinkOpensTheExampleInThePlainFormThatPostsToTheEndpoint() {
        WebDriver driver = browser.open("/sparql?example=cq10-nogales-confiscations.rq");
        WebElement form = driver.findElement(By.id("query-form"));
        assertEquals("/ftkg/sparql", java.net.URI.create(form.getAttribute("action")).getPath());
        String text = driver.findElement(By.id("query")).getAttribute("value");
        assertTrue(text.startsWith("# CQ10") || text.contains("Nogales"), text);
    }
}

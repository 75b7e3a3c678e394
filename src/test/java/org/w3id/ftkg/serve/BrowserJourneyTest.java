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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.w3id.ftkg.TestProject;

/**
 * A researcher's path through the site in a real browser: home page, an entity, its evidence
 * link, the highlighted passage in the source; then a query from the query page.
 */
class BrowserJourneyTest {
    @RegisterExtension
    static final Browser browser = Browser.on(dir -> TestProject.fixture(dir, "mini"));

    @Test
    void fromTheHomePageToTheHighlightedEvidence() throws Exception {
        WebDriver driver = browser.open("/");
        assertTrue(driver.getTitle().contains("FTKG"));
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Fentanyl Trafficking Knowledge Graph"));
        assertTrue(driver.findElement(By.cssSelector("header form[role=search][action$='/search'] input[name=q]")).isDisplayed(),
            "the search box is in the header");
        browser.screenshot("01-home");

        driver.findElement(By.linkText("Rafael Caro Quintero")).click();
        browser.await().until(ExpectedConditions.titleContains("Rafael Caro Quintero"));
        assertTrue(driver.getPageSource().contains("No verified Wikidata match") || driver.getPageSource().contains("not linked"));
        WebElement quote = driver.findElement(By.xpath("//blockquote[contains(., 'served 28 years in prison')]"));
        assertTrue(quote.isDisplayed());
        browser.screenshot("02-entity");

        quote.findElement(By.className("evidence-link")).click();
        browser.await().until(ExpectedConditions.urlContains("/source/004_40da1574111b49b3#char="));
        List<WebElement> targets = browser.await().until(d -> {
            List<WebElement> t = d.findElements(By.cssSelector("#source-text .target"));
            return t.isEmpty() ? null : t;
        });
        String highlighted = String.join("", targets.stream().map(WebElement::getText).toList());
        assertEquals("served 28 years in prison before his release in 2013, when a court overturned his sentence", highlighted);
        assertTrue(targets.get(0).getCssValue("background-color").contains("255, 179, 71"), "the passage is visibly highlighted");
        browser.screenshot("03-source-highlight");
    }

    @Test
    void runningAnExampleQueryFromTheQueryPage() throws Exception {
        WebDriver driver = browser.open("/sparql");
        browser.await().until(d -> !d.findElements(By.cssSelector("#yasgui .yasqe .CodeMirror")).isEmpty());
        new Select(driver.findElement(By.id("examples"))).selectByValue("triples-from-source.rq");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        String text = (String) js.executeScript("return window.ftkgYasgui.getTab().getYasqe().getValue()");
        assertTrue(text.contains("Every triple derived from one source file"), text);
        // Point the example at the fixture's source and run it.
        js.executeScript("window.ftkgYasgui.getTab().getYasqe().setValue(arguments[0])",
            text.replace("003_b2778f8bf0bf4951.txt", "004_40da1574111b49b3.txt"));
        driver.findElement(By.cssSelector("#yasgui .yasqe_queryButton")).click();
        WebElement table = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("results-table")));
        List<WebElement> rows = table.findElements(By.tagName("tr"));
        assertTrue(rows.size() > 10, "rows: " + rows.size());
        assertTrue(driver.findElement(By.cssSelector(".result-downloads")).getText().matches("(?s)\\d+ rows\\..*"));
        assertFalse(table.getText().isEmpty());
        browser.screenshot("04-query");
        // Each IRI is a link to this server's page, with the IRI as its title.
        WebElement fact = table.findElement(By.cssSelector("a[title='https://w3id.org/ftkg/fact/004-extradition-of-29']"));
        assertTrue(fact.getAttribute("href").endsWith("/fact/004-extradition-of-29"), fact.getAttribute("href"));
    }
}

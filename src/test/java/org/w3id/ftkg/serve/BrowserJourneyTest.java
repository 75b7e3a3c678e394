package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.ftkg.TestProject;

/**
 * A researcher's path through the site in a real browser: home page, an entity, its evidence
 * link, the highlighted passage in the source; then a query from the query page.
 */
class BrowserJourneyTest {
    @TempDir
    static Path tmp;
    static FtkgServer server;
    static WebDriver driver;

    @BeforeAll
    static void start() {
        TestProject p = TestProject.fixture(tmp, "mini").built();
        server = FtkgServer.start(ServerSettings.defaults(p.dir()).withPort(0));
        driver = Browser.start(tmp.resolve("chrome-profile"));
    }

    @AfterAll
    static void stop() {
        if (driver != null)
            driver.quit();
        if (server != null)
            server.close();
    }

    WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @Test
    void fromTheHomePageToTheHighlightedEvidence() throws Exception {
        driver.get(server.baseUrl() + "/");
        assertTrue(driver.getTitle().contains("FTKG"));
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Fentanyl Trafficking Knowledge Graph"));
        Browser.screenshot(driver, "01-home");

        driver.findElement(By.linkText("Rafael Caro Quintero")).click();
        await().until(ExpectedConditions.titleContains("Rafael Caro Quintero"));
        assertTrue(driver.getPageSource().contains("No verified Wikidata match") || driver.getPageSource().contains("not linked"));
        WebElement quote = driver.findElement(By.xpath("//blockquote[contains(., 'served 28 years in prison')]"));
        assertTrue(quote.isDisplayed());
        Browser.screenshot(driver, "02-entity");

        quote.findElement(By.className("evidence-link")).click();
        await().until(ExpectedConditions.urlContains("/source/004_40da1574111b49b3#char="));
        List<WebElement> targets = await().until(d -> {
            List<WebElement> t = d.findElements(By.cssSelector("#source-text .target"));
            return t.isEmpty() ? null : t;
        });
        String highlighted = String.join("", targets.stream().map(WebElement::getText).toList());
        assertEquals("served 28 years in prison before his release in 2013, when a court overturned his sentence", highlighted);
        assertTrue(targets.get(0).getCssValue("background-color").contains("255, 179, 71"), "the passage is visibly highlighted");
        Browser.screenshot(driver, "03-source-highlight");
    }

    @Test
    void runningAnExampleQueryFromTheQueryPage() throws Exception {
        driver.get(server.baseUrl() + "/sparql");
        new Select(driver.findElement(By.id("examples"))).selectByValue("triples-from-source.rq");
        String text = driver.findElement(By.id("query")).getAttribute("value");
        assertTrue(text.contains("Every triple derived from one source file"), text);
        // Point the example at the fixture's source and run it.
        WebElement area = driver.findElement(By.id("query"));
        area.clear();
        area.sendKeys(text.replace("003_b2778f8bf0bf4951.txt", "004_40da1574111b49b3.txt"));
        driver.findElement(By.id("run")).click();
        WebElement table = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("results-table")));
        List<WebElement> rows = table.findElements(By.tagName("tr"));
        assertTrue(rows.size() > 10, "rows: " + rows.size());
        assertTrue(driver.findElement(By.id("status")).getText().matches("\\d+ rows in \\d+ ms"));
        assertFalse(table.getText().isEmpty());
        assertTrue(table.getText().contains("https://w3id.org/ftkg/fact/004-extradition-of-29"));
        Browser.screenshot(driver, "04-query");
    }
}

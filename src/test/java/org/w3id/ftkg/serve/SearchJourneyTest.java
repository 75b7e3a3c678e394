package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.w3id.ftkg.TestProject;

/**
 * A researcher searches the built-in corpus from the search box in the header of every page, in
 * a real browser: by a nickname from the search page, then by a misspelling of the sources from
 * the query page.
 */
class SearchJourneyTest {
    @RegisterExtension
    static final Browser browser = Browser.on(TestProject::real);

    /** Types into the header's search box and submits; returns the results shown. */
    static List<WebElement> searchFor(WebDriver driver, String text) {
        List<WebElement> boxes = driver.findElements(By.cssSelector("header form[role=search] input[name=q]"));
        assertEquals(1, boxes.size(), driver.getPageSource());
        WebElement box = boxes.get(0);
        box.clear();
        box.sendKeys(text, Keys.ENTER);
        browser.await().until(ExpectedConditions.titleContains("Search: " + text));
        return driver.findElements(By.cssSelector(".search-results > li"));
    }

    @Test
    void typingChapoInTheSearchBoxFindsJoaquinGuzman() throws Exception {
        WebDriver driver = browser.open("/search");
        List<WebElement> results = searchFor(driver, "Chapo");
        WebElement first = results.get(0);
        assertEquals("Joaquín Guzmán", first.findElement(By.tagName("a")).getText());
        assertTrue(first.findElement(By.className("match")).getText().matches("also written .?El Chapo.?"), first.getText());
        assertEquals("Chapo", driver.findElement(By.id("search-q")).getAttribute("value"), "the box keeps the query");
        browser.screenshot("10-search-chapo");
        first.findElement(By.tagName("a")).click();
        browser.await().until(ExpectedConditions.titleContains("Joaquín Guzmán"));
    }

    @Test
    void aMisspellingFindsTheInzunzas() throws Exception {
        WebDriver driver = browser.open("/sparql");
        List<String> names = searchFor(driver, "Inunza").stream().map(li -> li.findElement(By.tagName("a")).getText()).toList();
        assertEquals("Pedro Inzunza Noriega", names.get(0));
        assertTrue(names.contains("Pedro Inzunza Coronel"), names.toString());
        browser.screenshot("11-search-misspelling");
    }
}

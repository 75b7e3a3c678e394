package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.ftkg.TestProject;

/** A researcher searches the built-in corpus in a real browser by a nickname and by a misspelling. */
class SearchJourneyTest {
    @TempDir
    static Path tmp;
    static FtkgServer server;
    static WebDriver driver;

    @BeforeAll
    static void start() {
        server = FtkgServer.start(ServerSettings.defaults(TestProject.real(tmp).dir()).withPort(0));
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

    List<WebElement> searchFor(String text) {
        WebElement box = driver.findElement(By.cssSelector("input[type=search][name=q]"));
        box.clear();
        box.sendKeys(text, Keys.ENTER);
        await().until(ExpectedConditions.urlContains("q="));
        return driver.findElements(By.cssSelector(".search-results > li"));
    }

    @Test
    void typingChapoFindsJoaquinGuzman() throws Exception {
        driver.get(server.baseUrl() + "/search");
        List<WebElement> results = searchFor("Chapo");
        WebElement first = results.get(0);
        assertEquals("Joaquín Guzmán", first.findElement(By.tagName("a")).getText());
        assertTrue(first.getText().contains("also written “El Chapo”") || first.getText().contains("El Chapo"), first.getText());
        Browser.screenshot(driver, "10-search-chapo");
        first.findElement(By.tagName("a")).click();
        await().until(ExpectedConditions.titleContains("Joaquín Guzmán"));
    }

    @Test
    void aMisspellingFindsTheInzunzas() throws Exception {
        driver.get(server.baseUrl() + "/search");
        List<String> names = searchFor("Inunza").stream().map(li -> li.findElement(By.tagName("a")).getText()).toList();
        assertEquals("Pedro Inzunza Noriega", names.get(0));
        assertTrue(names.contains("Pedro Inzunza Coronel"), names.toString());
        Browser.screenshot(driver, "11-search-misspelling");
    }
}

package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.w3id.ftkg.TestProject;

/**
 * Every kind of page of the built-in corpus passes axe-core (vendored for tests, see
 * docs/web-assets.md) in headless Chromium with no serious or critical violation, scripts and all.
 */
class AccessibilityTest {
    // A loaded test machine can pass the default 5 s query timeout (the sources page still queries every source):
    // these tests check the pages, not that.
    @RegisterExtension
    static final Browser browser = Browser.on(TestProject::real, s -> s.timeout(60_000L));
    static String axe;

    @BeforeAll
    static void readAxe() throws IOException {
        try (InputStream in = AccessibilityTest.class.getResourceAsStream("/vendor/axe-core/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/id/sinaloa-cartel", "/", "/fact/004-caro-quintero-release", "/source/004_40da1574111b49b3",
        "/search?q=Chapo", "/sparql", "/timeline", "/network?center=sinaloa-cartel", "/sources", "/ontology" })
    @SuppressWarnings("unchecked")
    void hasNoSeriousOrCriticalViolations(String path) {
        WebDriver driver = browser.open(path);
        // Check the page as scripts leave it: the editor and the graph drawn.
        if (path.startsWith("/sparql"))
            browser.await().until(d -> !d.findElements(By.cssSelector("#yasgui .CodeMirror")).isEmpty());
        if (path.startsWith("/network"))
            browser.await().until(d -> !d.findElements(By.cssSelector("#cy canvas")).isEmpty());
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript("""
            var done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
              done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                .map(function (v) {
                  return { id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); }) };
                }));
            }, function (e) { done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]); });
            """);
        assertTrue(violations.isEmpty(), path + ": " + violations.stream()
            .map(v -> v.get("id") + " (" + v.get("impact") + ": " + v.get("help") + ") at " + v.get("nodes")).toList());
    }
}

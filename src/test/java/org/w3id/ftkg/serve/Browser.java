package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Debian Chromium for browser tests; in CI a missing browser fails instead of skipping. */
public final class Browser {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private Browser() {}

    public static WebDriver start(Path profile) {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
        if ("true".equals(System.getenv("CI")))
            assertTrue(present, "chromium and chromium-driver must be installed in CI");
        else
            assumeTrue(present, "chromium not installed; .ci/run installs it");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        // Flags from this machine's notes: no background networking (the network is closed), no sandbox as root.
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
            .usingAnyFreePort().build();
        return new ChromeDriver(service, o);
    }

    /** Saves a screenshot under target/screenshots (kept as a CI artifact). */
    public static void screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}

package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.ftkg.TestProject;

/**
 * Headless Debian Chromium for browser tests; in CI a missing browser fails instead of skipping.
 * As a JUnit extension ({@code @RegisterExtension static final Browser browser = Browser.on(...)}) it
 * serves a project on a free loopback port and opens one browser for the test class, and removes
 * both (and its temporary folder) afterwards.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private final Function<Path, TestProject> project;
    private final UnaryOperator<ServerSettings.Builder> settings;
    private Path tmp;
    private FtkgServer server;
    private WebDriver driver;

    private Browser(Function<Path, TestProject> project, UnaryOperator<ServerSettings.Builder> settings) {
        this.project = project;
        this.settings = settings;
    }

    /** A browser on a server of the project made in a temporary folder, e.g. {@code TestProject::real}. */
    public static Browser on(Function<Path, TestProject> project) {
        return new Browser(project, s -> s);
    }

    /** The same, with server settings changed from the defaults (e.g. a longer query timeout). */
    public static Browser on(Function<Path, TestProject> project, UnaryOperator<ServerSettings.Builder> settings) {
        return new Browser(project, settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        tmp = Files.createTempDirectory("ftkg-browser-");
        driver = start(tmp.resolve("chrome-profile"));
        server = FtkgServer.start(settings.apply(ServerSettings.builder(project.apply(tmp).built().dir()).port(0)).build());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null)
                driver.quit();
        } finally {
            if (server != null)
                server.close();
            PathUtils.deleteDirectory(tmp);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the server, e.g. {@code "/timeline"}. */
    public WebDriver open(String path) {
        driver.get(server.baseUrl() + path);
        return driver;
    }

    public WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    public void screenshot(String name) throws IOException {
        screenshot(driver, name);
    }

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
        // The console is kept so that tests can see what the page refused (e.g. a CSP violation).
        o.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
            .usingAnyFreePort().build();
        return new ChromeDriver(service, o);
    }

    /** The console messages of the page since the last call (errors such as CSP violations included). */
    public static java.util.List<String> console(WebDriver driver) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
            .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    /** Saves a screenshot under target/screenshots (kept as a CI artifact). */
    public static void screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}

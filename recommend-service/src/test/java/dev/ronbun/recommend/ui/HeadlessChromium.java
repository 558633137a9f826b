package dev.ronbun.recommend.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Debian's chromedriver: nothing is downloaded (no Selenium Manager), every run gets a
 * fresh profile. Pages see {@code window.alert} and friends replaced by a recorder, and script errors and
 * Content-Security-Policy violations are recorded too, so a test can tell that no injected script ran.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String RECORDER = """
            window.__ronbun = { alerts: [], errors: [], cspViolations: [] };
            for (const name of ['alert', 'confirm', 'prompt']) {
              window[name] = (message) => { window.__ronbun.alerts.push(name + ': ' + message); };
            }
            window.addEventListener('error', (e) => window.__ronbun.errors.push(String(e.message)));
            window.addEventListener('unhandledrejection', (e) => window.__ronbun.errors.push(String(e.reason)));
            document.addEventListener('securitypolicyviolation',
                (e) => window.__ronbun.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            """;

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM);
    }

    static HeadlessChromium start() throws IOException {
        Path profile = Files.createTempDirectory("ronbun-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=ja",
                        "--force-device-scale-factor=1");
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(Path.of("target", "chromedriver.log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
        return new HeadlessChromium(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a page and waits until its script says it has loaded its data. */
    void open(String url) {
        driver.get(url);
        awaitLoaded();
    }

    void awaitLoaded() {
        await(By.cssSelector("body[data-loaded='true']"));
    }

    WebElement await(By locator) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    void awaitTrue(String description, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, PATIENCE).withMessage(description).until(d -> condition.getAsBoolean());
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    @SuppressWarnings("unchecked")
    List<String> recorded(String kind) {
        return (List<String>) js("return window.__ronbun ? window.__ronbun[arguments[0]] : ['recorder missing']", kind);
    }

    /** True when a real dialog is open (the recorder should have made that impossible). */
    boolean dialogOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** Emulates a phone screen (CSS pixels, at twice the density) until {@link #desktop()}. */
    void phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** A screenshot of the whole page, not only the window, under target/screenshots. */
    @SuppressWarnings("unchecked")
    Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Number> content = (Map<String, Number>) metrics.get("cssContentSize");
        // The whole window's width: captured beyond the viewport, the page is drawn without a scroll bar.
        Number width = (Number) js("return window.innerWidth");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width,
                "height", Math.min(content.get("height").doubleValue(), 8000), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}

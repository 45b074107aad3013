package io.billingnow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium on one platform, for the web app's browser tests: the platform listens on a port chosen before it
 * starts, because its public base URL (the origin the CSRF check accepts) must be the address the browser uses.
 * {@link #platform} builds such a platform with the dev login on; {@link #start} opens the browser on it.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver chrome;
    private final String base;

    private Browser(ChromeDriver chrome, String base) {
        this.chrome = chrome;
        this.base = base;
    }

    /** A platform on a free port, with the dev login and its public base URL on that port. */
    public static Hosted platform(ConfigOverride... extra) {
        int port = freePort();
        String base = "http://localhost:" + port;
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("server.applicationConnectors[0].port", Integer.toString(port)),
                ConfigOverride.config("platform.publicBaseUrl", base),
                ConfigOverride.config("signIn.devLogin", "true")));
        overrides.addAll(Arrays.asList(extra));
        return new Hosted(new TestPlatform(overrides.toArray(ConfigOverride[]::new)), base);
    }

    /** The platform and the address the browser reaches it at. */
    public record Hosted(TestPlatform platform, String base) {
    }

    public static Browser start(Hosted hosted) {
        return new Browser(Chromium.start(), hosted.base());
    }

    public ChromeDriver driver() {
        return chrome;
    }

    public String base() {
        return base;
    }

    public void open(String path) {
        chrome.get(base + path);
    }

    public String path() {
        String url = chrome.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /** Waits for an element; if it never shows, the failure says where the browser is and what it shows. */
    public WebElement waitFor(By locator) {
        try {
            return new WebDriverWait(chrome, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (org.openqa.selenium.TimeoutException e) {
            String source = chrome.getPageSource();
            throw new AssertionError("no " + locator + " at " + chrome.getCurrentUrl() + ", which shows:\n"
                    + source.substring(0, Math.min(3000, source.length())), e);
        }
    }

    public WebElement find(By locator) {
        return chrome.findElement(locator);
    }

    public List<WebElement> findAll(By locator) {
        return chrome.findElements(locator);
    }

    /** Signs in with the dev login from the sign-in page (which makes the address an owner of every business). */
    public void devLogin(String email) {
        open("/");
        if (!chrome.findElements(By.id("sign-out")).isEmpty()) {
            signOut();
        }
        WebElement field = waitFor(By.id("dev-email"));
        field.sendKeys(email);
        chrome.findElement(By.id("dev-login")).click();
        waitFor(By.id("sign-out"));
    }

    public void signOut() {
        chrome.findElement(By.id("sign-out")).click();
        waitFor(By.id("dev-email"));
    }

    /** Fills a form field by its id, replacing what it held. */
    public void fill(String id, String value) {
        WebElement field = chrome.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    public void assertNoSeriousAccessibilityViolation(String page) {
        Results results = new AxeBuilder().analyze(chrome);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + ": " + rule.getNodes().size() + " element(s)")
                .toList();
        assertThat(serious).as("serious or critical axe-core violations on the " + page + " page").isEmpty();
    }

    /** Screenshots for docs/web-app.md, written only when asked ({@code -Dweb.screenshots=true}). */
    public void screenshot(String name) {
        if (!Boolean.getBoolean("web.screenshots")) {
            return;
        }
        try {
            Path docs = Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("images");
            Files.createDirectories(docs);
            Files.write(docs.resolve(name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        chrome.quit();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

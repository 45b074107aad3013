package io.billingnow.platform.web;

import java.io.File;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven through chromedriver, both from the operating system (Debian's {@code chromium}
 * and {@code chromium-driver}, installed by {@code ops/ci/install-chromium.sh}). Without them the browser tests are
 * skipped on a developer's machine and FAIL on CI ({@code CI=true}), so CI can never pass without running them.
 */
final class Chromium {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Chromium() {
    }

    static ChromeDriver start() {
        String browser = System.getenv().getOrDefault("CHROMIUM_BINARY", first(BROWSERS));
        String driver = System.getenv().getOrDefault("CHROMEDRIVER_BINARY", first(DRIVERS));
        requireInstalled(browser, driver, "true".equalsIgnoreCase(System.getenv("CI")));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver)).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    /** Skips the calling test class when the browser is missing, or fails it on CI. */
    static void requireInstalled(String browser, String driver, boolean onCi) {
        if (browser == null || driver == null) {
            String missing = "Chromium or chromedriver is not installed (run ops/ci/install-chromium.sh)";
            if (onCi) {
                Assertions.fail(missing + ": on CI the browser tests must run");
            }
            Assumptions.abort(missing);
        }
    }

    private static String first(List<String> candidates) {
        return candidates.stream().filter(p -> new File(p).canExecute()).findFirst().orElse(null);
    }
}

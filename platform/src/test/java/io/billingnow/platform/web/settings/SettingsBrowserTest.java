package io.billingnow.platform.web.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.tenancy.settings.LogoApiTestImages;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The settings page in Chromium: change the legal name and payment terms, see them, upload a logo, see it. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SettingsBrowserTest {

    private static final Browser.Hosted HOSTED = Browser.platform();
    private static final TestPlatform PLATFORM = HOSTED.platform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(HOSTED);
        PLATFORM.createTenant("settings-browser", "EUR");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOwnerChangesTheLegalNameAndTermsAndUploadsALogo() throws Exception {
        browser.devLogin("owner@example.com");
        browser.open("/t/settings-browser/settings");
        browser.waitFor(By.id("settings-save"));
        browser.assertNoSeriousAccessibilityViolation("settings");

        browser.fill("f-legalName", "Browser & Söhne GmbH");
        browser.fill("f-paymentTermsDays", "21");
        browser.find(By.id("settings-save")).click();

        browser.waitFor(By.cssSelector("p.notice"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Settings saved.");
        assertThat(browser.find(By.id("f-legalName")).getAttribute("value")).isEqualTo("Browser & Söhne GmbH");
        assertThat(browser.find(By.id("f-paymentTermsDays")).getAttribute("value")).isEqualTo("21");

        Path logo = Files.createTempFile("logo", ".png");
        Files.write(logo, LogoApiTestImages.png(96, 32));
        browser.find(By.id("f-logo")).sendKeys(logo.toAbsolutePath().toString());
        browser.find(By.id("logo-upload")).click();

        browser.waitFor(By.id("logo-preview"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Logo saved.");
        assertThat(browser.findAll(By.cssSelector("header .logo"))).hasSize(1);
        Object loaded = browser.driver().executeScript(
                "return document.querySelector('header .logo').naturalWidth");
        assertThat(((Number) loaded).intValue()).as("the header's logo loaded").isEqualTo(96);
        browser.assertNoSeriousAccessibilityViolation("settings with a logo");
        browser.screenshot("web-settings");
        Files.delete(logo);
    }
}

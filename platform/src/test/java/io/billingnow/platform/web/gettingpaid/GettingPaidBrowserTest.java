package io.billingnow.platform.web.gettingpaid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.providers.plugins.TestPlugins;
import io.billingnow.platform.testing.ExampleBankTransfer;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.web.Browser;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * "Getting paid" in a real Chromium, with the real Stripe and bank-transfer plugins: a Stripe account connected
 * through the form generated from the plugin's fields, its webhook URL ready to copy, its webhook secret rotated; the
 * review queue with a held webhook. No secret ever reaches the browser; axe-core finds no serious violation.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GettingPaidBrowserTest {

    private static final Browser.Hosted HOSTED = Browser.platform(
            ConfigOverride.config("plugins.directory", TestPlugins.folder().toString()));
    private static final TestPlatform PLATFORM = HOSTED.platform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    static final String STRIPE_KEY = "sk_test_51BrowserNeverSeesThisKey2468";
    static final String FIRST_SECRET = "whsec_BrowserNeverSeesTheFirst1357";
    static final String SECOND_SECRET = "whsec_BrowserNeverSeesTheSecond8642";

    private static Browser browser;
    private static ChromeDriver chrome;
    private static TenantFixture shop;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(HOSTED);
        chrome = browser.driver();
        shop = TenantFixture.create(PLATFORM, "gp-shop", "EUR").enableProvider("stripe", true)
                .enableProvider(ExampleBankTransfer.PROVIDER, true);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void anOwnerConnectsStripeThroughTheGeneratedFormCopiesTheWebhookUrlAndRotatesTheSecret() {
        browser.devLogin("owner@example.com");
        browser.open("/t/gp-shop/getting-paid");
        browser.waitFor(By.id("connect-title"));
        assertThat(chrome.findElement(By.cssSelector(".empty")).getText()).contains("No provider account");
        browser.assertNoSeriousAccessibilityViolation("getting paid (empty)");

        chrome.findElement(By.linkText("Connect Stripe")).click();
        browser.waitFor(By.id("field-credential_secret_key"));
        assertThat(chrome.findElements(By.cssSelector("form.provider-account-form label")))
                .extracting(WebElement::getText)
                .containsExactly("Account", "Secret API key", "API base URL (optional)", "Webhook signing secret");
        browser.assertNoSeriousAccessibilityViolation("new provider account");
        browser.fill("field-displayName", "Stripe live");
        browser.fill("field-credential_secret_key", STRIPE_KEY);
        browser.fill("field-webhookSecret", FIRST_SECRET);
        chrome.findElement(By.id("connect")).click();

        WebElement url = browser.waitFor(By.id("webhook-url"));
        JsonNode account = PLATFORM.getJson("/v1/provider-accounts", shop.key(), 200).get("data").get(0);
        assertThat(account.get("displayName").asText()).isEqualTo("Stripe live");
        assertThat(url.getAttribute("value")).isEqualTo(account.get("webhookUrl").asText())
                .startsWith(browser.base() + "/webhooks/whk_");
        assertThat(url.getAttribute("readonly")).isNotNull();
        assertThat(chrome.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Provider account connected.");
        assertNoSecretIn(chrome.getPageSource());
        browser.assertNoSeriousAccessibilityViolation("provider account");
        browser.screenshot("web-provider-account");

        browser.fill("new-secret", SECOND_SECRET);
        browser.fill("overlap-hours", "2");
        chrome.findElement(By.id("rotate")).click();
        browser.waitFor(By.cssSelector(".notice"));
        assertThat(chrome.findElement(By.cssSelector(".notice")).getText()).isEqualTo("New webhook secret added.");
        assertThat(chrome.findElements(By.cssSelector("table.webhook-secrets tbody tr"))).hasSize(2);
        assertThat(PLATFORM.getJson("/v1/provider-accounts/" + account.get("id").asText(), shop.key(), 200)
                .get("webhookSecrets")).hasSize(2);
        assertNoSecretIn(chrome.getPageSource());

        browser.open("/t/gp-shop/getting-paid");
        browser.waitFor(By.cssSelector("table.provider-accounts"));
        assertThat(chrome.findElement(By.cssSelector("table.provider-accounts")).getText())
                .contains("Stripe live").contains(account.get("webhookUrl").asText());
        assertNoSecretIn(chrome.getPageSource());
        browser.assertNoSeriousAccessibilityViolation("getting paid");
        browser.screenshot("web-getting-paid");
    }

    @Test
    @Order(2)
    void theReviewQueueShowsAWebhookThePlatformHeld() {
        String secret = ExampleBankTransfer.newSecret();
        JsonNode bank = PLATFORM.postJson("/v1/provider-accounts", shop.key(), ExampleBankTransfer.account(secret), 201);
        assertThat(ExampleBankTransfer.outcome(ExampleBankTransfer.deliver(PLATFORM, bank, secret,
                ExampleBankTransfer.transferReceived("ev_browser_held", "tr_browser_held", "INV-UNKNOWN-7", 4_200))))
                .isEqualTo("review");

        browser.open("/t/gp-shop/getting-paid");
        chrome.findElement(By.linkText("Webhook review queue")).click();
        WebElement table = browser.waitFor(By.cssSelector("table.webhook-reviews"));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("SEPA").contains("No invoice of this business has this reference")
                .contains("INV-UNKNOWN-7").contains("tr_browser_held").contains("€42.00");
        browser.assertNoSeriousAccessibilityViolation("webhook review queue");
        browser.screenshot("web-webhook-reviews");
    }

    private static void assertNoSecretIn(String html) {
        assertThat(html).doesNotContain(STRIPE_KEY).doesNotContain(FIRST_SECRET).doesNotContain(SECOND_SECRET)
                .doesNotContain("2468").doesNotContain("1357").doesNotContain("8642");
    }
}

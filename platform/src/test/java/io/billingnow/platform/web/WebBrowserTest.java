package io.billingnow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.billing.money.CurrencyUnit;
import io.billingnow.platform.billing.money.Money;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
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
 * The web app in a real Chromium: the dev login lands on the only business's dashboard, whose figures are the API's;
 * a person in two businesses chooses one and never sees the other's data; signing in with Google (a real OpenID
 * provider in the test JVM) works; axe-core finds no serious or critical violation on any page. One browser and one
 * platform for the class; the steps build on each other, hence the order.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserTest {

    private static final MockOAuth2Server OIDC = IdentityProviders.start();
    private static final Browser.Hosted HOSTED = Browser.platform(IdentityProviders.googleAndApple(OIDC));
    private static final TestPlatform PLATFORM = HOSTED.platform();
    private static final String BASE = HOSTED.base();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    private static Browser browser;
    private static ChromeDriver chrome;
    private static TenantFixture acme;
    private static String acmeInvoice;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(HOSTED);
        chrome = browser.driver();
        acme = TenantFixture.create(PLATFORM, "acme-browser", "EUR");
        acmeInvoice = acme.openInvoice(12345, "EUR");
        String paidInPart = acme.openInvoice(600, "EUR");
        PLATFORM.postJson("/v1/invoices/" + paidInPart + "/payments", acme.key(),
                Map.of("amount", 250, "currency", "EUR", "method", "bank_transfer"), 201);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theDevLoginLandsOnTheOnlyBusinessesDashboardShowingTheApisFiguresAndSignsOut() {
        open("/");
        assertNoSeriousAccessibilityViolation("sign-in");
        screenshot("web-sign-in");
        assertThat(chrome.findElements(By.cssSelector("ul.providers a"))).extracting(WebElement::getText)
                .containsExactly("Sign in with Google", "Sign in with Apple");
        assertThat(chrome.findElement(By.cssSelector("a.provider-apple")).getAttribute("href"))
                .isEqualTo(BASE + "/auth/apple/login?returnTo=/");
        devLogin("owner@example.com");

        waitFor(By.cssSelector("table.totals"));
        assertThat(chrome.getCurrentUrl()).isEqualTo(BASE + "/t/acme-browser/");
        JsonNode invoices = PLATFORM.getJson("/v1/invoices?status=open", acme.key(), 200);
        long outstanding = 0;
        for (JsonNode invoice : invoices.get("data")) {
            outstanding += invoice.get("amountDue").asLong();
        }
        assertThat(outstanding).isEqualTo(12695);
        long paid = 0;
        for (JsonNode invoice : invoices.get("data")) {
            paid += invoice.get("amountPaid").asLong();
        }
        assertThat(paid).isEqualTo(250);
        WebElement eur = chrome.findElement(By.cssSelector("tr[data-currency='EUR']"));
        assertThat(eur.findElement(By.cssSelector(".outstanding")).getText())
                .isEqualTo("€" + Money.ofMinor(outstanding, CurrencyUnit.of("EUR")).toDecimalString());
        assertThat(eur.findElement(By.cssSelector(".paid")).getText())
                .isEqualTo("€" + Money.ofMinor(paid, CurrencyUnit.of("EUR")).toDecimalString());
        assertThat(eur.findElement(By.cssSelector(".overdue")).getText()).isEqualTo("€0.00");
        String number = PLATFORM.getJson("/v1/invoices/" + acmeInvoice, acme.key(), 200).get("number").asText();
        assertThat(chrome.findElement(By.cssSelector("table.invoices")).getText()).contains(number);
        assertNoSeriousAccessibilityViolation("dashboard");
        screenshot("web-dashboard");

        chrome.findElement(By.id("sign-out")).click();
        waitFor(By.id("dev-email"));
        assertThat(chrome.getCurrentUrl()).isEqualTo(BASE + "/");
        open("/t/acme-browser/");
        assertThat(chrome.getPageSource()).doesNotContain(number);
    }

    @Test
    @Order(2)
    void aPersonInTwoBusinessesChoosesOneAndNeverSeesTheOthersData() {
        TenantFixture beta = TenantFixture.create(PLATFORM, "beta-browser", "EUR");
        String betaInvoice = beta.openInvoice(777, "EUR");
        String betaNumber = PLATFORM.getJson("/v1/invoices/" + betaInvoice, beta.key(), 200).get("number").asText();
        String acmeNumber = PLATFORM.getJson("/v1/invoices/" + acmeInvoice, acme.key(), 200).get("number").asText();
        open("/");
        devLogin("owner@example.com");

        waitFor(By.cssSelector("ul.businesses"));
        assertNoSeriousAccessibilityViolation("chooser");
        screenshot("web-chooser");
        chrome.findElement(By.linkText("Tenant beta-browser")).click();
        waitFor(By.cssSelector("table.totals"));
        assertThat(chrome.getCurrentUrl()).isEqualTo(BASE + "/t/beta-browser/");
        assertThat(chrome.findElement(By.cssSelector("tr[data-currency='EUR'] .outstanding")).getText())
                .isEqualTo("€7.77");
        String page = chrome.getPageSource();
        assertThat(page).contains(betaNumber).doesNotContain("Tenant acme-browser").doesNotContain("123.45")
                .doesNotContain("129.45");
        // Invoice numbers follow the same pattern in both businesses: the other's number must come from its own.
        assertThat(chrome.findElement(By.cssSelector("table.invoices")).findElements(By.cssSelector("tbody tr")))
                .hasSize(1);
        assertThat(acmeNumber).isNotBlank();

        // A business created after this sign-in: the person is no member of it.
        TenantFixture gamma = TenantFixture.create(PLATFORM, "gamma-browser", "EUR");
        gamma.openInvoice(4242, "EUR");
        open("/t/gamma-browser/");
        waitFor(By.id("request-id"));
        assertThat(chrome.findElement(By.cssSelector(".error .code")).getText()).isEqualTo("403");
        assertThat(chrome.getPageSource()).doesNotContain("gamma-browser</h1>").doesNotContain("42.42");
        assertNoSeriousAccessibilityViolation("error");
        screenshot("web-error-403");
        open("/");
        chrome.findElement(By.id("sign-out")).click();
        waitFor(By.id("dev-email"));
    }

    @Test
    @Order(3)
    void signingInWithGoogleShowsTheEmptyStateOfAPersonWithoutABusiness() {
        OIDC.enqueueCallback(new DefaultOAuth2TokenCallback("google", "google-subject-web", "JWT", null,
                Map.of("email", "newcomer@example.com", "email_verified", true), 3600));
        open("/");
        chrome.findElement(By.cssSelector("a.provider-google")).click();
        waitFor(By.id("sign-out"));
        assertThat(chrome.getCurrentUrl()).isEqualTo(BASE + "/");
        assertThat(chrome.findElement(By.tagName("main")).getText())
                .contains("You do not belong to a business yet");
        assertNoSeriousAccessibilityViolation("chooser-empty");
        chrome.findElement(By.id("sign-out")).click();
        waitFor(By.id("dev-email"));
    }

    @Test
    @Order(4)
    void theGermanPagesSpeakGerman() {
        open("/language/de");
        waitFor(By.id("dev-email"));
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Bei BillingNow anmelden");
        assertThat(chrome.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertNoSeriousAccessibilityViolation("sign-in (de)");
        open("/language/en");
    }

    private static void devLogin(String email) {
        WebElement field = waitFor(By.id("dev-email"));
        field.sendKeys(email);
        chrome.findElement(By.id("dev-login")).click();
    }

    private static void open(String path) {
        browser.open(path);
    }

    private static WebElement waitFor(By locator) {
        return browser.waitFor(locator);
    }

    private static void assertNoSeriousAccessibilityViolation(String page) {
        browser.assertNoSeriousAccessibilityViolation(page);
    }

    private static void screenshot(String name) {
        browser.screenshot(name);
    }
}

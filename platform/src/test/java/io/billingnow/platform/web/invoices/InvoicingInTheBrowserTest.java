package io.billingnow.platform.web.invoices;

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
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Customers and invoices in a real Chromium: a customer created through the form and found by the search; an
 * invoice drafted through the API opened, finalized, paid in part, given a payment link and credited through its
 * page, each step checked against the API afterwards; axe-core finds no serious or critical violation on any of these
 * pages. One browser and one platform for the class; the steps build on each other, hence the order.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvoicingInTheBrowserTest {

    private static final Browser.Hosted HOSTED = Browser.platform(
            ConfigOverride.config("plugins.directory", TestPlugins.folder().toString()));
    private static final TestPlatform PLATFORM = HOSTED.platform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    private static Browser browser;
    private static TenantFixture shop;
    private static String draft;

    @BeforeAll
    static void aBusinessWithAPaymentProviderAndADraft() {
        browser = Browser.start(HOSTED);
        shop = TenantFixture.create(PLATFORM, "shop-browser", "EUR").enableProvider(ExampleBankTransfer.PROVIDER, true);
        PLATFORM.postJson("/v1/provider-accounts", shop.key(),
                ExampleBankTransfer.account(ExampleBankTransfer.newSecret()), 201);
        draft = PLATFORM.postJson("/v1/invoices", shop.key(), Map.of("customerId", shop.customerId(),
                "currency", "EUR", "lines", List.of(Map.of("description", "Consulting", "quantity", "2",
                        "unitAmount", 1000, "taxRates", List.of(Map.of("name", "VAT", "category", "S",
                                "percent", 19))))), 201).get("id").asText();
        browser.devLogin("owner@shop.example");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aCustomerCreatedThroughTheFormIsTheApisAndTheSearchFindsIt() {
        browser.open("/t/shop-browser/customers");
        browser.waitFor(By.id("new-customer")).click();
        browser.waitFor(By.id("name"));
        browser.assertNoSeriousAccessibilityViolation("new customer");
        browser.fill("name", "Muster GmbH");
        browser.fill("email", "einkauf@muster.example");
        browser.fill("taxId", "DE123456789");
        browser.fill("country", "DE");
        browser.fill("preferredCurrency", "EUR");
        browser.fill("address_line1", "Hauptstraße 1");
        browser.fill("address_postalCode", "10115");
        browser.fill("address_city", "Berlin");
        browser.find(By.id("save-customer")).click();

        assertThat(browser.waitFor(By.cssSelector("p.notice")).getText()).isEqualTo("Customer created.");
        JsonNode found = PLATFORM.getJson("/v1/customers?email=einkauf@muster.example", shop.key(), 200).get("data");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("name").asText()).isEqualTo("Muster GmbH");
        assertThat(found.get(0).get("address").get("city").asText()).isEqualTo("Berlin");
        assertThat(browser.path()).startsWith("/t/shop-browser/customers/" + found.get(0).get("id").asText());
        browser.assertNoSeriousAccessibilityViolation("customer");

        browser.open("/t/shop-browser/customers");
        browser.fill("search-email", "einkauf@muster.example");
        browser.find(By.id("search")).click();
        browser.waitFor(By.cssSelector("table.customers"));
        assertThat(browser.findAll(By.cssSelector("table.customers tbody tr"))).extracting(e -> e.getText())
                .singleElement().asString().contains("Muster GmbH");
        browser.open("/t/shop-browser/customers");
        browser.waitFor(By.cssSelector("table.customers"));
        browser.assertNoSeriousAccessibilityViolation("customers");
        browser.screenshot("web-customers");
    }

    @Test
    @Order(2)
    void theDraftIsFinalizedPaidInPartGivenAPaymentLinkAndCreditedThroughItsPage() {
        browser.open("/t/shop-browser/invoices");
        browser.waitFor(By.cssSelector("table.invoices"));
        browser.assertNoSeriousAccessibilityViolation("invoices");
        browser.screenshot("web-invoices");
        browser.find(By.cssSelector("a[href='/t/shop-browser/invoices/" + draft + "']")).click();

        browser.waitFor(By.id("finalize"));
        assertThat(browser.find(By.id("total")).getText()).isEqualTo("€23.80");
        browser.assertNoSeriousAccessibilityViolation("draft invoice");
        browser.find(By.id("finalize")).click();
        assertThat(browser.waitFor(By.cssSelector("p.notice")).getText()).isEqualTo("Invoice finalized.");
        JsonNode open = shop.invoice(draft);
        assertThat(open.get("status").asText()).isEqualTo("open");
        assertThat(browser.find(By.tagName("h1")).getText()).contains(open.get("number").asText());

        browser.find(By.cssSelector("#payment-form summary")).click();
        browser.fill("payment-amount", "10.00");
        new Select(browser.find(By.id("payment-method"))).selectByValue("bank_transfer");
        browser.fill("payment-reference", "Transfer 42");
        browser.find(By.id("record-payment")).click();
        assertThat(browser.waitFor(By.cssSelector("p.notice")).getText()).isEqualTo("Payment recorded.");
        JsonNode payments = shop.payments(draft);
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).get("amount").asLong()).isEqualTo(1000);
        assertThat(payments.get(0).get("method").asText()).isEqualTo("bank_transfer");
        assertThat(shop.invoice(draft).get("amountDue").asLong()).isEqualTo(1380);
        assertThat(browser.find(By.id("amount-due")).getText()).isEqualTo("€13.80");

        browser.find(By.cssSelector("#link-form summary")).click();
        browser.find(By.id("create-link")).click();
        String url = browser.waitFor(By.id("payment-link-url")).getAttribute("value");
        assertThat(url).startsWith(browser.base() + "/pay/pl_");
        browser.find(By.id("copy-link")).click();
        browser.assertNoSeriousAccessibilityViolation("invoice with a new payment link");
        // The link is live at the pay page for exactly what is still due.
        String payPage = PLATFORM.get(URI.create(url).getPath(), null).readEntity(String.class);
        assertThat(payPage).contains("13.80");

        browser.open("/t/shop-browser/invoices/" + draft);
        browser.waitFor(By.cssSelector("#credit-form summary")).click();
        browser.find(By.id("credit-whole")).click();
        browser.fill("credit-reason", "Goodwill");
        browser.find(By.id("issue-credit-note")).click();
        assertThat(browser.waitFor(By.cssSelector("p.notice")).getText()).isEqualTo("Credit note issued.");
        JsonNode notes = PLATFORM.getJson("/v1/invoices/" + draft + "/credit-notes", shop.key(), 200).get("data");
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get("total").asLong()).isEqualTo(2380);
        JsonNode credited = shop.invoice(draft);
        assertThat(credited.get("status").asText()).isEqualTo("paid");
        assertThat(credited.get("amountDue").asLong()).isZero();
        assertThat(browser.find(By.id("invoice-status")).getText()).isEqualTo("Paid");
        assertThat(browser.find(By.cssSelector("table.credit-notes")).getText())
                .contains(notes.get(0).get("number").asText());
        browser.assertNoSeriousAccessibilityViolation("invoice");
        browser.screenshot("web-invoice");
    }
}

package io.billingnow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.providers.plugins.TestPlugins;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.ExampleBankTransfer;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue #14's "done when", in one browser and without the API: a person signs in, creates a business, connects a
 * payment provider, adds a customer, drafts an invoice with the server's totals, finalizes it, creates a payment link,
 * and is paid through it. Only the operator's switch (enabling the provider for the business) and the provider's own
 * signed webhook come from outside the browser, as they do in production.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TheWholeWayTest {

    private static final Browser.Hosted HOSTED = Browser.platform(
            ConfigOverride.config("plugins.directory", TestPlugins.folder().toString()));
    private static final TestPlatform PLATFORM = HOSTED.platform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(HOSTED);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPersonSignsUpInvoicesACustomerAndIsPaidThroughAPaymentLinkWithoutTouchingTheApi() {
        // Sign in and create the business.
        browser.devLogin("founder@whole-way.example");
        browser.waitFor(By.id("create-business")).click();
        browser.waitFor(By.id("signup-form"));
        browser.fill("signup-name", "Whole Way GmbH");
        browser.fill("signup-slug", "whole-way");
        new Select(browser.find(By.id("signup-country"))).selectByValue("DE");
        new Select(browser.find(By.id("signup-currency"))).selectByValue("EUR");
        browser.find(By.id("signup-submit")).click();
        browser.waitFor(By.cssSelector("p.notice"));
        assertThat(browser.path()).startsWith("/t/whole-way/");

        // The operator enables the bank-transfer provider for the business (the admin console's part).
        Tenant tenant = PLATFORM.tenantBySlug("whole-way").orElseThrow();
        TestPlatform.expect(PLATFORM.request("/admin/v1/tenants/" + tenant.id() + "/providers/"
                + ExampleBankTransfer.PROVIDER, PLATFORM.operatorToken(false)).method("PATCH",
                Entity.entity(Map.of("enabled", true), "application/merge-patch+json")), 200);

        // Connect the provider account through the form its plugin's fields generate.
        String webhookSecret = ExampleBankTransfer.newSecret();
        browser.open("/t/whole-way/getting-paid");
        browser.waitFor(By.partialLinkText("Bank transfer (SEPA, example)")).click();
        browser.waitFor(By.id("field-credential_beneficiary_name"));
        browser.fill("field-displayName", "SEPA");
        browser.fill("field-credential_beneficiary_name", "Whole Way GmbH");
        browser.fill("field-credential_iban", "DE89370400440532013000");
        browser.fill("field-credential_pay_page_base_url", "https://bank.example");
        browser.fill("field-webhookSecret", webhookSecret);
        browser.find(By.id("connect")).click();
        String webhookUrl = browser.waitFor(By.id("webhook-url")).getAttribute("value");
        assertThat(webhookUrl).contains("/webhooks/");

        // A customer.
        browser.open("/t/whole-way/customers");
        browser.waitFor(By.id("new-customer")).click();
        browser.waitFor(By.id("name"));
        browser.fill("name", "Muster AG");
        browser.fill("email", "ap@muster.example");
        browser.fill("country", "DE");
        browser.find(By.id("save-customer")).click();
        assertThat(browser.waitFor(By.cssSelector("p.notice")).getText()).isEqualTo("Customer created.");

        // A draft, its totals computed by the server while typing, then finalized.
        browser.open("/t/whole-way/invoices/new");
        browser.waitFor(By.id("lines_0_description"));
        new Select(browser.find(By.id("customerId"))).selectByVisibleText("Muster AG");
        browser.fill("lines_0_description", "Consulting");
        browser.fill("lines_0_quantity", "3");
        browser.fill("lines_0_unitAmount", "150.00");
        browser.fill("lines_0_taxRates_0_percent", "19");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("draft-total"), "€535.50"));
        browser.find(By.id("save-draft")).click();
        browser.waitFor(By.id("finalize")).click();
        assertThat(browser.waitFor(By.cssSelector("p.notice")).getText()).isEqualTo("Invoice finalized.");
        String invoicePath = browser.path().replaceAll("\\?.*", "");
        String invoiceId = invoicePath.substring(invoicePath.lastIndexOf('/') + 1);
        assertThat(browser.find(By.id("amount-due")).getText()).isEqualTo("€535.50");

        // A payment link, opened as the payer would.
        browser.find(By.cssSelector("#link-form summary")).click();
        browser.find(By.id("create-link")).click();
        String link = browser.waitFor(By.id("payment-link-url")).getAttribute("value");
        browser.driver().get(link);
        assertThat(browser.driver().getPageSource()).contains("535.50").contains("Whole Way GmbH");

        // The provider announces the transfer, signed with the secret typed into the form.
        JsonNode account = TestPlatform.parse("{\"webhookUrl\":\"" + webhookUrl + "\"}");
        byte[] event = ExampleBankTransfer.transferReceived("ev_whole_way_1", "tr_whole_way_1", invoiceId, 53_550);
        assertThat(ExampleBankTransfer.outcome(ExampleBankTransfer.deliver(PLATFORM, account, webhookSecret, event)))
                .isEqualTo("payment_recorded");

        // Paid, on the invoice's page and on the dashboard.
        browser.open(invoicePath);
        assertThat(browser.waitFor(By.id("invoice-status")).getText()).isEqualTo("Paid");
        assertThat(browser.find(By.id("amount-due")).getText()).isEqualTo("€0.00");
        browser.open("/t/whole-way/");
        assertThat(browser.waitFor(By.cssSelector("tr[data-currency='EUR'] .paid")).getText()).isEqualTo("€535.50");
        assertThat(browser.find(By.cssSelector("table.payments")).getText()).contains("€535.50");
        assertThat(URI.create(link).getPath()).startsWith("/pay/");
    }
}

package io.billingnow.platform.web.invoices.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The draft editor in a real Chromium with htmx: the totals box follows the typing with the server's figures, a line
 * is added without leaving the page, saving lands on the invoice's page and the API holds exactly the draft typed;
 * editing it again adds a line. axe-core finds no serious violation on the editor.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DraftEditorBrowserTest {

    private static final Browser.Hosted HOSTED = Browser.platform();
    private static final TestPlatform PLATFORM = HOSTED.platform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    private static Browser browser;
    private static TenantFixture acme;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(HOSTED);
        acme = TenantFixture.create(PLATFORM, "acme-editor", "EUR");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOwnerDraftsAnInvoiceWatchingTheServersTotalsSavesItAndAddsALineLater() {
        browser.devLogin("owner@editor.example");
        browser.waitFor(By.id("new-invoice")).click();
        browser.waitFor(By.id("lines_0_description"));
        assertThat(browser.path()).isEqualTo("/t/acme-editor/invoices/new");

        browser.fill("lines_0_description", "Design work");
        browser.fill("lines_0_quantity", "2");
        browser.fill("lines_0_unitAmount", "100.00");
        browser.fill("lines_0_taxRates_0_percent", "19");
        waitForTotal("€238.00");

        browser.find(By.id("add-line")).click();
        browser.waitFor(By.id("lines_1_description"));
        assertThat(browser.path()).isEqualTo("/t/acme-editor/invoices/new");
        assertThat(browser.find(By.id("lines_0_description")).getAttribute("value")).isEqualTo("Design work");
        browser.fill("lines_1_description", "Books");
        browser.fill("lines_1_quantity", "1.5");
        browser.fill("lines_1_unitAmount", "10.00");
        browser.fill("lines_1_taxRates_0_percent", "7");
        // 200.00 + 38.00 tax at 19 %; 15.00 + 1.05 tax at 7 %.
        waitForTotal("€254.05");
        assertThat(browser.find(By.id("draft-totals")).getText()).contains("VAT 19% on €200.00")
                .contains("VAT 7% on €15.00");
        browser.assertNoSeriousAccessibilityViolation("invoice editor");
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'end'})",
                browser.find(By.id("save-draft")));
        browser.screenshot("web-invoice-editor");

        browser.find(By.id("save-draft")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> !browser.path().startsWith("/t/acme-editor/invoices/new"));
        Matcher landed = Pattern.compile("/t/acme-editor/invoices/([0-9a-f-]{36})\\?notice=drafts_created")
                .matcher(browser.path());
        assertThat(landed.matches()).as(browser.path()).isTrue();
        String id = landed.group(1);
        JsonNode draft = PLATFORM.getJson("/v1/invoices/" + id, acme.key(), 200);
        assertThat(draft.get("status").asText()).isEqualTo("draft");
        assertThat(draft.get("customerId").asText()).isEqualTo(acme.customerId());
        assertThat(draft.get("total").asLong()).isEqualTo(25405);
        assertThat(draft.get("taxBreakdown").findValuesAsText("taxAmount")).containsExactly("3800", "105");
        assertThat(draft.get("lines").get(1).get("quantity").decimalValue()).isEqualByComparingTo("1.5");

        browser.open("/t/acme-editor/invoices/" + id + "/edit");
        browser.waitFor(By.id("lines_1_description"));
        waitForTotal("€254.05");
        browser.find(By.id("add-line")).click();
        browser.waitFor(By.id("lines_2_description"));
        browser.fill("lines_2_description", "Shipping");
        browser.fill("lines_2_quantity", "1");
        browser.fill("lines_2_unitAmount", "5.00");
        browser.fill("lines_2_taxRates_0_percent", "19");
        waitForTotal("€260.00");
        browser.find(By.id("save-draft")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> browser.path().endsWith("/t/acme-editor/invoices/" + id + "?notice=drafts_saved"));

        JsonNode edited = PLATFORM.getJson("/v1/invoices/" + id, acme.key(), 200);
        assertThat(edited.get("lines")).hasSize(3);
        assertThat(edited.get("total").asLong()).isEqualTo(26000);
        assertThat(edited.get("version").asInt()).isEqualTo(2);
    }

    private static void waitForTotal(String total) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBe(By.id("draft-total"), total));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the totals never showed " + total + "; they show: "
                    + browser.find(By.id("draft-totals")).getText(), e);
        }
    }
}

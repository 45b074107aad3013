package io.billingnow.platform.web.team;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
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
import org.openqa.selenium.support.ui.Select;

/**
 * The team, API keys and audit pages in a real Chromium: an owner invites a member, creates an API key and sees its
 * secret once (and it works), revokes it, then opens the audit log and verifies the chain; axe-core finds no serious
 * or critical violation on any of these pages. One browser and one platform; the steps build on each other.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamKeysAuditBrowserTest {

    private static final Browser.Hosted HOSTED = Browser.platform();
    private static final TestPlatform PLATFORM = HOSTED.platform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    private static Browser browser;
    private static TenantFixture acme;
    private static String secret;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(HOSTED);
        acme = TenantFixture.create(PLATFORM, "team-browser", "EUR");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void anOwnerInvitesAMemberAndSeesTheInvitationPending() {
        browser.devLogin("owner@team-browser.example");
        browser.open("/t/team-browser/team");
        browser.waitFor(By.cssSelector("table.members"));
        assertThat(browser.find(By.cssSelector("table.members")).getText()).contains("owner@team-browser.example");
        browser.fill("invite-email", "accountant@team-browser.example");
        new Select(browser.find(By.id("invite-role"))).selectByValue("accountant");
        browser.find(By.id("invite-submit")).click();

        WebElement notice = browser.waitFor(By.cssSelector("p.notice"));
        assertThat(notice.getText()).isEqualTo("Invitation created.");
        assertThat(browser.find(By.cssSelector("table.invitations")).getText())
                .contains("accountant@team-browser.example").contains("Accountant");
        assertThat(PLATFORM.getJson("/v1/members/invitations", acme.key(), 200).get("data").get(0).get("email")
                .asText()).isEqualTo("accountant@team-browser.example");
        browser.assertNoSeriousAccessibilityViolation("team");
        browser.screenshot("web-team");
    }

    @Test
    @Order(2)
    void anOwnerCreatesAnApiKeySeesItsSecretOnceAndRevokesIt() {
        browser.open("/t/team-browser/api-keys");
        browser.waitFor(By.id("api-key-form"));
        browser.fill("key-name", "Accounting export");
        new Select(browser.find(By.id("key-role"))).selectByValue("accountant");
        browser.find(By.id("create-key")).click();

        WebElement shown = browser.waitFor(By.id("api-key-secret"));
        secret = shown.getAttribute("value");
        assertThat(secret).startsWith("bnk_");
        assertThat(browser.find(By.id("created-name")).getText()).isEqualTo("Accounting export");
        assertThat(browser.path()).isEqualTo("/t/team-browser/api-keys").doesNotContain(secret);
        assertThat(PLATFORM.get("/v1/invoices", secret).getStatus()).isEqualTo(200);
        browser.assertNoSeriousAccessibilityViolation("API key created");

        browser.find(By.id("back-to-keys")).click();
        WebElement row = browser.waitFor(By.xpath("//table[contains(@class,'api-keys')]//tr[td[text()='Accounting export']]"));
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        browser.assertNoSeriousAccessibilityViolation("API keys");
        browser.screenshot("web-api-keys");

        row.findElement(By.cssSelector("button.danger")).click();
        assertThat(browser.waitFor(By.cssSelector("p.notice")).getText()).isEqualTo("API key revoked.");
        assertThat(browser.find(By.xpath("//tr[td[text()='Accounting export']]")).getText()).contains("Revoked");
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        assertThat(PLATFORM.get("/v1/invoices", secret).getStatus()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void theAuditLogShowsWhatHappenedAndItsChainVerifies() {
        browser.open("/t/team-browser/audit");
        browser.waitFor(By.cssSelector("table.audit-events"));
        String log = browser.find(By.cssSelector("table.audit-events")).getText();
        assertThat(log).contains("invitation.created").contains("api_key.created").contains("api_key.revoked");
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        browser.assertNoSeriousAccessibilityViolation("audit log");

        browser.find(By.id("verify-chain")).click();
        WebElement result = browser.waitFor(By.id("chain-result"));
        long events = PLATFORM.getJson("/v1/audit-events?limit=200", acme.key(), 200).get("data").size();
        assertThat(result.getText()).isEqualTo("The chain is intact up to event " + events + ".");
        browser.assertNoSeriousAccessibilityViolation("audit log, verified");
        browser.screenshot("web-audit");
    }
}

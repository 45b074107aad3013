package io.billingnow.platform.web.signup;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.web.Browser;
import io.billingnow.platform.web.IdentityProviders;
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
import org.openqa.selenium.support.ui.Select;

/**
 * Sign-up, sign-in and invitations in a real Chromium against a real OpenID provider (mock-oauth2-server) acting as
 * Google and as Apple: a newcomer signs in with Google, creates a business and lands on its dashboard; Sign in with
 * Apple completes through Apple's form_post in the browser; an owner invites a viewer through the API, who signs in,
 * accepts on the chooser, sees no action of an editor and is refused a forced one, and cannot open another business.
 * axe-core finds no serious or critical violation on any page. One browser and one platform; the steps build on each
 * other, hence the order.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignUpBrowserTest {

    private static final MockOAuth2Server OIDC = IdentityProviders.start();
    private static final Browser.Hosted HOSTED = Browser.platform(IdentityProviders.googleAndApple(OIDC));
    private static final TestPlatform PLATFORM = HOSTED.platform();
    private static final String BASE = HOSTED.base();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    private static Browser browser;
    private static ChromeDriver chrome;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(HOSTED);
        chrome = browser.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aNewcomerSignsInWithGoogleCreatesABusinessAndLandsOnItsDashboard() {
        signInWithGoogle("founder-subject", "founder@signup.example");
        assertThat(chrome.findElement(By.tagName("main")).getText()).contains("You do not belong to a business yet");
        browser.assertNoSeriousAccessibilityViolation("chooser with sign-up");
        chrome.findElement(By.id("create-business")).click();

        browser.waitFor(By.id("signup-form"));
        browser.assertNoSeriousAccessibilityViolation("sign-up");
        browser.fill("signup-name", "Founder & Daughters");
        browser.fill("signup-slug", "founder-daughters");
        new Select(chrome.findElement(By.id("signup-country"))).selectByValue("AT");
        new Select(chrome.findElement(By.id("signup-currency"))).selectByValue("EUR");
        browser.screenshot("web-sign-up");
        chrome.findElement(By.id("signup-submit")).click();

        browser.waitFor(By.cssSelector("p.notice"));
        assertThat(browser.path()).isEqualTo("/t/founder-daughters/?notice=business_created");
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Founder & Daughters");
        assertThat(chrome.findElement(By.cssSelector("p.notice")).getText())
                .isEqualTo("Your business is ready. You are its owner.");
        assertThat(chrome.findElements(By.cssSelector("nav.sections a"))).extracting(WebElement::getText)
                .contains("Team", "Settings");
        browser.assertNoSeriousAccessibilityViolation("dashboard after sign-up");
        Tenant created = PLATFORM.tenantBySlug("founder-daughters").orElseThrow();
        assertThat(created.country()).isEqualTo("AT");

        browser.open("/account");
        browser.waitFor(By.id("sign-out-everywhere"));
        assertThat(chrome.findElement(By.id("account-email")).getText()).isEqualTo("founder@signup.example");
        assertThat(chrome.findElement(By.cssSelector("table.account-businesses")).getText())
                .contains("Founder & Daughters").contains("Owner");
        assertThat(chrome.findElements(By.cssSelector("table.sessions .current-session"))).hasSize(1);
        browser.assertNoSeriousAccessibilityViolation("account");
        browser.screenshot("web-account");
        chrome.findElement(By.id("sign-out-everywhere")).click();
        browser.waitFor(By.id("dev-email"));
        browser.open("/account");
        browser.waitFor(By.id("dev-email"));
        assertThat(browser.path()).isEqualTo("/");
    }

    @Test
    @Order(2)
    void signInWithAppleCompletesThroughApplesFormPostInTheBrowser() {
        OIDC.enqueueCallback(new DefaultOAuth2TokenCallback("apple", "apple-subject-browser", "JWT", null,
                Map.of("email", "apple-person@privaterelay.example", "email_verified", "true"), 3600));
        browser.open("/");
        chrome.findElement(By.cssSelector("a.provider-apple")).click();
        // mock-oauth2-server answers Apple's response_mode=form_post with a page that posts the code to our callback.
        browser.waitFor(By.id("sign-out"));
        assertThat(browser.path()).isEqualTo("/");
        browser.open("/account");
        browser.waitFor(By.id("account-email"));
        assertThat(chrome.findElement(By.id("account-email")).getText())
                .isEqualTo("apple-person@privaterelay.example");
        browser.signOut();
    }

    @Test
    @Order(3)
    void anInvitedViewerAcceptsOnTheChooserSeesNoEditorsActionsAndIsRefusedAForcedOne() {
        Tenant business = PLATFORM.tenantBySlug("founder-daughters").orElseThrow();
        PLATFORM.postJson("/v1/members/invitations", PLATFORM.apiKey(business, Role.OWNER),
                Map.of("email", "viewer@signup.example", "role", "viewer"), 201);

        signInWithGoogle("viewer-subject", "viewer@signup.example");
        browser.waitFor(By.cssSelector("ul.invitations"));
        assertThat(chrome.findElement(By.cssSelector("li.invitation")).getText())
                .contains("Founder & Daughters").contains("Viewer");
        browser.assertNoSeriousAccessibilityViolation("chooser with an invitation");
        chrome.findElement(By.cssSelector("button.accept-invitation")).click();

        browser.waitFor(By.cssSelector("p.notice"));
        assertThat(browser.path()).isEqualTo("/t/founder-daughters/?notice=invitation_accepted");
        assertThat(chrome.findElements(By.cssSelector("nav.sections a"))).extracting(WebElement::getText)
                .contains("Dashboard").doesNotContain("Team", "Settings", "API keys", "Getting paid");
        assertThat(chrome.findElements(By.cssSelector("main form, main button"))).isEmpty();
        browser.assertNoSeriousAccessibilityViolation("dashboard as viewer");

        // The server refuses what the page does not offer: a forced POST with this very session and its CSRF token.
        Object status = chrome.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-Token'];
                fetch('/v1/customers', {method: 'POST', credentials: 'same-origin', headers: {
                    'Content-Type': 'application/json', 'X-CSRF-Token': token,
                    'BillingNow-Tenant': 'founder-daughters'}, body: JSON.stringify({name: 'Forced'})})
                  .then(r => done(r.status), e => done(String(e)));""");
        assertThat(status).isEqualTo(403L);
        assertThat(PLATFORM.getJson("/v1/customers", PLATFORM.apiKey(business, Role.OWNER), 200).toString())
                .doesNotContain("Forced");

        browser.open("/account");
        browser.waitFor(By.cssSelector("table.account-businesses"));
        assertThat(chrome.findElement(By.cssSelector("table.account-businesses")).getText()).contains("Viewer");
    }

    @Test
    @Order(4)
    void aPersonInOneBusinessCannotReachAnothersPages() {
        Tenant other = PLATFORM.createTenant("other-signup", "EUR");
        PLATFORM.postJson("/v1/customers", PLATFORM.apiKey(other, Role.OWNER), Map.of("name", "Secret Customer"),
                201);
        browser.open("/t/other-signup/");
        browser.waitFor(By.id("request-id"));
        assertThat(chrome.findElement(By.cssSelector(".error .code")).getText()).isEqualTo("403");
        assertThat(chrome.getPageSource()).doesNotContain("Tenant other-signup").doesNotContain("Secret Customer");
        browser.open("/");
        browser.signOut();
    }

    private static void signInWithGoogle(String subject, String email) {
        OIDC.enqueueCallback(new DefaultOAuth2TokenCallback("google", subject, "JWT", null,
                Map.of("email", email, "email_verified", true), 3600));
        browser.open("/");
        browser.waitFor(By.cssSelector("a.provider-google")).click();
        browser.waitFor(By.id("sign-out"));
    }
}

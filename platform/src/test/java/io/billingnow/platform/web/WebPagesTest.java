package io.billingnow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.tenancy.TenantDefinition;
import io.billingnow.platform.tenancy.TenantSettings;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.web.shell.WebResponses;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The web app's pages over real HTTP: escaping, the page policy, the API's access rules, HTML vs JSON errors. */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebPagesTest {

    private static final TestPlatform PLATFORM = new TestPlatform(ConfigOverride.config("signIn.devLogin", "true"));

    @RegisterExtension
    static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> APP = PLATFORM.app();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TenantFixture acme;
    private static String cookies;

    @BeforeAll
    static void signIn() throws Exception {
        acme = TenantFixture.create(PLATFORM, "acme-web", "EUR");
        acme.openInvoice(12345, "EUR");
        PLATFORM.provisionTenant(new TenantDefinition("xss-web", "<script>alert(1)</script>", "DE", "EUR",
                TenantSettings.defaults()), new io.billingnow.platform.identity.auth.OperatorCaller("test", false));
        cookies = devLogin("owner@example.com");
    }

    static String devLogin(String email) throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.url("/auth/dev/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + email)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(URI.create(login.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/");
        return login.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.joining("; "));
    }

    static HttpResponse<String> get(String path, String accept, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(PLATFORM.url(path))).header("Accept", accept);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSignedOutRootIsTheSignInPageWithTheDevLoginUnderThePagePolicy() throws Exception {
        HttpResponse<String> page = get("/", "text/html", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/auth/dev/login\"").contains("<html lang=\"en\"");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue(WebResponses.CONTENT_SECURITY_POLICY);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).doesNotContain("<style").doesNotContain("style=").doesNotContain("<script>");
    }

    @Test
    void germanIsChosenFromAcceptLanguage() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.url("/")))
                .header("Accept", "text/html").header("Accept-Language", "de-DE,de;q=0.9").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("<html lang=\"de\"").contains("Bei BillingNow anmelden");
    }

    @Test
    void aBusinessNamedScriptRendersAsTextInTheChooser() throws Exception {
        HttpResponse<String> chooser = get("/", "text/html", cookies);
        assertThat(chooser.statusCode()).isEqualTo(200);
        assertThat(chooser.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
        assertThat(chooser.headers().firstValue("Content-Security-Policy"))
                .hasValue(WebResponses.CONTENT_SECURITY_POLICY);
        assertThat(chooser.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void theDashboardShowsTheOpenInvoiceFormattedPerLocale() throws Exception {
        HttpResponse<String> dashboard = get("/t/acme-web/", "text/html", cookies);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Tenant acme-web").contains("€123.45");
        HttpResponse<String> german = get("/t/acme-web/", "text/html", cookies + "; bn_lang=de");
        assertThat(german.body()).contains("123,45\u00a0€");
        assertThat(dashboard.headers().firstValue("Content-Security-Policy"))
                .hasValue(WebResponses.CONTENT_SECURITY_POLICY);
    }

    @Test
    void anInvoicePastItsDueDateCountsAsOverdueAndIsMarkedSo() throws Exception {
        TenantFixture late = TenantFixture.create(PLATFORM, "late-web", "JPY");
        String invoice = PLATFORM.postJson("/v1/invoices", late.key(), java.util.Map.of(
                "customerId", late.customerId(), "currency", "JPY", "issueDate", "2026-01-05",
                "dueDate", "2026-01-20", "lines", java.util.List.of(java.util.Map.of("description", "Work",
                        "quantity", "1", "unitAmount", 5000))), 201).get("id").asText();
        PLATFORM.postJson("/v1/invoices/" + invoice + "/finalize", late.key(), java.util.Map.of(), 200);
        String ownerOfLate = devLogin("late@example.com");

        HttpResponse<String> dashboard = get("/t/late-web/", "text/html", ownerOfLate);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<td class=\"num overdue\">¥5,000</td>")
                .contains("<td class=\"num outstanding\">¥5,000</td>")
                .contains("status-overdue");
    }

    @Test
    void aBusinessThePersonDoesNotBelongToAnswersTheHtml403WithTheRequestId() throws Exception {
        TenantFixture.create(PLATFORM, "later-web", "EUR");  // created after the dev login: not a member
        HttpResponse<String> refused = get("/t/later-web/", "text/html", cookies);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(refused.body()).contains("id=\"request-id\">" + refused.headers().firstValue("Request-Id")
                .orElseThrow());
        assertThat(refused.body()).doesNotContain("Tenant later-web");
    }

    @Test
    void anUnknownPageIsAnHtml404ForBrowsersAndProblemJsonOtherwise() throws Exception {
        HttpResponse<String> page = get("/no-such-page", "text/html,application/xhtml+xml", null);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue(WebResponses.CONTENT_SECURITY_POLICY);
        HttpResponse<String> json = get("/no-such-page", "application/json", null);
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void theApiKeepsProblemJsonEvenForABrowser() throws Exception {
        // What a browser sends when navigating.
        HttpResponse<String> api = get("/v1/invoices", "text/html,application/xhtml+xml,*/*;q=0.8", null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void assetsAreVersionedAndImmutable() throws Exception {
        HttpResponse<String> page = get("/", "text/html", null);
        String css = page.body().replaceAll("(?s).*href=\"(/assets/web/app-[0-9a-f]+\\.css)\".*", "$1");
        String js = page.body().replaceAll("(?s).*src=\"(/assets/web/htmx-[^\"]+\\.min\\.js)\".*", "$1");
        HttpResponse<String> stylesheet = get(css, "text/css", null);
        HttpResponse<String> htmx = get(js, "*/*", null);
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
        assertThat(htmx.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(get("/assets/web/htmx-0.0.1.min.js", "*/*", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aSignedOutVisitToABusinessPageGoesToTheSignInPage() throws Exception {
        HttpResponse<String> page = get("/t/acme-web/", "text/html", null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(URI.create(page.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/");
    }

    @Test
    void aPlainFormSignsOutWithTheSessionsCsrfFieldAndIsRefusedWithout() throws Exception {
        String session = devLogin("form@example.com");
        String csrf = java.util.Arrays.stream(session.split("; "))
                .filter(c -> c.startsWith(io.billingnow.platform.identity.sessions.SessionCookie.CSRF_NAME + "="))
                .map(c -> c.substring(c.indexOf('=') + 1)).findFirst().orElseThrow();

        assertThat(postForm("/auth/logout", session, "_csrf=wrong").statusCode()).isEqualTo(403);
        assertThat(postForm("/auth/logout", session, "").statusCode()).isEqualTo(403);
        assertThat(get("/t/acme-web/", "text/html", session).statusCode()).isEqualTo(200);

        HttpResponse<String> out = postForm("/auth/logout", session, "_csrf=" + csrf);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(URI.create(out.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/");
        assertThat(get("/t/acme-web/", "text/html", session).statusCode()).isEqualTo(303);
    }

    @Test
    void theDashboardListsTheLatestPaymentsWithTheirInvoice() throws Exception {
        TenantFixture paid = TenantFixture.create(PLATFORM, "paid-web", "EUR");
        String invoice = paid.openInvoice(5000, "EUR");
        paid.pay(invoice, java.util.Map.of("amount", 1999, "currency", "EUR", "method", "bank_transfer"));
        String number = paid.invoice(invoice).get("number").asText();
        String owner = devLogin("paid@example.com");

        HttpResponse<String> dashboard = get("/t/paid-web/", "text/html", owner);
        String payments = dashboard.body().substring(dashboard.body().indexOf("<table class=\"payments\">"));
        assertThat(payments).contains("href=\"/t/paid-web/invoices/" + invoice + "\">" + number + "</a>")
                .contains("Bank transfer").contains("€19.99");
    }

    @Test
    void anOwnerSeesEverySectionInTheNavigationAndTheCurrentOneIsMarked() throws Exception {
        String page = get("/t/acme-web/", "text/html", cookies).body();
        assertThat(page).contains("<a href=\"/t/acme-web/\" aria-current=\"page\">Dashboard</a>")
                .contains("href=\"/t/acme-web/customers\"").contains("href=\"/t/acme-web/audit\"")
                .contains("href=\"/t/acme-web/settings\"");
    }

    static HttpResponse<String> postForm(String path, String cookie, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

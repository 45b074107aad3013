package io.billingnow.platform.web.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.tenancy.settings.LogoApiTestImages;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.web.shell.WebResponses;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The settings page over real HTTP: the form, its refusals, escaping, CSRF, the logo upload and the header. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SettingsPageTest {

    private static final TestPlatform PLATFORM = new TestPlatform(ConfigOverride.config("signIn.devLogin", "true"));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String cookies;

    @BeforeAll
    static void signIn() throws Exception {
        for (String slug : new String[] {"page-save", "page-refuse", "page-stale", "page-xss", "page-logo",
                "page-csrf"}) {
            PLATFORM.createTenant(slug, "EUR");
        }
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.url("/auth/dev/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=owner@example.com")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(303);
        cookies = login.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.joining("; "));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.url(path))).header("Accept", "text/html")
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.url(path))).header("Accept", "text/html")
                .header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The form as the page shows it: every input's name and value, the CSRF token and version included. */
    private static Map<String, String> form(String page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input type=\"(?:hidden|text|email|number)\"(?: id=\"[^\"]*\")? name=\"([^\"]+)\""
                + " value=\"([^\"]*)\"").matcher(page);
        while (input.find()) {
            fields.putIfAbsent(input.group(1), unescape(input.group(2)));
        }
        Matcher selected = Pattern.compile("<option value=\"([a-z]+)\" selected>").matcher(page);
        if (selected.find()) {
            fields.put("language", selected.group(1));
        }
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x3D;", "=").replace("&#61;", "=").replace("&#x60;", "`").replace("&amp;", "&");
    }

    @Test
    void savingTheFormChangesTheSettingsAndSaysSo() throws Exception {
        HttpResponse<String> page = get("/t/page-save/settings");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(WebResponses.CONTENT_SECURITY_POLICY);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        Map<String, String> form = form(page.body());
        assertThat(form).containsKeys("_csrf", "version", "legalName", "paymentTermsDays", "address_city");
        form.put("legalName", "Beispiel AG");
        form.put("address_line1", "Hauptstraße 5");
        form.put("address_city", "Köln");
        form.put("paymentTermsDays", "21");
        form.put("language", "de");

        HttpResponse<String> saved = post("/t/page-save/settings", form);

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow())
                .endsWith("/t/page-save/settings?notice=settings_saved");
        HttpResponse<String> after = get("/t/page-save/settings?notice=settings_saved");
        assertThat(after.body()).contains("Settings saved.").contains("value=\"Beispiel AG\"")
                .contains("value=\"21\"").contains("value=\"Köln\"").contains("<option value=\"de\" selected>");
        var tenant = PLATFORM.tenantBySlug("page-save").orElseThrow();
        assertThat(tenant.settings().paymentTermsDays()).isEqualTo(21);
        assertThat(tenant.settings().seller().address().city()).isEqualTo("Köln");
    }

    @Test
    void aRefusedFormIsShownAgainWithWhatWasTypedAndWhatWasWrong() throws Exception {
        Map<String, String> form = form(get("/t/page-refuse/settings").body());
        form.put("invoiceNumberFormat", "RE-{FOO}");
        form.put("paymentTermsDays", "soon");
        form.put("legalName", "Typed Name");

        HttpResponse<String> refused = post("/t/page-refuse/settings", form);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"settings-errors\"").contains("id=\"e-paymentTermsDays\"")
                .contains("value=\"soon\"").contains("value=\"Typed Name\"").contains("value=\"RE-{FOO}\"");
        form.put("paymentTermsDays", "14");
        HttpResponse<String> pattern = post("/t/page-refuse/settings", form);
        assertThat(pattern.statusCode()).isEqualTo(422);
        assertThat(pattern.body()).contains("id=\"e-invoiceNumberFormat\"").contains("aria-invalid=\"true\"");
        assertThat(PLATFORM.tenantBySlug("page-refuse").orElseThrow().settings().seller()).isNull();
    }

    @Test
    void aFormSavedOverSomeoneElsesChangeIsRefusedKeepingWhatWasTyped() throws Exception {
        Map<String, String> form = form(get("/t/page-stale/settings").body());
        Map<String, String> other = new LinkedHashMap<>(form);
        other.put("paymentTermsDays", "10");
        assertThat(post("/t/page-stale/settings", other).statusCode()).isEqualTo(303);
        form.put("paymentTermsDays", "45");

        HttpResponse<String> stale = post("/t/page-stale/settings", form);

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else changed the settings").contains("value=\"45\"");
        assertThat(PLATFORM.tenantBySlug("page-stale").orElseThrow().settings().paymentTermsDays()).isEqualTo(10);
    }

    @Test
    void aLegalNameWithScriptIsShownAsText() throws Exception {
        Map<String, String> form = form(get("/t/page-xss/settings").body());
        form.put("legalName", "<script>alert(1)</script>");
        assertThat(post("/t/page-xss/settings", form).statusCode()).isEqualTo(303);

        HttpResponse<String> page = get("/t/page-xss/settings");

        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
    }

    @Test
    void aFormWithoutTheCsrfTokenChangesNothing() throws Exception {
        Map<String, String> form = form(get("/t/page-csrf/settings").body());
        form.remove("_csrf");
        form.put("paymentTermsDays", "3");

        assertThat(post("/t/page-csrf/settings", form).statusCode()).isEqualTo(403);
        assertThat(PLATFORM.tenantBySlug("page-csrf").orElseThrow().settings().paymentTermsDays()).isEqualTo(30);
    }

    @Test
    void anUploadedLogoIsShownInTheHeaderAndServedWithItsOwnType() throws Exception {
        String page = get("/t/page-logo/settings").body();
        String csrf = form(page).get("_csrf");
        assertThat(page).contains("No logo yet").doesNotContain("class=\"logo\"");

        HttpResponse<String> upload = upload("/t/page-logo/settings/logo", csrf, LogoApiTestImages.png(64, 32));

        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.headers().firstValue("HX-Redirect")).hasValue(
                "/t/page-logo/settings?notice=settings_logo_saved");
        String dashboard = get("/t/page-logo/").body();
        Matcher logo = Pattern.compile("<img class=\"logo\" src=\"(/t/page-logo/settings/logo\\?v(?:=|&#61;)[0-9a-f]{16})\"")
                .matcher(dashboard);
        assertThat(logo.find()).as("the header shows the logo").isTrue();
        HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.url(unescape(logo.group(1)))))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<String> html = upload("/t/page-logo/settings/logo", csrf,
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("HX-Redirect")).isEmpty();
        assertThat(html.body()).contains("id=\"logo-errors\"").contains("not a PNG or JPEG");
        assertThat(upload("/t/page-logo/settings/logo", null, LogoApiTestImages.png(64, 32)).statusCode())
                .as("without the token").isEqualTo(403);
    }

    private static HttpResponse<String> upload(String path, String csrf, byte[] file) throws Exception {
        String boundary = "----settings" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"logo.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(PLATFORM.url(path)))
                .header("Cookie", cookies).header("HX-Request", "true")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

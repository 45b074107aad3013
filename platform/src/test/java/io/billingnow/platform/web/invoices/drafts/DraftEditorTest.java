package io.billingnow.platform.web.invoices.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The draft editor over real HTTP with a real session: its live totals are what the API stores for the same lines,
 * decimals are read in the page's language, saving goes through the API's rules (version included), and only a role
 * that may write invoices, in its own business, gets anywhere.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DraftEditorTest {

    private static final TestPlatform PLATFORM = new TestPlatform(ConfigOverride.config("signIn.devLogin", "true"));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern MINOR = Pattern.compile(
            "<tr class=\"([a-z-]+)\"(?: data-rate=\"[^\"]*\")?><th scope=\"row\">[^<]*</th><td class=\"num\"(?: id=\"draft-total\")? data-minor=\"(-?\\d+)\">");

    private static TenantFixture acme;
    private static TenantFixture beta;
    private static Session owner;

    record Session(String cookies, String csrf) {
    }

    @BeforeAll
    static void signIn() throws Exception {
        acme = TenantFixture.create(PLATFORM, "acme-drafts", "EUR");
        beta = TenantFixture.create(PLATFORM, "beta-drafts", "EUR");
        owner = devLogin("owner@drafts.example");
    }

    // --- live totals are the API's own ---

    @Test
    void previewTotalsEqualWhatTheApiStoresForExclusiveEuroLinesWithSeveralRatesAndDiscounts() throws Exception {
        List<Map<String, Object>> lines = List.of(
                line("Consulting", "2.5", "12.50", 1250, "19", Map.of("type", "percent", "percent", 10)),
                line("Books", "3", "7.99", 799, "7", null),
                line("Travel", "0.333", "100.01", 10001, "19", null));
        assertPreviewAndSaveEqualTheApi("EUR", "exclusive", lines, Map.of("type", "amount", "amount", 500));
    }

    @Test
    void previewTotalsEqualWhatTheApiStoresForInclusivePrices() throws Exception {
        List<Map<String, Object>> lines = List.of(
                line("Consulting", "2.5", "12.50", 1250, "19", null),
                line("Books", "1.75", "9.99", 999, "7", Map.of("type", "amount", "amount", 100)));
        assertPreviewAndSaveEqualTheApi("EUR", "inclusive", lines, Map.of("type", "percent", "percent", 5));
    }

    @Test
    void previewTotalsEqualWhatTheApiStoresInYenWhichHasNoDecimals() throws Exception {
        List<Map<String, Object>> lines = List.of(
                line("Tea", "3", "1200", 1200, "10", null),
                line("Sweets", "1.5", "333", 333, "8", null));
        assertPreviewAndSaveEqualTheApi("JPY", "exclusive", lines, null);
    }

    @Test
    void previewTotalsEqualWhatTheApiStoresInBahrainiDinarsWithThreeDecimals() throws Exception {
        List<Map<String, Object>> lines = List.of(
                line("Dates", "2", "1.234", 1234, "5", null),
                line("Coffee", "0.75", "10.005", 10005, "10", null));
        assertPreviewAndSaveEqualTheApi("BHD", "exclusive", lines, null);
    }

    @Test
    void aGermanPageReadsTheDecimalCommaAndFormatsTheTotalsInGerman() throws Exception {
        Session german = new Session(owner.cookies() + "; bn_lang=de", owner.csrf());
        Map<String, String> form = form("EUR", "exclusive");
        form.put("lines_0_description", "Beratung");
        form.put("lines_0_quantity", "1,5");
        form.put("lines_0_unitAmount", "1.012,50");
        form.put("lines_0_taxRates_0_name", "USt.");
        form.put("lines_0_taxRates_0_category", "S");
        form.put("lines_0_taxRates_0_percent", "19");
        HttpResponse<String> preview = post("/t/acme-drafts/invoices/preview", form, german);

        assertThat(preview.statusCode()).isEqualTo(200);
        JsonNode api = apiDraft("EUR", "exclusive", List.of(line("Beratung", "1.5", "-", 101250, "19", null)), null);
        assertThat(amounts(preview.body())).containsEntry("total", api.get("total").asLong());
        // 1.5 × 1,012.50 = 1,518.75 net, 288.56 tax: German digits, the euro after the amount.
        assertThat(preview.body()).contains("1.518,75\u00a0€").contains("1.807,31\u00a0€");
    }

    @Test
    void anEnglishPageRefusesADecimalCommaInsteadOfReadingItAsGrouping() throws Exception {
        Map<String, String> form = form("EUR", "exclusive");
        form.put("lines_0_description", "Consulting");
        form.put("lines_0_quantity", "1");
        form.put("lines_0_unitAmount", "12,50");
        HttpResponse<String> preview = post("/t/acme-drafts/invoices/preview", form, owner);

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"draft-problems\"").contains("Line 1, Unit price: Enter a number")
                .doesNotContain("data-minor");
    }

    @Test
    void anAmountWithMoreDecimalsThanTheCurrencyHasIsRefusedNotRounded() throws Exception {
        Map<String, String> form = form("JPY", "exclusive");
        form.put("lines_0_description", "Tea");
        form.put("lines_0_quantity", "1");
        form.put("lines_0_unitAmount", "12.5");
        HttpResponse<String> preview = post("/t/acme-drafts/invoices/preview", form, owner);

        assertThat(preview.body()).contains("Line 1, Unit price: This currency has 0 decimal places.")
                .doesNotContain("data-minor");
    }

    @Test
    void aLineTheCalculatorRefusesShowsItsFieldErrorInTheTotalsInsteadOfFailing() throws Exception {
        Map<String, String> form = form("EUR", "exclusive");
        form.put("lines_0_description", "Fine");
        form.put("lines_0_quantity", "1");
        form.put("lines_0_unitAmount", "10");
        form.put("lines_1_description", "Exempt but taxed");
        form.put("lines_1_quantity", "1");
        form.put("lines_1_unitAmount", "10");
        form.put("lines_1_taxRates_0_name", "VAT");
        form.put("lines_1_taxRates_0_category", "E");
        form.put("lines_1_taxRates_0_percent", "19");
        HttpResponse<String> preview = post("/t/acme-drafts/invoices/preview", form, owner);

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Line 2, ").doesNotContain("data-minor");
    }

    // --- the form without JavaScript ---

    @Test
    void addAndRemoveLineButtonsRedrawTheFormKeepingWhatWasTypedAndSaveNothing() throws Exception {
        int draftsBefore = PLATFORM.getJson("/v1/invoices?status=draft&limit=200", acme.key(), 200).get("data").size();
        Map<String, String> form = form("EUR", "exclusive");
        form.put("lines_0_description", "First line");
        form.put("lines_0_quantity", "2");
        form.put("lines_0_unitAmount", "3.00");
        form.put("add_line", "1");
        HttpResponse<String> added = post("/t/acme-drafts/invoices/new", form, owner);

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("value=\"First line\"").contains("name=\"lines_1_description\"")
                .doesNotContain("name=\"lines_2_description\"");

        form.remove("add_line");
        form.put("lines_1_description", "Second line");
        form.put("lines_1_quantity", "1");
        form.put("lines_1_unitAmount", "1");
        form.put("remove_line", "0");
        HttpResponse<String> removed = post("/t/acme-drafts/invoices/new", form, owner);

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).contains("value=\"Second line\"").doesNotContain("First line")
                .doesNotContain("name=\"lines_1_description\"");
        assertThat(PLATFORM.getJson("/v1/invoices?status=draft&limit=200", acme.key(), 200).get("data").size())
                .isEqualTo(draftsBefore);
    }

    @Test
    void aRefusedSaveShowsTheFormAgainWithEveryTypedValueAndTheFieldError() throws Exception {
        Map<String, String> form = form("EUR", "exclusive");
        form.put("memo", "Keep this memo");
        form.put("lines_0_description", "Good line");
        form.put("lines_0_quantity", "2");
        form.put("lines_0_unitAmount", "3.00");
        form.put("lines_1_description", "");
        form.put("lines_1_quantity", "lots");
        form.put("lines_1_unitAmount", "4.00");
        HttpResponse<String> refused = post("/t/acme-drafts/invoices/new", form, owner);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Keep this memo").contains("value=\"Good line\"")
                .contains("value=\"lots\"").contains("value=\"4.00\"")
                .contains("id=\"lines_1_quantity-error\"").contains("aria-invalid=\"true\"");
    }

    @Test
    void aDescriptionWithAScriptTagRendersAsTextInTheEditorAndAfterSaving() throws Exception {
        Map<String, String> form = form("EUR", "exclusive");
        form.put("lines_0_description", "<script>alert(1)</script>");
        form.put("lines_0_quantity", "1");
        form.put("lines_0_unitAmount", "1.00");
        form.put("add_line", "1");
        HttpResponse<String> redrawn = post("/t/acme-drafts/invoices/new", form, owner);
        assertThat(redrawn.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");

        form.remove("add_line");
        String id = saved(post("/t/acme-drafts/invoices/new", form, owner));
        HttpResponse<String> edit = get("/t/acme-drafts/invoices/" + id + "/edit", owner);
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        assertThat(acme.invoice(id).get("lines").get(0).get("description").asText())
                .isEqualTo("<script>alert(1)</script>");
    }

    // --- saving through the API's rules ---

    @Test
    void editingADraftSavesItUnderItsVersionAndKeepsWhatTheFormDoesNotShow() throws Exception {
        String id = PLATFORM.postJson("/v1/invoices", acme.key(), Map.of("customerId", acme.customerId(),
                "currency", "EUR", "metadata", Map.of("order", "A-1"),
                "lines", List.of(Map.of("description", "Work", "quantity", "1", "unitAmount", 1000))), 201)
                .get("id").asText();
        HttpResponse<String> edit = get("/t/acme-drafts/invoices/" + id + "/edit", owner);
        assertThat(edit.body()).contains("name=\"version\" value=\"W/&quot;1&quot;\"").contains("value=\"10.00\"");

        Map<String, String> form = formOf(edit.body());
        form.put("lines_0_quantity", "3");
        HttpResponse<String> saved = post("/t/acme-drafts/invoices/" + id + "/edit", form, owner);

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow())
                .endsWith("/t/acme-drafts/invoices/" + id + "?notice=drafts_saved");
        JsonNode stored = acme.invoice(id);
        assertThat(stored.get("total").asLong()).isEqualTo(3000);
        assertThat(stored.get("version").asInt()).isEqualTo(2);
        assertThat(stored.get("metadata").get("order").asText()).isEqualTo("A-1");
    }

    @Test
    void aStaleVersionIsRefusedOnTheFormAndOverwritesNothing() throws Exception {
        String id = acme.draft(1000, "EUR");
        Map<String, String> form = formOf(get("/t/acme-drafts/invoices/" + id + "/edit", owner).body());
        TestPlatform.expect(PLATFORM.patch("/v1/invoices/" + id, acme.key(), "W/\"1\"",
                Map.of("memo", "Changed through the API")), 200);

        form.put("lines_0_description", "My edit, typed meanwhile");
        HttpResponse<String> refused = post("/t/acme-drafts/invoices/" + id + "/edit", form, owner);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("changed by someone else").contains("My edit, typed meanwhile");
        JsonNode stored = acme.invoice(id);
        assertThat(stored.get("memo").asText()).isEqualTo("Changed through the API");
        assertThat(stored.get("lines").get(0).get("description").asText()).isEqualTo("Work");
        assertThat(stored.get("version").asInt()).isEqualTo(2);
    }

    @Test
    void anIssuedInvoiceIsNotEditableAndItsEditorSendsToItsPage() throws Exception {
        String id = acme.openInvoice(1000, "EUR");
        HttpResponse<String> edit = get("/t/acme-drafts/invoices/" + id + "/edit", owner);
        assertThat(edit.statusCode()).isEqualTo(303);
        assertThat(edit.headers().firstValue("Location").orElseThrow())
                .endsWith("/t/acme-drafts/invoices/" + id + "?notice=drafts_not_editable");

        Map<String, String> form = form("EUR", "exclusive");
        form.put("version", "W/\"2\"");
        form.put("lines_0_description", "Rewrite history");
        form.put("lines_0_quantity", "1");
        form.put("lines_0_unitAmount", "1");
        HttpResponse<String> refused = post("/t/acme-drafts/invoices/" + id + "/edit", form, owner);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(acme.invoice(id).get("lines").get(0).get("description").asText()).isEqualTo("Work");
    }

    // --- who may ---

    @Test
    void aViewerCannotOpenTheEditorPreviewCreateOrSaveAndNothingChanges() throws Exception {
        Session viewer = member("viewer@drafts.example", "viewer");
        String id = acme.draft(1000, "EUR");
        Map<String, String> form = form("EUR", "exclusive");
        form.put("version", "W/\"1\"");
        form.put("lines_0_description", "Viewer's line");
        form.put("lines_0_quantity", "1");
        form.put("lines_0_unitAmount", "5");
        int draftsBefore = PLATFORM.getJson("/v1/invoices?status=draft&limit=200", acme.key(), 200).get("data").size();

        assertThat(get("/t/acme-drafts/invoices/new", viewer).statusCode()).isEqualTo(403);
        assertThat(get("/t/acme-drafts/invoices/" + id + "/edit", viewer).statusCode()).isEqualTo(403);
        assertThat(post("/t/acme-drafts/invoices/preview", form, viewer).statusCode()).isEqualTo(403);
        assertThat(post("/t/acme-drafts/invoices/new", form, viewer).statusCode()).isEqualTo(403);
        assertThat(post("/t/acme-drafts/invoices/" + id + "/edit", form, viewer).statusCode()).isEqualTo(403);

        assertThat(PLATFORM.getJson("/v1/invoices?status=draft&limit=200", acme.key(), 200).get("data").size())
                .isEqualTo(draftsBefore);
        assertThat(acme.invoice(id).get("version").asInt()).isEqualTo(1);
        assertThat(get("/t/acme-drafts/", viewer).body()).doesNotContain("invoices/new");
        assertThat(get("/t/acme-drafts/", owner).body()).contains("/t/acme-drafts/invoices/new");
    }

    @Test
    void anotherBusinessesDraftAnswersNotFoundThroughThisBusinessAndLeaksNothing() throws Exception {
        String theirs = PLATFORM.postJson("/v1/invoices", beta.key(), Map.of("customerId", beta.customerId(),
                "currency", "EUR", "lines", List.of(Map.of("description", "Beta secret work", "quantity", "1",
                        "unitAmount", 4242))), 201).get("id").asText();

        HttpResponse<String> edit = get("/t/acme-drafts/invoices/" + theirs + "/edit", owner);
        assertThat(edit.statusCode()).isEqualTo(404);
        assertThat(edit.body()).doesNotContain("Beta secret work").doesNotContain("42.42");

        Map<String, String> form = form("EUR", "exclusive");
        form.put("version", "W/\"1\"");
        form.put("lines_0_description", "Overwritten from acme");
        form.put("lines_0_quantity", "1");
        form.put("lines_0_unitAmount", "1");
        HttpResponse<String> save = post("/t/acme-drafts/invoices/" + theirs + "/edit", form, owner);
        assertThat(save.statusCode()).isEqualTo(404);
        assertThat(save.body()).doesNotContain("Beta secret work");

        // A customer of the other business cannot be put on this business's draft either.
        form.remove("version");
        form.put("customerId", beta.customerId());
        HttpResponse<String> create = post("/t/acme-drafts/invoices/new", form, owner);
        assertThat(create.statusCode()).isEqualTo(422);
        assertThat(create.body()).doesNotContain("Customer of beta-drafts");

        JsonNode stored = beta.invoice(theirs);
        assertThat(stored.get("lines").get(0).get("description").asText()).isEqualTo("Beta secret work");
        assertThat(stored.get("version").asInt()).isEqualTo(1);
    }

    // --- helpers ---

    private static void assertPreviewAndSaveEqualTheApi(String currency, String behaviour,
                                                        List<Map<String, Object>> lines,
                                                        Map<String, Object> discount) throws Exception {
        Map<String, String> form = form(currency, behaviour);
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> line = lines.get(i);
            form.put("lines_" + i + "_description", (String) line.get("description"));
            form.put("lines_" + i + "_quantity", (String) line.get("quantity"));
            form.put("lines_" + i + "_unitAmount", (String) line.get("typed"));
            form.put("lines_" + i + "_taxRates_0_name", "VAT");
            form.put("lines_" + i + "_taxRates_0_category", "S");
            form.put("lines_" + i + "_taxRates_0_percent", (String) line.get("percent"));
            typedDiscount(form, "lines_" + i + "_", (Map<?, ?>) line.get("discount"), currency);
        }
        typedDiscount(form, "", discount, currency);
        JsonNode api = apiDraft(currency, behaviour, lines, discount);

        HttpResponse<String> preview = post("/t/acme-drafts/invoices/preview", form, owner);
        assertThat(preview.statusCode()).isEqualTo(200);
        Map<String, Long> shown = amounts(preview.body());
        assertThat(shown).containsEntry("subtotal", api.get("subtotal").asLong())
                .containsEntry("net", api.get("netTotal").asLong())
                .containsEntry("tax-total", api.get("taxTotal").asLong())
                .containsEntry("total", api.get("total").asLong());
        assertThat(taxes(preview.body())).containsExactlyElementsOf(
                api.get("taxBreakdown").findValuesAsText("taxAmount").stream().map(Long::valueOf).toList());
        assertThat(api.get("taxBreakdown").size()).isEqualTo(lines.stream().map(l -> l.get("percent")).distinct().count());

        String id = saved(post("/t/acme-drafts/invoices/new", form, owner));
        JsonNode stored = acme.invoice(id);
        for (String field : List.of("subtotal", "discountTotal", "netTotal", "taxTotal", "total", "taxBreakdown",
                "currency", "taxBehavior", "discount")) {
            assertThat(stored.get(field)).as(field).isEqualTo(api.get(field));
        }
        for (int i = 0; i < lines.size(); i++) {
            for (String field : List.of("quantity", "unitAmount", "amount", "discountAmount", "netAmount")) {
                assertThat(stored.get("lines").get(i).get(field).decimalValue())
                        .as("line " + i + " " + field)
                        .isEqualByComparingTo(api.get("lines").get(i).get(field).decimalValue());
            }
        }
    }

    private static void typedDiscount(Map<String, String> form, String prefix, Map<?, ?> discount, String currency) {
        if (discount == null) {
            return;
        }
        form.put(prefix + "discount_type", (String) discount.get("type"));
        Object value = discount.get("type").equals("percent") ? discount.get("percent")
                : io.billingnow.platform.billing.money.Money.ofMinor(((Number) discount.get("amount")).longValue(),
                        io.billingnow.platform.billing.money.CurrencyUnit.of(currency)).toDecimalString();
        form.put(prefix + "discount_value", value.toString());
    }

    /** A line for both sides: what the person types ({@code typed}) and the API's minor units. */
    private static Map<String, Object> line(String description, String quantity, String typed, long unitAmount,
                                            String percent, Map<String, Object> discount) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("description", description);
        line.put("quantity", quantity);
        line.put("typed", typed);
        line.put("unitAmount", unitAmount);
        line.put("percent", percent);
        line.put("discount", discount);
        return line;
    }

    private static JsonNode apiDraft(String currency, String behaviour, List<Map<String, Object>> lines,
                                     Map<String, Object> discount) {
        List<Map<String, Object>> apiLines = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            Map<String, Object> api = new LinkedHashMap<>();
            api.put("description", line.get("description"));
            api.put("quantity", line.get("quantity"));
            api.put("unitAmount", line.get("unitAmount"));
            api.put("taxRates", List.of(Map.of("name", "VAT", "category", "S", "percent", line.get("percent"))));
            if (line.get("discount") != null) {
                api.put("discount", line.get("discount"));
            }
            apiLines.add(api);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", acme.customerId());
        body.put("currency", currency);
        body.put("taxBehavior", behaviour);
        body.put("lines", apiLines);
        if (discount != null) {
            body.put("discount", discount);
        }
        return PLATFORM.postJson("/v1/invoices", acme.key(), body, 201);
    }

    private static Map<String, String> form(String currency, String behaviour) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("customerId", acme.customerId());
        form.put("currency", currency);
        form.put("taxBehavior", behaviour);
        form.put("issueDate", "");
        form.put("dueDate", "");
        form.put("memo", "");
        form.put("discount_type", "none");
        form.put("discount_value", "");
        return form;
    }

    /** Every field of a rendered form with its value (inputs, the chosen options, text areas). */
    private static Map<String, String> formOf(String html) {
        Map<String, String> form = new LinkedHashMap<>();
        Matcher inputs = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(html);
        while (inputs.find()) {
            form.put(inputs.group(1), unescape(inputs.group(2)));
        }
        Matcher selects = Pattern.compile("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(html);
        while (selects.find()) {
            Matcher chosen = Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(selects.group(2));
            if (chosen.find()) {
                form.put(selects.group(1), unescape(chosen.group(1)));
            }
        }
        Matcher memo = Pattern.compile("<textarea[^>]*name=\"memo\"[^>]*>([^<]*)</textarea>").matcher(html);
        if (memo.find()) {
            form.put("memo", unescape(memo.group(1)));
        }
        form.remove("_csrf");
        return form;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** The totals box's amounts in minor units by row kind. */
    private static Map<String, Long> amounts(String html) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        Matcher m = MINOR.matcher(html);
        while (m.find()) {
            if (!m.group(1).equals("tax")) {
                amounts.put(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        return amounts;
    }

    private static List<Long> taxes(String html) {
        List<Long> taxes = new ArrayList<>();
        Matcher m = MINOR.matcher(html);
        while (m.find()) {
            if (m.group(1).equals("tax")) {
                taxes.add(Long.parseLong(m.group(2)));
            }
        }
        return taxes;
    }

    private static String saved(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        Matcher m = Pattern.compile("/t/acme-drafts/invoices/([0-9a-f-]{36})\\?notice=drafts_created$")
                .matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> get(String path, Session session) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.url(path))).header("Accept", "text/html")
                .header("Cookie", session.cookies()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Map<String, String> form, Session session)
            throws Exception {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", session.csrf());
        String body = withToken.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.url(path))).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session.cookies())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Session devLogin(String email) throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.url("/auth/dev/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email,
                                StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(303);
        String cookies = login.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.joining("; "));
        HttpResponse<String> page = get("/t/acme-drafts/", new Session(cookies, null));
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();
        return new Session(cookies, csrf.group(1));
    }

    /** A person whose role in acme is {@code role}: signed in once (owner), demoted by the API, signed in again. */
    private static Session member(String email, String role) throws Exception {
        devLogin(email);
        String userId = null;
        for (JsonNode member : PLATFORM.getJson("/v1/members", acme.key(), 200).get("data")) {
            if (member.get("email").asText().equals(email)) {
                userId = member.get("userId").asText();
            }
        }
        assertThat(userId).isNotNull();
        TestPlatform.expect(PLATFORM.patch("/v1/members/" + userId, acme.key(), null, Map.of("role", role)), 200);
        return devLogin(email);
    }
}

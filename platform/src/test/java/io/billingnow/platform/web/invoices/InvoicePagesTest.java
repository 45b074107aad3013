package io.billingnow.platform.web.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.providers.plugins.TestPlugins;
import io.billingnow.platform.testing.ExampleBankTransfer;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.web.PageClient;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The invoices pages over real HTTP: the list's filters and paging are the API's, the invoice page shows the
 * server's stored amounts, every action is the API's service call under the API's permission (a viewer is refused,
 * an accountant may), a refusal comes back on the page, names are escaped, and another business's invoices cannot be
 * read or acted on through any page or form.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InvoicePagesTest {

    private static final TestPlatform PLATFORM = new TestPlatform(ConfigOverride.config("signIn.devLogin", "true"),
            ConfigOverride.config("plugins.directory", TestPlugins.folder().toString()));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    private static final String BASE = "/t/acme-inv/invoices/";

    private static TenantFixture acme;
    private static TenantFixture other;
    private static String accountId;
    private static PageClient owner;
    private static PageClient viewer;
    private static PageClient accountant;

    @BeforeAll
    static void aBusinessWithAPaymentProviderItsPeopleAndABusinessTheyDoNotBelongTo() {
        acme = TenantFixture.create(PLATFORM, "acme-inv", "EUR").enableProvider(ExampleBankTransfer.PROVIDER, true);
        accountId = PLATFORM.postJson("/v1/provider-accounts", acme.key(),
                ExampleBankTransfer.account(ExampleBankTransfer.newSecret()), 201).get("id").asText();
        owner = PageClient.signIn(PLATFORM, "owner@inv.example");
        viewer = PageClient.withRole(PLATFORM, acme, "viewer@inv.example", "viewer");
        accountant = PageClient.withRole(PLATFORM, acme, "accountant@inv.example", "accountant");
        other = TenantFixture.create(PLATFORM, "other-inv", "EUR");
    }

    /** A draft of two units at 10.00 EUR with 19 % VAT: net 20.00, tax 3.80, total 23.80. */
    private static String taxedDraft(TenantFixture business) {
        return PLATFORM.postJson("/v1/invoices", business.key(), Map.of("customerId", business.customerId(),
                "currency", "EUR", "lines", List.of(Map.of("description", "Consulting", "quantity", "2",
                        "unitAmount", 1000, "taxRates", List.of(Map.of("name", "VAT", "category", "S",
                                "percent", 19))))), 201).get("id").asText();
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static void redirectsBackWith(HttpResponse<String> response, String invoice, String notice) {
        assertThat(PageClient.location(response)).isEqualTo(BASE + invoice + "?notice=" + notice);
    }

    private static String unescape(String html) {
        return html.replace("&#61;", "=").replace("&amp;", "&");
    }

    @Test
    void theInvoicePageShowsTheServersStoredAmountsPartiesAndTheDraftsActions() {
        String draft = taxedDraft(acme);
        HttpResponse<String> page = owner.get(BASE + draft);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Consulting").contains("<td class=\"num\">€10.00</td>")
                .contains("id=\"total\">€23.80<").contains("id=\"amount-due\">€23.80<")
                .contains("VAT 19% (on €20.00)").contains("Customer of acme-inv")
                .contains("id=\"finalize\"").contains("href=\"/t/acme-inv/invoices/" + draft + "/edit\"")
                .doesNotContain("id=\"record-payment\"").doesNotContain("id=\"void\"");
        JsonNode stored = acme.invoice(draft);
        assertThat(stored.get("total").asLong()).isEqualTo(2380);
        assertThat(stored.get("amountDue").asLong()).isEqualTo(2380);
        // No documents yet: no PDF, no email (issue #14: absent, not fake).
        assertThat(page.body().toLowerCase()).doesNotContain("pdf").doesNotContain("send by email");
    }

    @Test
    void theInvoicePagesSpeakGermanWithGermanMoney() {
        String draft = taxedDraft(acme);
        PageClient german = PageClient.signIn(PLATFORM, "deutsch@inv.example");
        String page = german.get(BASE + draft, "text/html", "de").body();
        assertThat(page).contains("<html lang=\"de\"").contains("Abschließen").contains("Positionen")
                .contains("id=\"total\">23,80\u00a0€<");
        assertThat(german.get("/t/acme-inv/invoices", "text/html", "de").body()).contains("Neue Rechnung")
                .contains("Jeder Status");
        assertThat(german.get("/t/acme-inv/customers", "text/html", "de").body()).contains("Neuer Kunde");
    }

    @Test
    void aPaymentFormSubmittedTwiceRecordsOnePaymentAndTheSecondGetsTheFirstsAnswer() {
        String invoice = taxedDraft(acme);
        redirectsBackWith(owner.post(BASE + invoice + "/finalize", Map.of()), invoice, "invoice_finalized");
        String page = owner.get(BASE + invoice).body();
        String once = page.replaceAll("(?s).*action=\"[^\"]*/payments\".*?name=\"_once\" value=\"([^\"]+)\".*", "$1");
        assertThat(once).as("the payment form's one-time key").matches("[0-9a-f-]{36}");

        Map<String, String> fields = form("amount", "5.00", "method", "cash", "reference", "Double click");
        Map<String, String> submitted = new java.util.LinkedHashMap<>(fields);
        submitted.put("_once", once);
        HttpResponse<String> first = owner.post(BASE + invoice + "/payments", submitted);
        HttpResponse<String> second = owner.post(BASE + invoice + "/payments", submitted);

        assertThat(PageClient.location(second)).isEqualTo(PageClient.location(first));
        assertThat(second.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(acme.payments(invoice)).hasSize(1);
        // A new drawing of the page is a new form: the same payment typed again is recorded again, as asked.
        Map<String, String> again = new java.util.LinkedHashMap<>(fields);
        again.put("_once", java.util.UUID.randomUUID().toString());
        PageClient.location(owner.post(BASE + invoice + "/payments", again));
        assertThat(acme.payments(invoice)).hasSize(2);
        assertThat(owner.get(BASE + invoice).body()).contains("name=\"_once\"").doesNotContain("value=\"" + once + "\"");
    }

    @Test
    void anOwnerFinalizesRecordsAPaymentAndIssuesACreditNoteThroughTheForms() {
        String invoice = taxedDraft(acme);
        redirectsBackWith(owner.post(BASE + invoice + "/finalize", Map.of()), invoice, "invoice_finalized");
        JsonNode open = acme.invoice(invoice);
        assertThat(open.get("status").asText()).isEqualTo("open");
        assertThat(owner.get(BASE + invoice + "?notice=invoice_finalized").body()).contains("Invoice finalized.")
                .contains(open.get("number").asText()).contains("id=\"amount-due\">€23.80<");

        redirectsBackWith(owner.post(BASE + invoice + "/payments", form("amount", "12,34", "method", "cash",
                "reference", "Till 7")), invoice, "payment_recorded");
        JsonNode payments = acme.payments(invoice);
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).get("amount").asLong()).isEqualTo(1234);
        assertThat(payments.get(0).get("method").asText()).isEqualTo("cash");
        assertThat(payments.get(0).get("reference").asText()).isEqualTo("Till 7");
        assertThat(acme.invoice(invoice).get("amountDue").asLong()).isEqualTo(2380 - 1234);

        redirectsBackWith(owner.post(BASE + invoice + "/credit-notes", form("scope", "whole", "reason",
                "Goodwill", "remainder", "customer_credit")), invoice, "credit_note_issued");
        JsonNode notes = PLATFORM.getJson("/v1/invoices/" + invoice + "/credit-notes", acme.key(), 200).get("data");
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get("total").asLong()).isEqualTo(2380);
        assertThat(notes.get(0).get("reason").asText()).isEqualTo("Goodwill");
        JsonNode after = acme.invoice(invoice);
        assertThat(after.get("status").asText()).isEqualTo("paid");
        assertThat(after.get("amountDue").asLong()).isZero();
        String page = owner.get(BASE + invoice).body();
        assertThat(page).contains(notes.get(0).get("number").asText()).contains("Till 7").contains("€12.34")
                .doesNotContain("id=\"issue-credit-note\"").doesNotContain("id=\"record-payment\"");
    }

    @Test
    void aRefusedActionComesBackOnTheInvoicePageWithTheApisWordsAndChangesNothing() {
        String invoice = acme.openInvoice(1000);
        HttpResponse<String> tooPrecise = owner.post(BASE + invoice + "/payments", form("amount", "1.234",
                "method", "cash", "reference", "kept"));
        assertThat(tooPrecise.statusCode()).isEqualTo(422);
        assertThat(tooPrecise.body()).contains("<details class=\"card action-form\" id=\"payment-form\" open>")
                .contains("value=\"1.234\"").contains("value=\"kept\"").contains("at most 2 decimals");
        HttpResponse<String> missing = owner.post(BASE + invoice + "/payments", form("method", "cash"));
        assertThat(missing.statusCode()).isEqualTo(422);
        HttpResponse<String> noLines = owner.post(BASE + invoice + "/credit-notes", form("scope", "lines"));
        assertThat(noLines.statusCode()).isEqualTo(422);
        assertThat(noLines.body()).contains("choose at least one line");
        assertThat(acme.payments(invoice)).isEmpty();
        assertThat(PLATFORM.getJson("/v1/invoices/" + invoice + "/credit-notes", acme.key(), 200).get("data"))
                .isEmpty();

        // The page offers no finalize for an open invoice; the server refuses it anyway, as the API does (409).
        HttpResponse<String> again = owner.post(BASE + invoice + "/finalize", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"action-error\"");

        // A paid-in-part invoice cannot be voided: 409, shown on the page.
        TestPlatform.expect(acme.pay(invoice, Map.of("amount", 100, "currency", "EUR", "method", "cash")), 201);
        HttpResponse<String> voided = owner.post(BASE + invoice + "/void", Map.of());
        assertThat(voided.statusCode()).isEqualTo(409);
        assertThat(voided.body()).contains("credit note");
        assertThat(acme.invoice(invoice).get("status").asText()).isEqualTo("open");
    }

    @Test
    void voidAndMarkUncollectibleAreTheApisAndACreditNoteCanNameLines() {
        String toVoid = acme.openInvoice(500);
        redirectsBackWith(owner.post(BASE + toVoid + "/void", Map.of()), toVoid, "invoice_voided");
        assertThat(acme.invoice(toVoid).get("status").asText()).isEqualTo("void");

        String uncollectible = taxedDraft(acme);
        PLATFORM.postJson("/v1/invoices/" + uncollectible + "/finalize", acme.key(), Map.of(), 200);
        redirectsBackWith(owner.post(BASE + uncollectible + "/mark-uncollectible", Map.of()), uncollectible,
                "invoice_uncollectible");
        assertThat(acme.invoice(uncollectible).get("status").asText()).isEqualTo("uncollectible");

        redirectsBackWith(owner.post(BASE + uncollectible + "/credit-notes", form("scope", "lines", "line", "1",
                "remainder", "refund")), uncollectible, "credit_note_issued");
        JsonNode note = PLATFORM.getJson("/v1/invoices/" + uncollectible + "/credit-notes", acme.key(), 200)
                .get("data").get(0);
        assertThat(note.get("lines")).hasSize(1);
        assertThat(note.get("lines").get(0).get("description").asText()).isEqualTo("Consulting");
        assertThat(note.get("total").asLong()).isEqualTo(2380);
    }

    @Test
    void aPaymentLinkIsShownOnceToCopyNeverCachedAndThenListedWithoutItsUrl() {
        String invoice = acme.openInvoice(4200);
        HttpResponse<String> created = owner.post(BASE + invoice + "/payment-links", form("providerAccountId",
                accountId, "expiresInDays", "3"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        String url = unescape(created.body()).replaceAll("(?s).*id=\"payment-link-url\" readonly value=\"([^\"]+)\".*",
                "$1");
        assertThat(url).matches("http.*/pay/pl_[A-Za-z0-9_-]{43}");
        assertThat(created.body()).contains("data-copy=\"payment-link-url\"");

        String later = unescape(owner.get(BASE + invoice).body());
        assertThat(later).doesNotContain(url).contains("<td>Active</td>");
        assertThat(PLATFORM.get(url.substring(url.indexOf("/pay/")), null).getStatus()).isEqualTo(200);

        HttpResponse<String> noAccount = owner.post(BASE + invoice + "/payment-links", Map.of());
        assertThat(noAccount.statusCode()).isEqualTo(422);
        assertThat(noAccount.body()).contains("<details class=\"card action-form\" id=\"link-form\" open>");
    }

    @Test
    void ourScriptIsAVersionedImmutableFileAndThePagesHaveNoInlineScript() {
        String page = owner.get(BASE + acme.openInvoice(100)).body();
        String script = page.replaceAll("(?s).*<script src=\"(/assets/web/app-[0-9a-f]{12}\\.js)\" defer>.*", "$1");
        // Fetched as a browser without cookies does (with any cookie, SecurityHeadersFilter makes every answer no-store).
        jakarta.ws.rs.core.Response served = PLATFORM.get(script, null);
        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(served.getHeaderString("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(served.readEntity(String.class)).contains("data-copy");
        assertThat(PLATFORM.get("/assets/web/app-000000000000.js", null).getStatus()).isEqualTo(404);
        assertThat(page.replaceAll("<script src=\"[^\"]+\" defer></script>", "")).doesNotContain("<script")
                .doesNotContain(" on" + "click=").doesNotContain("style=");
    }

    @Test
    void aViewerSeesNoActionAndTheServerRefusesEveryActionWhileAnAccountantMayAct() {
        String draft = taxedDraft(acme);
        String open = acme.openInvoice(700);
        HttpResponse<String> list = viewer.get("/t/acme-inv/invoices");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("id=\"new-invoice\"").doesNotContain("class=\"edit-draft\"");
        for (String invoice : List.of(draft, open)) {
            String page = viewer.get(BASE + invoice).body();
            assertThat(page).doesNotContain("id=\"finalize\"").doesNotContain("id=\"void\"")
                    .doesNotContain("id=\"mark-uncollectible\"").doesNotContain("id=\"record-payment\"")
                    .doesNotContain("id=\"issue-credit-note\"").doesNotContain("id=\"create-link\"")
                    .doesNotContain("id=\"edit-draft\"");
        }
        Map<String, Map<String, String>> actions = Map.of(
                "finalize", Map.of(), "void", Map.of(), "mark-uncollectible", Map.of(),
                "payments", form("amount", "1.00", "method", "cash"),
                "credit-notes", form("scope", "whole"),
                "payment-links", form("providerAccountId", accountId));
        for (Map.Entry<String, Map<String, String>> action : actions.entrySet()) {
            for (String invoice : List.of(draft, open)) {
                assertThat(viewer.post(BASE + invoice + "/" + action.getKey(), action.getValue()).statusCode())
                        .as(action.getKey()).isEqualTo(403);
            }
        }
        assertThat(acme.invoice(draft).get("status").asText()).isEqualTo("draft");
        assertThat(acme.invoice(open).get("status").asText()).isEqualTo("open");
        assertThat(acme.payments(open)).isEmpty();

        assertThat(accountant.get(BASE + draft).body()).contains("id=\"finalize\"");
        redirectsBackWith(accountant.post(BASE + draft + "/finalize", Map.of()), draft, "invoice_finalized");
        redirectsBackWith(accountant.post(BASE + open + "/payments", form("amount", "7", "method", "bank_transfer")),
                open, "payment_recorded");
        assertThat(acme.invoice(open).get("status").asText()).isEqualTo("paid");
    }

    @Test
    void aCustomerNamedScriptRendersAsTextInTheListAndOnTheInvoice() {
        String customer = PLATFORM.postJson("/v1/customers", acme.key(), Map.of("name", "<script>alert(2)</script>"),
                201).get("id").asText();
        String draft = PLATFORM.postJson("/v1/invoices", acme.key(), Map.of("customerId", customer,
                "lines", List.of(Map.of("description", "<img src=x onerror=alert(3)>", "quantity", "1",
                        "unitAmount", 100))), 201).get("id").asText();
        String finalized = PLATFORM.postJson("/v1/invoices", acme.key(), Map.of("customerId", customer,
                "lines", List.of(Map.of("description", "Plain", "quantity", "1", "unitAmount", 100))), 201)
                .get("id").asText();
        PLATFORM.postJson("/v1/invoices/" + finalized + "/finalize", acme.key(), Map.of(), 200);
        for (String path : List.of("/t/acme-inv/invoices?customer=" + customer, BASE + draft, BASE + finalized)) {
            String body = viewer.get(path).body();
            assertThat(body).as(path).contains("&lt;script&gt;alert(2)&lt;/script&gt;")
                    .doesNotContain("<script>alert(2)").doesNotContain("<img src=x");
        }
        assertThat(viewer.get(BASE + draft).body()).contains("&lt;img src&#61;x onerror&#61;alert(3)&gt;");
    }

    @Test
    void anotherBusinessesInvoiceCannotBeReadOrActedOnThroughAnyPageOrForm() {
        String theirs = other.openInvoice(9876);
        String theirNumber = other.invoice(theirs).get("number").asText();
        HttpResponse<String> read = owner.get(BASE + theirs);
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(read.body()).doesNotContain(theirNumber).doesNotContain("98.76");
        Map<String, Map<String, String>> actions = Map.of(
                "finalize", Map.of(), "void", Map.of(), "mark-uncollectible", Map.of(),
                "payments", form("amount", "1.00", "method", "cash"),
                "credit-notes", form("scope", "whole"),
                "payment-links", form("providerAccountId", accountId));
        for (Map.Entry<String, Map<String, String>> action : actions.entrySet()) {
            HttpResponse<String> refused = owner.post(BASE + theirs + "/" + action.getKey(), action.getValue());
            assertThat(refused.statusCode()).as(action.getKey()).isEqualTo(404);
            assertThat(refused.body()).doesNotContain(theirNumber);
            assertThat(owner.post("/t/other-inv/invoices/" + theirs + "/" + action.getKey(), action.getValue())
                    .statusCode()).as(action.getKey()).isEqualTo(403);
        }
        assertThat(owner.get("/t/other-inv/invoices/" + theirs).statusCode()).isEqualTo(403);
        assertThat(owner.get("/t/other-inv/invoices").statusCode()).isEqualTo(403);
        JsonNode after = other.invoice(theirs);
        assertThat(after.get("status").asText()).isEqualTo("open");
        assertThat(after.get("amountDue").asLong()).isEqualTo(9876);
        assertThat(other.payments(theirs)).isEmpty();
        assertThat(owner.get("/t/acme-inv/invoices?number=" + theirNumber).body()).doesNotContain(theirs);
    }

    @Test
    void theListFiltersByStatusCustomerAndNumberAndPagesWithTheApisCursor() {
        TenantFixture many = TenantFixture.create(PLATFORM, "many-inv", "EUR");
        String open = many.openInvoice(300);
        String openNumber = many.invoice(open).get("number").asText();
        for (int i = 0; i <= InvoicePagesResource.PAGE_SIZE; i++) {
            many.draft(100 + i, "EUR");
        }
        PageClient person = PageClient.signIn(PLATFORM, "lister@inv.example");
        String drafts = person.get("/t/many-inv/invoices?status=draft").body();
        assertThat(drafts).doesNotContain(open).contains("class=\"edit-draft\"").contains("id=\"next-page\"");
        String next = unescape(drafts).replaceAll("(?s).*id=\"next-page\" href=\"([^\"]+)\".*", "$1");
        assertThat(next).contains("status=draft").contains("cursor=");
        String second = person.get(next).body();
        assertThat(second).contains("€1.25").doesNotContain("id=\"next-page\"").doesNotContain(open);

        String byStatus = person.get("/t/many-inv/invoices?status=open").body();
        assertThat(byStatus).contains("href=\"/t/many-inv/invoices/" + open + "\">" + openNumber + "<")
                .doesNotContain("class=\"edit-draft\"");
        assertThat(person.get("/t/many-inv/invoices?number=" + openNumber).body()).contains(open);
        String byCustomer = person.get("/t/many-inv/invoices?customer=" + many.customerId() + "&status=open").body();
        assertThat(byCustomer).contains(open).contains("selected>Customer of many-inv");
        assertThat(person.get("/t/many-inv/invoices?createdFrom=2999-01-01").body()).contains("id=\"invoices-empty\"")
                .doesNotContain(open);
        assertThat(person.get("/t/many-inv/invoices?status=nonsense").statusCode()).isEqualTo(400);
    }
}

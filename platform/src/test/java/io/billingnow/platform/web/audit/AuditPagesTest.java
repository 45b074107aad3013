package io.billingnow.platform.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.web.WebClient;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit page over real HTTP: who may read it (docs/permissions.md: owners, admins, accountants), one business's
 * events only, the API's filter and cursor paging, escaping of what tenants wrote, and the chain verification — the
 * same walk the CLI and the operators' API run — intact, and broken by a superuser's edit.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuditPagesTest {

    private static final TestPlatform PLATFORM = new TestPlatform(ConfigOverride.config("signIn.devLogin", "true"));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    /** docs/permissions.md, audit_read. */
    private static final Set<Role> MAY_READ_AUDIT = EnumSet.of(Role.OWNER, Role.ADMIN, Role.ACCOUNTANT);
    private static final Pattern ROW = Pattern.compile("<tr data-seq=\"(\\d+)\">");
    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" id=\"audit-next\"");

    private static final WebClient WEB = new WebClient(PLATFORM);
    private static final Map<Role, String> SESSIONS = new EnumMap<>(Role.class);
    private static TenantFixture acme;
    private static TenantFixture other;
    private static String otherCustomer;

    @BeforeAll
    static void twoBusinessesWithEventsAndOneMemberPerRole() {
        other = TenantFixture.create(PLATFORM, "audit-other", "EUR");
        otherCustomer = PLATFORM.postJson("/v1/customers", other.key(), Map.of("name", "Only-In-Other GmbH"), 201)
                .get("id").asText();
        acme = TenantFixture.create(PLATFORM, "audit-web", "EUR");
        for (int i = 0; i < 55; i++) {
            PLATFORM.postJson("/v1/customers", acme.key(), Map.of("name", "Customer " + i), 201);
        }
        for (Role role : Role.values()) {
            SESSIONS.put(role, WEB.member(role.wireName() + "@audit.example", role, acme.key()));
        }
    }

    @Test
    void onlyOwnersAdminsAndAccountantsReadTheAuditLogAndVerifyItsChain() {
        for (Role role : Role.values()) {
            int expected = MAY_READ_AUDIT.contains(role) ? 200 : 403;
            assertThat(WEB.get("/t/audit-web/audit", SESSIONS.get(role)).statusCode()).as(role + " reads")
                    .isEqualTo(expected);
            assertThat(WEB.get("/t/audit-web/audit/verify", SESSIONS.get(role)).statusCode()).as(role + " verifies")
                    .isEqualTo(expected);
        }
    }

    @Test
    void everyPageOfTheLogShowsThisBusinessesEventsInChainOrderAndNeverTheOtherOnes() {
        String accountant = SESSIONS.get(Role.ACCOUNTANT);
        List<Long> seqs = new ArrayList<>();
        String path = "/t/audit-web/audit";
        int pages = 0;
        while (path != null) {
            HttpResponse<String> page = WEB.get(path, accountant);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("Only-In-Other").doesNotContain(otherCustomer)
                    .doesNotContain(other.tenant().id().toString());
            Matcher rows = ROW.matcher(page.body());
            while (rows.find()) {
                seqs.add(Long.parseLong(rows.group(1)));
            }
            Matcher next = NEXT.matcher(page.body());
            // The link as a browser reads it: mustache.java escapes "=" too.
            path = next.find() ? next.group(1).replace("&#61;", "=").replace("&amp;", "&") : null;
            pages++;
            assertThat(pages).as("pages end").isLessThan(10);
        }
        assertThat(pages).isGreaterThan(1);
        long total = PLATFORM.getJson("/v1/audit-events?limit=200", acme.key(), 200).get("data").size();
        assertThat(seqs).hasSize((int) total);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i + 1L);
        }
    }

    @Test
    void theEntityFilterShowsOneEntitysEventsAndHalfAFilterIsShownAsAnError() {
        String customer = PLATFORM.postJson("/v1/customers", acme.key(), Map.of("name", "Filtered AG"), 201)
                .get("id").asText();
        PLATFORM.patch("/v1/customers/" + customer, acme.key(), null, Map.of("name", "Filtered AG & Co"));
        HttpResponse<String> filtered = WEB.get("/t/audit-web/audit?entityType=customer&entityId=" + customer,
                SESSIONS.get(Role.OWNER));
        assertThat(filtered.statusCode()).isEqualTo(200);
        Matcher rows = ROW.matcher(filtered.body());
        int count = 0;
        while (rows.find()) {
            count++;
        }
        assertThat(count).isEqualTo(PLATFORM.getJson("/v1/audit-events?entityType=customer&entityId=" + customer,
                acme.key(), 200).get("data").size()).isGreaterThanOrEqualTo(1);
        assertThat(filtered.body()).contains("Filtered AG").doesNotContain("Customer 7");

        HttpResponse<String> half = WEB.get("/t/audit-web/audit?entityType=customer&entityId=",
                SESSIONS.get(Role.OWNER));
        assertThat(half.statusCode()).isEqualTo(422);
        assertThat(half.body()).contains("id=\"audit-error\">required together with entityType");
        assertThat(WEB.get("/t/audit-web/audit?cursor=minus-one", SESSIONS.get(Role.OWNER)).statusCode())
                .isEqualTo(422);
    }

    @Test
    void whatATenantWroteRendersAsTextInTheLog() {
        String customer = PLATFORM.postJson("/v1/customers", acme.key(),
                Map.of("name", "<script>alert('audit')</script>"), 201).get("id").asText();
        String page = WEB.get("/t/audit-web/audit?entityType=customer&entityId=" + customer,
                SESSIONS.get(Role.OWNER)).body();
        assertThat(page).contains("&lt;script&gt;alert(").doesNotContain("<script>alert(");
        String hostile = "\"><script>x</script>";
        HttpResponse<String> filtered = WEB.get("/t/audit-web/audit?entityType=customer&entityId="
                + URLEncoder.encode(hostile, StandardCharsets.UTF_8), SESSIONS.get(Role.OWNER));
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(filtered.body()).contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"")
                .doesNotContain("<script>x");
    }

    @Test
    void anIntactChainIsReportedUpToItsLastEvent() {
        long total = lastSeq(acme);
        HttpResponse<String> verified = WEB.get("/t/audit-web/audit/verify", SESSIONS.get(Role.ADMIN));
        assertThat(verified.statusCode()).isEqualTo(200);
        long after = lastSeq(acme);  // nothing else writes to this business while the test runs
        assertThat(after).isEqualTo(total);
        assertThat(verified.body()).contains("<p class=\"notice\" role=\"status\" id=\"chain-result\">"
                + "The chain is intact up to event " + total + ".</p>");
    }

    @Test
    void anEditedEventBreaksTheChainWhereTheVerifierSaysAndOnlyInItsOwnBusiness() throws Exception {
        TenantFixture tampered = TenantFixture.create(PLATFORM, "audit-tampered", "EUR");
        String owner = WEB.devLogin("tampered@audit.example");
        try (Connection su = PLATFORM.database().superuserConnection()) {
            su.createStatement().execute("SET session_replication_role = replica");
            try (PreparedStatement edit = su.prepareStatement(
                    "UPDATE audit_log SET after_state = '{\"name\":\"forged\"}' WHERE tenant_id = ? AND seq = 2")) {
                edit.setObject(1, tampered.tenant().id().value());
                assertThat(edit.executeUpdate()).isEqualTo(1);
            }
        }
        HttpResponse<String> verified = WEB.get("/t/audit-tampered/audit/verify", owner);
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("<p class=\"alert\" role=\"status\" id=\"chain-result\">"
                + "The chain is intact up to event 1; event 2 breaks it: content does not match its hash (edited).</p>");
        assertThat(PLATFORM.postJson("/admin/v1/tenants/" + tampered.tenant().id() + "/audit-events/verify",
                PLATFORM.operatorToken(true), Map.of(), 200).get("brokenSeq").asLong()).isEqualTo(2);
        // Another business's chain is untouched by this one's break.
        assertThat(WEB.get("/t/audit-web/audit/verify", SESSIONS.get(Role.OWNER)).body())
                .contains("The chain is intact up to event");
    }

    private static long lastSeq(TenantFixture tenant) {
        long last = 0;
        String cursor = "";
        while (cursor != null) {
            var page = PLATFORM.getJson("/v1/audit-events?limit=200" + (cursor.isEmpty() ? "" : "&cursor=" + cursor),
                    tenant.key(), 200);
            for (var event : page.get("data")) {
                last = event.get("seq").asLong();
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        }
        return last;
    }
}

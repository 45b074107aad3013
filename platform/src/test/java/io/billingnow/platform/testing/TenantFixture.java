package io.billingnow.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.tenancy.Tenant;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * One tenant of a running {@link TestPlatform} with an owner API key and a customer, and the reads the specification
 * tests of money make after each step: the invoice, its payments, the customer's credit balance, the audit log.
 * Everything goes over HTTP except the audit log, which has no API yet.
 */
public final class TenantFixture {

    private final TestPlatform platform;
    private final Tenant tenant;
    private final String key;
    private final String customerId;

    private TenantFixture(TestPlatform platform, Tenant tenant, String key, String customerId) {
        this.platform = platform;
        this.tenant = tenant;
        this.key = key;
        this.customerId = customerId;
    }

    /** A new tenant (its default currency {@code currency}) with an owner key and one customer. */
    public static TenantFixture create(TestPlatform platform, String slug, String currency) {
        Tenant tenant = platform.createTenant(slug, currency);
        String key = platform.apiKey(tenant, Role.OWNER);
        String customer = platform.postJson("/v1/customers", key, Map.of("name", "Customer of " + slug), 201)
                .get("id").asText();
        return new TenantFixture(platform, tenant, key, customer);
    }

    /** Lets the tenant use a payment provider, as an operator does in the admin console. */
    public TenantFixture enableProvider(String providerId, boolean enabled) {
        TestPlatform.expect(platform.patch("/admin/v1/tenants/" + tenant.id() + "/providers/" + providerId,
                platform.operatorToken(false), null, Map.of("enabled", enabled)), 200);
        return this;
    }

    public Tenant tenant() {
        return tenant;
    }

    public String key() {
        return key;
    }

    public String customerId() {
        return customerId;
    }

    /** A draft of one untaxed line of {@code amount} minor units, so its total is exactly {@code amount}. */
    public String draft(long amount, String currency) {
        return platform.postJson("/v1/invoices", key, Map.of("customerId", customerId, "currency", currency,
                "lines", List.of(Map.of("description", "Work", "quantity", "1", "unitAmount", amount))), 201)
                .get("id").asText();
    }

    /** A finalized (open) invoice whose total and amount due are exactly {@code amount} minor units. */
    public String openInvoice(long amount, String currency) {
        String id = draft(amount, currency);
        platform.postJson("/v1/invoices/" + id + "/finalize", key, Map.of(), 200);
        return id;
    }

    public String openInvoice(long amount) {
        return openInvoice(amount, "EUR");
    }

    public JsonNode invoice(String invoiceId) {
        return platform.getJson("/v1/invoices/" + invoiceId, key, 200);
    }

    public JsonNode payments(String invoiceId) {
        return platform.getJson("/v1/invoices/" + invoiceId + "/payments", key, 200).get("data");
    }

    public Response pay(String invoiceId, Map<String, ?> payment) {
        return platform.post("/v1/invoices/" + invoiceId + "/payments", key, payment);
    }

    /** The customer's credit balance in {@code currency} as an exact number; 0 when there is none. */
    public long creditBalance(String currency) {
        for (JsonNode entry : platform.getJson("/v1/customers/" + customerId + "/credit-balance", key, 200)
                .get("data")) {
            if (entry.get("currency").asText().equals(currency)) {
                return entry.get("amount").bigIntegerValue().longValueExact();
            }
        }
        return 0;
    }

    /** One entry of the tenant's audit log. */
    public record AuditEntry(String actorType, String actorId, String entityType, String entityId, String action,
                             JsonNode before, JsonNode after) {
    }

    /** The tenant's audit entries with this action, oldest first. */
    public List<AuditEntry> audit(String action) {
        return new TenantTransactions(platform.jdbi()).read(tenant.id(), tx -> tx.handle().createQuery("""
                        SELECT actor_type, actor_id, entity_type, entity_id, action, before_state, after_state
                        FROM audit_log WHERE tenant_id = :tenant AND action = :action ORDER BY seq""")
                .bind("tenant", tenant.id().value()).bind("action", action)
                .map((rs, ctx) -> new AuditEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), json(rs.getString(6)), json(rs.getString(7))))
                .list());
    }

    /** Every audit entry of the tenant as stored, for searching it for what must never be there. */
    public String wholeAuditLog() {
        List<String> entries = new TenantTransactions(platform.jdbi()).read(tenant.id(), tx -> tx.handle()
                .createQuery("""
                        SELECT concat_ws(' ', actor_type, actor_id, entity_type, entity_id, action, before_state,
                                         after_state) FROM audit_log WHERE tenant_id = :tenant ORDER BY seq""")
                .bind("tenant", tenant.id().value()).mapTo(String.class).list());
        return String.join("\n", entries);
    }

    private static JsonNode json(String text) {
        return text == null ? null : TestPlatform.parse(text);
    }
}

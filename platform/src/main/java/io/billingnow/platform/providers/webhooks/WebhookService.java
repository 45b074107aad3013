package io.billingnow.platform.providers.webhooks;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.InvalidInput;
import io.billingnow.platform.core.errors.Unavailable;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.billing.invoices.InvoiceBalance;
import io.billingnow.platform.billing.invoices.InvoiceService;
import io.billingnow.platform.protection.monitoring.RequestGuardFilter;
import io.billingnow.platform.protection.monitoring.SecurityEvent;
import io.billingnow.platform.protection.monitoring.SecurityEventKind;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import io.billingnow.platform.protection.ratelimit.RouteClass;
import io.billingnow.platform.billing.invoices.InvoiceStatus;
import io.billingnow.platform.billing.payments.Payment;
import io.billingnow.platform.billing.payments.PaymentService;
import io.billingnow.platform.providers.plugins.LoadedProvider;
import io.billingnow.platform.providers.plugins.PluginHost;
import io.billingnow.platform.providers.accounts.ProviderAccountService;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.TenantStatus;
import io.billingnow.sdk.Capability;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.TenantContext;
import io.billingnow.sdk.webhook.EventType;
import io.billingnow.sdk.webhook.VerifiedWebhook;
import io.billingnow.sdk.webhook.WebhookEvent;
import io.billingnow.sdk.webhook.WebhookRejectedException;
import io.billingnow.sdk.webhook.WebhookRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a provider's webhook delivery for one account: finds the account by its public id, lets the plugin verify
 * the raw delivery with the account's secrets, then applies every new event in one transaction. Payments are recorded
 * only when invoice, currency and amount reconcile; anything else authentic is kept for review and acknowledged.
 * Bodies, signatures and secrets are never logged.
 */
public final class WebhookService {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);
    private static final Pattern PUBLIC_ID = Pattern.compile("whk_[A-Za-z0-9_-]{43}");

    private final PlatformTransactions platform;
    private final TenantTransactions tenants;
    private final ProviderAccountService accounts;
    private final PluginHost plugins;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final AuditLog audit;
    private final Clock clock;
    private final SecurityEvents securityEvents;

    public WebhookService(PlatformTransactions platform, TenantTransactions tenants, ProviderAccountService accounts,
                          PluginHost plugins, InvoiceService invoices, PaymentService payments, AuditLog audit,
                          Clock clock, SecurityEvents securityEvents) {
        this.securityEvents = securityEvents;
        this.platform = platform;
        this.tenants = tenants;
        this.accounts = accounts;
        this.plugins = plugins;
        this.invoices = invoices;
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
    }

    /** What became of one event of the delivery. */
    public record Outcome(String providerEventId, String outcome) {
    }

    private record Route(TenantId tenant, String slug, TenantStatus status, UUID accountId) {
    }

    public List<Outcome> receive(String publicId, byte[] body, Headers headers) {
        Route route = resolve(publicId).orElseThrow(() -> DomainException.notFound("Webhook endpoint"));
        ProviderAccountService.ActiveAccount account = tenants.read(route.tenant(),
                tx -> accounts.active(tx, route.accountId())).orElseThrow(() -> DomainException.notFound("Webhook endpoint"));
        LoadedProvider provider = plugins.provider(account.providerId())
                .filter(p -> p.can(Capability.WEBHOOKS))
                .orElseThrow(() -> new Unavailable("provider-unavailable", "Payment provider unavailable",
                        "The payment provider of this endpoint is not installed; deliver again later"));
        TenantContext context = new TenantContext(route.tenant().toString(), route.slug());
        VerifiedWebhook verified;
        try {
            verified = plugins.verifyWebhook(provider, new WebhookRequest(context, body, headers,
                    account.credentials()));
        } catch (WebhookRejectedException rejected) {
            securityEvent(publicId, route, rejected);
            throw new InvalidInput("webhook-rejected", "Webhook rejected",
                    "The delivery could not be verified (" + rejected.reason() + ")");
        }
        TenantCaller actor = new TenantCaller(route.tenant(), route.status(), Role.ACCOUNTANT, "provider_webhook",
                route.accountId().toString());
        return tenants.write(route.tenant(), tx -> {
            List<Outcome> outcomes = new ArrayList<>();
            for (WebhookEvent event : verified.events()) {
                outcomes.add(new Outcome(event.providerEventId(), apply(tx, provider, route, event, actor)));
            }
            return outcomes;
        });
    }

    private Optional<Route> resolve(String publicId) {
        if (publicId == null || !PUBLIC_ID.matcher(publicId).matches()) {
            return Optional.empty();
        }
        return platform.lookup(WebhookEndpointDao.class, dao -> dao.resolve(publicId))
                .map(e -> new Route(new TenantId(e.tenantId()), e.slug(), TenantStatus.fromWireName(e.status()),
                        e.accountId()))
                .filter(r -> r.status() != TenantStatus.OFFBOARDED);
    }

    /** A bad signature: recorded in the tenant's audit log and counted against the account by the alert rules. */
    private void securityEvent(String publicId, Route route, WebhookRejectedException rejected) {
        LOG.warn("Webhook for provider account {} of tenant {} rejected: {}", route.accountId(), route.tenant(),
                rejected.reason());
        securityEvents.record(new SecurityEvent(SecurityEventKind.WEBHOOK_REJECTED, RouteClass.WEBHOOKS,
                route.tenant(), null, RequestGuardFilter.webhookSubject(publicId),
                "provider account " + route.accountId() + ": " + rejected.reason()));
    }

    private String apply(TenantHandle tx, LoadedProvider provider, Route route, WebhookEvent event,
                         TenantCaller actor) {
        WebhookEventDao dao = tx.dao(WebhookEventDao.class);
        String eventId = event.providerEventId().length() > 255 ? null : event.providerEventId();
        if (eventId == null) {
            throw plugins.garbage(provider, "answered an event id longer than 255 characters");
        }
        Optional<Money> amount = event.amount();
        int claimed = dao.claim(tx.tenant(), route.accountId(), eventId, event.type().toString(),
                event.providerType(), amount.map(Money::minorUnits).orElse(null),
                amount.map(Money::currency).orElse(null), event.occurredAt(), clock.instant());
        if (claimed == 0) {
            return "duplicate";
        }
        Optional<UUID> invoiceId = event.invoiceReference().flatMap(WebhookService::uuid);
        Optional<InvoiceBalance> invoice = invoiceId.flatMap(id -> invoices.lockBalance(tx, id));
        if (event.type() != EventType.PAYMENT_SUCCEEDED) {
            recordOnly(tx, route, event, invoice.map(InvoiceBalance::id).orElse(null), actor);
            return "recorded";
        }
        Optional<String> reference = event.paymentReference();
        if (reference.isPresent() && reference.get().length() > 255) {
            throw plugins.garbage(provider, "answered a payment reference longer than 255 characters");
        }
        if (reference.isPresent()) {
            // A second event about a payment already recorded (Stripe announces one payment twice, for instance).
            Optional<UUID> earlier = payments.recordedFromProvider(tx, route.accountId(), reference.get());
            if (earlier.isPresent()) {
                return duplicatePayment(tx, route, event, invoice.map(InvoiceBalance::id).orElse(null),
                        earlier.get(), actor);
            }
        }
        String problem = null;
        if (invoice.isEmpty()) {
            problem = "unknown-invoice";
        } else if (reference.isEmpty()) {
            problem = "payment-reference-missing";
        } else if (amount.isEmpty()) {
            problem = "amount-missing";
        } else if (amount.get().minorUnits() <= 0) {
            problem = "amount-not-positive";
        } else if (!invoice.get().currency().equals(amount.get().currency())) {
            problem = "currency-mismatch";
        } else if (invoice.get().status() == InvoiceStatus.DRAFT || invoice.get().status() == InvoiceStatus.VOID) {
            problem = "invoice-not-payable";
        }
        if (problem != null) {
            keepForReview(tx, route, event, problem, actor);
            return "review";
        }
        Optional<Payment> payment = payments.recordOnce(tx, invoice.get(), amount.get().minorUnits(),
                amount.get().currency(), new PaymentService.ProviderSource(provider.id(), route.accountId(),
                        reference.get()), event.occurredAt(), actor);
        if (payment.isEmpty()) {
            // Lost the race against a concurrent delivery of the same payment: the constraint kept it to one.
            UUID recorded = payments.recordedFromProvider(tx, route.accountId(), reference.get()).orElseThrow();
            return duplicatePayment(tx, route, event, invoice.get().id(), recorded, actor);
        }
        dao.settle(tx.tenant(), route.accountId(), eventId, "payment_recorded", invoice.get().id(),
                payment.get().id());
        return "payment_recorded";
    }

    /** Acknowledges an event about a payment recorded before: kept, pointing at that payment; it moves no money. */
    private String duplicatePayment(TenantHandle tx, Route route, WebhookEvent event, UUID invoiceId, UUID paymentId,
                                    TenantCaller actor) {
        tx.dao(WebhookEventDao.class).settle(tx.tenant(), route.accountId(), event.providerEventId(),
                "duplicate_payment", invoiceId, paymentId);
        Map<String, Object> after = new java.util.LinkedHashMap<>(eventSummary(event));
        after.put("paymentId", paymentId.toString());
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "payment", paymentId.toString(),
                "payment.duplicate_announcement", null, after));
        return "duplicate_payment";
    }

    private void recordOnly(TenantHandle tx, Route route, WebhookEvent event, UUID invoiceId, TenantCaller actor) {
        tx.dao(WebhookEventDao.class).settle(tx.tenant(), route.accountId(), event.providerEventId(), "recorded",
                invoiceId, null);
        if (event.type() == EventType.OTHER) {
            return;
        }
        String action = switch (event.type()) {
            case PAYMENT_FAILED -> "payment.failed";
            case REFUNDED -> "payment.refunded";
            case DISPUTED -> "payment.disputed";
            default -> "payment.event";
        };
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(),
                invoiceId == null ? "provider_account" : "invoice",
                invoiceId == null ? route.accountId().toString() : invoiceId.toString(), action, null,
                eventSummary(event)));
    }

    private void keepForReview(TenantHandle tx, Route route, WebhookEvent event, String reason, TenantCaller actor) {
        UUID id = UUID.randomUUID();
        tx.dao(WebhookEventDao.class).settle(tx.tenant(), route.accountId(), event.providerEventId(), "review", null,
                null);
        tx.dao(WebhookEventDao.class).review(tx.tenant(), id, route.accountId(), event.providerEventId(), reason,
                event.invoiceReference().map(r -> r.length() > 200 ? r.substring(0, 200) : r).orElse(null),
                event.paymentReference().orElse(null), event.amount().map(Money::minorUnits).orElse(null),
                event.amount().map(Money::currency).orElse(null), clock.instant());
        Map<String, Object> after = new java.util.LinkedHashMap<>(eventSummary(event));
        after.put("reason", reason);
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "webhook_review", id.toString(),
                "webhook_event.kept_for_review", null, after));
    }

    private static Map<String, Object> eventSummary(WebhookEvent event) {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("providerEventId", event.providerEventId());
        summary.put("type", event.type().toString());
        summary.put("providerType", event.providerType());
        event.paymentReference().ifPresent(r -> summary.put("paymentReference", r));
        event.amount().ifPresent(m -> {
            summary.put("amount", m.minorUnits());
            summary.put("currency", m.currency());
        });
        return summary;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

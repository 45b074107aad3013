package io.billingnow.platform.billing.paylinks;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.Unavailable;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.SecretTokens;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.billing.invoices.Invoice;
import io.billingnow.platform.billing.invoices.InvoiceService;
import io.billingnow.platform.billing.invoices.InvoiceStatus;
import io.billingnow.platform.providers.plugins.LoadedProvider;
import io.billingnow.platform.providers.plugins.PluginHost;
import io.billingnow.platform.providers.accounts.ProviderAccountService;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.core.TenantStatus;
import io.billingnow.sdk.Capability;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.TenantContext;
import io.billingnow.sdk.link.InvoiceView;
import io.billingnow.sdk.link.PaymentLinkRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Our payment links: a 256-bit token in the URL, only its hash stored, bound to one tenant and invoice. A link is
 * live until it expires, is revoked, or its invoice is paid or void; while live, it hands the payer to a provider
 * checkout for the amount still due, reusing an earlier checkout that still fits.
 */
public final class PaymentLinkService {

    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    static final Duration MIN_LIFETIME = Duration.ofMinutes(1);
    /** A stored checkout is reused only if it stays open at least this long. */
    static final Duration REUSE_MARGIN = Duration.ofMinutes(5);
    static final String TOKEN_PREFIX = "pl_";
    private static final Pattern TOKEN = Pattern.compile("pl_[A-Za-z0-9_-]{43}");

    private final TenantTransactions transactions;
    private final PlatformTransactions platform;
    private final InvoiceService invoices;
    private final ProviderAccountService accounts;
    private final PluginHost plugins;
    private final AuditLog audit;
    private final Clock clock;
    private final URI publicBaseUrl;
    private final CheckoutCloser closer;

    public PaymentLinkService(TenantTransactions transactions, PlatformTransactions platform,
                              InvoiceService invoices, ProviderAccountService accounts, PluginHost plugins,
                              AuditLog audit, Clock clock, URI publicBaseUrl) {
        this.transactions = transactions;
        this.platform = platform;
        this.invoices = invoices;
        this.accounts = accounts;
        this.plugins = plugins;
        this.audit = audit;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
        this.closer = new CheckoutCloser(transactions, accounts, plugins, audit, clock);
    }

    public PaymentLink create(TenantCaller caller, UUID invoiceId, PaymentLinkFields fields) {
        if (fields.providerAccountId() == null) {
            throw DomainException.invalid("/providerAccountId", "required");
        }
        TenantId tenantId = caller.tenant();
        Tenant tenant = Tenants.byId(platform, tenantId).orElseThrow(() -> DomainException.notFound("Tenant"));
        String providerId = transactions.read(tenantId, tx -> accounts.active(tx, fields.providerAccountId()))
                .map(ProviderAccountService.ActiveAccount::providerId)
                .orElseThrow(() -> DomainException.invalid("/providerAccountId", "no such provider account"));
        LoadedProvider provider = accounts.usableProvider(tenantId, providerId);
        if (!provider.can(Capability.PAYMENT_LINKS)) {
            throw DomainException.unprocessable("payment-links-unsupported", "This provider does not issue payment links");
        }
        Duration max = Duration.ofDays(tenant.settings().paymentLinkMaxDays());
        Duration lifetime = fields.expiresInSeconds() == null ? DEFAULT_LIFETIME
                : Duration.ofSeconds(fields.expiresInSeconds());
        if (lifetime.compareTo(MIN_LIFETIME) < 0) {
            throw DomainException.invalid("/expiresInSeconds", "at least " + MIN_LIFETIME.toSeconds());
        }
        if (lifetime.compareTo(max) > 0) {
            lifetime = max;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = now.plus(lifetime);
        String token = SecretTokens.generate(TOKEN_PREFIX);
        UUID id = UUID.randomUUID();
        return transactions.write(tenantId, tx -> {
            Invoice invoice = invoices.lock(tx, invoiceId);
            if (!invoice.status().collectible() || invoice.settlement().amountDue() <= 0) {
                throw DomainException.conflict("invoice-not-payable",
                        "Only a finalized invoice with an amount due can get a payment link");
            }
            tx.dao(PaymentLinkDao.class).insert(tx.tenant(), id, invoiceId, fields.providerAccountId(),
                    SecretTokens.hash(token), expiresAt, now);
            audit.append(tx, new AuditEvent(caller.actorType(), caller.actorId(), "payment_link", id.toString(),
                    "payment_link.created", null, Map.of("invoiceId", invoiceId.toString(),
                    "providerAccountId", fields.providerAccountId().toString(), "expiresAt", expiresAt.toString())));
            return new PaymentLink(id, invoiceId, fields.providerAccountId(), payUrl(token), expiresAt);
        });
    }

    /** A link as a list shows it, after its creation: never its URL (only the token's hash is stored). */
    public record IssuedLink(UUID id, UUID providerAccountId, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /** The invoice's payment links, oldest first, read-only (the web app's invoice page), in the caller's transaction. */
    public java.util.List<IssuedLink> forInvoice(io.billingnow.platform.core.tx.TenantHandle tx, UUID invoiceId) {
        return tx.dao(PaymentLinkDao.class).forInvoice(tx.tenant(), invoiceId).stream()
                .map(r -> new IssuedLink(r.id(), r.accountId(), r.createdAt(), r.expiresAt(), r.revokedAt()))
                .toList();
    }

    /**
     * The answer to a revocation: the link is revoked whatever happened at the provider; {@code providerCheckout}
     * says whether the checkout the provider had opened for it was closed ({@code none}, {@code closed},
     * {@code expired}, {@code not_supported}: open until {@code checkoutExpiresAt}, {@code not_closed}: revoke
     * again to retry).
     */
    public record Revocation(UUID id, Instant revokedAt, String providerCheckout, Instant checkoutExpiresAt) {
    }

    public Revocation revoke(TenantCaller caller, UUID id) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PaymentLinkDao.Row link = transactions.write(caller.tenant(), tx -> {
            PaymentLinkDao dao = tx.dao(PaymentLinkDao.class);
            PaymentLinkDao.Row found = dao.find(tx.tenant(), id)
                    .orElseThrow(() -> DomainException.notFound("Payment link"));
            if (dao.revoke(tx.tenant(), id, now) == 1) {
                audit.append(tx, new AuditEvent(caller.actorType(), caller.actorId(), "payment_link", id.toString(),
                        "payment_link.revoked", null, null));
                return withRevokedAt(found, now);
            }
            return found;
        });
        String slug = Tenants.byId(platform, caller.tenant()).map(Tenant::slug)
                .orElseThrow(() -> DomainException.notFound("Tenant"));
        CheckoutCloser.Outcome outcome = closer.close(caller.tenant(), slug, link, caller.actorType(),
                caller.actorId());
        boolean stillOpen = outcome == CheckoutCloser.Outcome.NOT_SUPPORTED
                || outcome == CheckoutCloser.Outcome.NOT_CLOSED;
        return new Revocation(id, link.revokedAt(), outcome.wireName(), stillOpen ? link.checkoutExpiresAt() : null);
    }

    private static PaymentLinkDao.Row withRevokedAt(PaymentLinkDao.Row r, Instant revokedAt) {
        return new PaymentLinkDao.Row(r.id(), r.invoiceId(), r.accountId(), r.expiresAt(), revokedAt, r.createdAt(),
                r.checkoutUrl(), r.checkoutReference(), r.checkoutAmount(), r.checkoutExpiresAt(),
                r.checkoutClosedAt());
    }

    /** Why a link cannot be used; {@link #LIVE} when it can. */
    public enum State { LIVE, UNKNOWN, EXPIRED, REVOKED, SETTLED }

    /** What the pay page shows. Only present for a live link. */
    public record Page(State state, String sellerName, String invoiceNumber, long amountDue, String currency) {
    }

    private record Resolved(TenantId tenant, String slug, String tenantName, UUID linkId) {
    }

    private record Live(State state, Resolved resolved, PaymentLinkDao.Row link, Invoice invoice) {
    }

    /** The pay page reads the link and its invoice's header in one statement; checkout needs the whole invoice. */
    public Page page(String token) {
        Optional<Resolved> resolved = resolve(token);
        if (resolved.isEmpty()) {
            return new Page(State.UNKNOWN, null, null, 0, null);
        }
        Resolved r = resolved.get();
        Optional<PaymentLinkDao.Payable> payable = transactions.read(r.tenant(),
                tx -> tx.dao(PaymentLinkDao.class).payable(tx.tenant(), r.linkId()));
        if (payable.isEmpty()) {
            return new Page(State.UNKNOWN, null, null, 0, null);
        }
        PaymentLinkDao.Payable p = payable.get();
        State state = state(p.revokedAt(), p.expiresAt(), InvoiceStatus.fromWireName(p.invoiceStatus()),
                p.amountDue());
        if (state != State.LIVE) {
            return new Page(state, null, null, 0, null);
        }
        String seller = p.sellerName() != null && !p.sellerName().isBlank() ? p.sellerName() : r.tenantName();
        return new Page(State.LIVE, seller, p.invoiceNumber(), p.amountDue(), p.currency());
    }

    /** The outcome of a checkout request: a provider URL for a live link, or the state that prevents it. */
    public record Checkout(State state, URI redirect) {
    }

    public Checkout checkout(String token) {
        Live live = live(token);
        if (live.state() != State.LIVE) {
            return new Checkout(live.state(), null);
        }
        PaymentLinkDao.Row link = live.link();
        Invoice invoice = live.invoice();
        Instant now = clock.instant();
        if (link.checkoutUrl() != null && link.checkoutAmount() != null
                && link.checkoutAmount() == invoice.settlement().amountDue() && link.checkoutExpiresAt() != null
                && link.checkoutExpiresAt().isAfter(now.plus(REUSE_MARGIN))) {
            return new Checkout(State.LIVE, URI.create(link.checkoutUrl()));
        }
        TenantId tenant = live.resolved().tenant();
        ProviderAccountService.ActiveAccount account = transactions.read(tenant,
                tx -> accounts.active(tx, link.accountId())).orElseThrow(() -> new Unavailable("provider-account-unavailable", "Payment method unavailable",
                "The seller's payment method is no longer available"));
        LoadedProvider provider = accounts.usableProvider(tenant, account.providerId());
        URI back = payUrl(token);
        Map<String, Object> customer = invoice.parties().customer() == null ? Map.of() : invoice.parties().customer();
        InvoiceView view = new InvoiceView(invoice.id().toString(), invoice.number(),
                text(customer.get("name")), text(customer.get("email")), "Invoice " + invoice.number());
        // A refusal or failure leaves as the problem the plugin host maps it to (422, 502 or 503 + Retry-After).
        io.billingnow.sdk.link.PaymentLink issued = plugins.createPaymentLink(provider, new PaymentLinkRequest(
                new TenantContext(tenant.toString(), live.resolved().slug()), view,
                new Money(invoice.settlement().amountDue(), invoice.currency()), URI.create(back + "?result=success"),
                URI.create(back + "?result=cancelled"), link.expiresAt(), account.credentials()));
        boolean kept = transactions.write(tenant, tx -> {
            if (tx.dao(PaymentLinkDao.class).setCheckout(tx.tenant(), link.id(), issued.url().toString(),
                    issued.providerReference(), invoice.settlement().amountDue(), issued.expiresAt()) == 0) {
                return false;
            }
            audit.append(tx, new AuditEvent("payer", "payment_link:" + link.id(), "payment_link",
                    link.id().toString(), "payment_link.checkout_opened", null, Map.of(
                    "provider", provider.id(), "providerReference", issued.providerReference(),
                    "amount", invoice.settlement().amountDue(), "currency", invoice.currency())));
            return true;
        });
        if (!kept) {
            // The link was revoked while the provider opened this checkout: close it too, and send the payer away.
            closer.close(tenant, live.resolved().slug(), new PaymentLinkDao.Row(link.id(), link.invoiceId(),
                    link.accountId(), link.expiresAt(), link.revokedAt(), link.createdAt(), issued.url().toString(),
                    issued.providerReference(), invoice.settlement().amountDue(), issued.expiresAt(), null),
                    "payer", "payment_link:" + link.id());
            return new Checkout(State.REVOKED, null);
        }
        return new Checkout(State.LIVE, issued.url());
    }

    private Live live(String token) {
        Optional<Resolved> resolved = resolve(token);
        if (resolved.isEmpty()) {
            return new Live(State.UNKNOWN, null, null, null);
        }
        Resolved r = resolved.get();
        return transactions.read(r.tenant(), tx -> {
            PaymentLinkDao.Row link = tx.dao(PaymentLinkDao.class).find(tx.tenant(), r.linkId()).orElse(null);
            if (link == null) {
                return new Live(State.UNKNOWN, r, null, null);
            }
            Invoice invoice = invoices.get(tx, link.invoiceId());
            State state = state(link.revokedAt(), link.expiresAt(), invoice.status(), invoice.settlement().amountDue());
            return new Live(state, r, link, invoice);
        });
    }

    /** One rule for the page and the checkout: revoked, then settled, then expired. */
    private State state(Instant revokedAt, Instant expiresAt, InvoiceStatus status, long amountDue) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        if (status == InvoiceStatus.PAID || status == InvoiceStatus.VOID || amountDue <= 0) {
            return State.SETTLED;
        }
        if (!expiresAt.isAfter(clock.instant())) {
            return State.EXPIRED;
        }
        return status.collectible() ? State.LIVE : State.SETTLED;
    }

    private Optional<Resolved> resolve(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        byte[] hash = SecretTokens.hash(token);
        return platform.lookup(PaymentLinkTokenDao.class, dao -> dao.resolve(hash))
                .filter(r -> TenantStatus.fromWireName(r.status()) != TenantStatus.OFFBOARDED)
                .map(r -> new Resolved(new TenantId(r.tenantId()), r.slug(), r.name(), r.linkId()));
    }

    URI payUrl(String token) {
        String base = publicBaseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/pay/" + token);
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

}

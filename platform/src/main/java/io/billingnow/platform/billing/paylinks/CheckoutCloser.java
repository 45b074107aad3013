package io.billingnow.platform.billing.paylinks;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.providers.plugins.LoadedProvider;
import io.billingnow.platform.providers.plugins.PluginHost;
import io.billingnow.platform.providers.accounts.ProviderAccountService;
import io.billingnow.platform.core.TenantId;
import io.billingnow.sdk.Capability;
import io.billingnow.sdk.ProviderException;
import io.billingnow.sdk.TenantContext;
import io.billingnow.sdk.link.PaymentLinkCancellation;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes at the provider the checkout a revoked payment link had opened, so the customer cannot pay there any more.
 * Runs after the revocation committed, outside any transaction (a remote call never holds a row lock); a failure
 * never un-revokes the link: it is recorded in the audit trail and reported, and revoking again retries.
 */
final class CheckoutCloser {

    private static final Logger LOG = LoggerFactory.getLogger(CheckoutCloser.class);

    /** What became of the provider's checkout. */
    enum Outcome {
        /** No checkout was ever opened for the link. */
        NONE,
        /** The provider closed it (now or at an earlier revocation). */
        CLOSED,
        /** It had already expired at the provider. */
        EXPIRED,
        /** The provider cannot close checkouts: it stays open until it expires. */
        NOT_SUPPORTED,
        /** The provider could not close it now (refused, unreachable, or its plugin failed): revoke again to retry. */
        NOT_CLOSED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final TenantTransactions transactions;
    private final ProviderAccountService accounts;
    private final PluginHost plugins;
    private final AuditLog audit;
    private final Clock clock;

    CheckoutCloser(TenantTransactions transactions, ProviderAccountService accounts, PluginHost plugins,
                   AuditLog audit, Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.plugins = plugins;
        this.audit = audit;
        this.clock = clock;
    }

    Outcome close(TenantId tenant, String slug, PaymentLinkDao.Row link, String actorType, String actorId) {
        if (link.checkoutReference() == null) {
            return Outcome.NONE;
        }
        if (link.checkoutClosedAt() != null) {
            return Outcome.CLOSED;
        }
        if (link.checkoutExpiresAt() != null && !link.checkoutExpiresAt().isAfter(clock.instant())) {
            return Outcome.EXPIRED;
        }
        Optional<ProviderAccountService.ActiveAccount> account = transactions.read(tenant,
                tx -> accounts.active(tx, link.accountId()));
        if (account.isEmpty()) {
            return failed(tenant, link, actorType, actorId, "the provider account was deleted");
        }
        // The installed provider, even if no longer enabled for the tenant: closing a checkout only protects.
        Optional<LoadedProvider> provider = plugins.provider(account.get().providerId());
        if (provider.isEmpty()) {
            return failed(tenant, link, actorType, actorId, "the payment provider is not installed");
        }
        if (!provider.get().can(Capability.CANCEL_PAYMENT_LINKS)) {
            record(tenant, link, actorType, actorId, "payment_link.checkout_left_open",
                    Map.of("reason", "the provider cannot close checkouts"));
            return Outcome.NOT_SUPPORTED;
        }
        try {
            plugins.cancelPaymentLink(provider.get(), new PaymentLinkCancellation(
                    new TenantContext(tenant.toString(), slug), link.checkoutReference(),
                    account.get().credentials()));
        } catch (ProviderException refused) {
            return failed(tenant, link, actorType, actorId, "the provider refused (" + refused.kind() + ")");
        } catch (DomainException pluginFailed) {
            // The plugin threw, hung or was busy: the host has already marked it unhealthy.
            return failed(tenant, link, actorType, actorId, "the provider's plugin failed");
        }
        Instant now = clock.instant();
        transactions.write(tenant, tx -> {
            tx.dao(PaymentLinkDao.class).checkoutClosed(tx.tenant(), link.id(), now);
            audit.append(tx, new AuditEvent(actorType, actorId, "payment_link", link.id().toString(),
                    "payment_link.checkout_closed", null, Map.of("providerReference", link.checkoutReference())));
            return null;
        });
        return Outcome.CLOSED;
    }

    private Outcome failed(TenantId tenant, PaymentLinkDao.Row link, String actorType, String actorId, String reason) {
        LOG.warn("Payment link {} of tenant {}: the provider's checkout could not be closed: {}", link.id(), tenant,
                reason);
        record(tenant, link, actorType, actorId, "payment_link.checkout_close_failed", Map.of("reason", reason));
        return Outcome.NOT_CLOSED;
    }

    private void record(TenantId tenant, PaymentLinkDao.Row link, String actorType, String actorId, String action,
                        Map<String, Object> details) {
        Map<String, Object> after = new LinkedHashMap<>(details);
        after.put("providerReference", link.checkoutReference());
        if (link.checkoutExpiresAt() != null) {
            after.put("checkoutExpiresAt", link.checkoutExpiresAt().toString());
        }
        transactions.write(tenant, tx -> {
            audit.append(tx, new AuditEvent(actorType, actorId, "payment_link", link.id().toString(),
                    action, null, after));
            return null;
        });
    }
}

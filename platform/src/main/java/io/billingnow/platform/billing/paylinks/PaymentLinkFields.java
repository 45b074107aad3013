package io.billingnow.platform.billing.paylinks;

import java.util.UUID;

/**
 * @param providerAccountId the tenant's provider account the customer will pay through
 * @param expiresInSeconds  lifetime; default 7 days, capped by the tenant's {@code paymentLinkMaxDays}
 */
public record PaymentLinkFields(UUID providerAccountId, Long expiresInSeconds) {
}

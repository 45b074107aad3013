package io.billingnow.platform.providers.accounts;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A provider account as the API shows it: never a secret, only {@code credentials} hints (non-secret values as
 * entered, secret ones as their last four characters).
 */
public record ProviderAccount(UUID id, String providerId, String displayName, URI webhookUrl,
                              Map<String, String> credentials, List<WebhookSecretView> webhookSecrets,
                              Instant createdAt) {

    /** One webhook secret, shown by its hint; {@code retireAt} null while it is the current one. */
    public record WebhookSecretView(UUID id, String hint, Instant createdAt, Instant retireAt) {
    }
}

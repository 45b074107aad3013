package io.billingnow.platform.providers.accounts;

import java.util.Map;

/**
 * What a tenant sends to connect a provider account: the provider, a name, the values of the provider's credential
 * fields, and the first webhook signing secret (for providers that sign webhooks).
 */
public record ProviderAccountFields(String providerId, String displayName, Map<String, String> credentials,
                                    String webhookSecret) {
}

package io.billingnow.sdk;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One tenant account's settings and secrets for a provider, decrypted by the host just for the call.
 *
 * <p>{@link #toString()} never shows values, so a credentials object that ends up in a log or an exception
 * message leaks nothing. Plugins must likewise never put a value from here into a message.
 *
 * @param values         the values of the provider's {@link ProviderDescriptor#credentialFields()}, by name
 * @param webhookSecrets the webhook signing secrets currently valid, newest first; during a rotation there are
 *                       several and an event signed with any of them is accepted
 */
public record Credentials(Map<String, String> values, List<String> webhookSecrets) {

    /**
     * Copies both collections.
     *
     * @throws NullPointerException if either collection or any element is null
     */
    public Credentials {
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
        webhookSecrets = List.copyOf(Objects.requireNonNull(webhookSecrets, "webhookSecrets"));
    }

    /**
     * Returns a value that may be absent.
     *
     * @param name the credential field name
     * @return the value, or empty if not set or blank
     */
    public Optional<String> get(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /**
     * Returns a value that must be present.
     *
     * @param name the credential field name
     * @return the value
     * @throws ProviderException of kind {@link ProviderException.Kind#INVALID_CREDENTIALS} if it is absent
     */
    public String require(String name) throws ProviderException {
        return get(name).orElseThrow(() -> new ProviderException(ProviderException.Kind.INVALID_CREDENTIALS,
                "credential '" + name + "' is not configured"));
    }

    /** Lists the names present, never the values. */
    @Override
    public String toString() {
        return "Credentials[names=" + values.keySet() + ", webhookSecrets=" + webhookSecrets.size() + "]";
    }
}

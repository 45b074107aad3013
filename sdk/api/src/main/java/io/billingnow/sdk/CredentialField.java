package io.billingnow.sdk;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One setting a tenant must (or may) enter to use a provider, described as data so the host can render a form,
 * validate input and decide how to store it (secret fields are encrypted at rest and never shown again).
 *
 * @param name     the key under which the value appears in {@link Credentials#values()}; lower snake case
 * @param label    a short human-readable label
 * @param secret   whether the value is a secret (API key, signing key)
 * @param required whether the value must be present
 * @param pattern  an optional regular expression the whole value must match
 * @param endpoint whether the value is a URL the provider sends requests to (an API base URL): the host then checks
 *                 it against its egress policy when a tenant saves it (refused with a pointer to the field), as it
 *                 checks every request at call time anyway; see {@link ProviderDescriptor#egressHosts()}
 */
public record CredentialField(String name, String label, boolean secret, boolean required, Optional<String> pattern,
                              boolean endpoint) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /**
     * Validates the field description.
     *
     * @throws IllegalArgumentException if the name is not lower snake case, the label is blank or the pattern
     *                                  does not compile
     */
    public CredentialField {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("credential field name must be lower snake case: " + name);
        }
        TenantContext.requireText(label, "label");
        Objects.requireNonNull(pattern, "pattern");
        pattern.ifPresent(p -> {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("credential field pattern does not compile: " + name, e);
            }
        });
    }

    /**
     * A field that is not an endpoint URL (the shape of SDK 0.1.0, kept for plugins built against it).
     *
     * @param name     the key
     * @param label    the label
     * @param secret   whether it is a secret
     * @param required whether it must be present
     * @param pattern  the regular expression the value must match, if any
     */
    public CredentialField(String name, String label, boolean secret, boolean required, Optional<String> pattern) {
        this(name, label, secret, required, pattern, false);
    }

    /**
     * This field marked as an endpoint URL the provider calls, so the host checks it against its egress policy when
     * a tenant saves it.
     *
     * @return a copy of this field with {@link #endpoint()} true
     */
    public CredentialField asEndpoint() {
        return new CredentialField(name, label, secret, required, pattern, true);
    }

    /**
     * A required field.
     *
     * @param name    the key
     * @param label   the label
     * @param secret  whether it is a secret
     * @param pattern the regular expression the value must match
     * @return the field
     */
    public static CredentialField required(String name, String label, boolean secret, String pattern) {
        return new CredentialField(name, label, secret, true, Optional.of(pattern));
    }

    /**
     * An optional field.
     *
     * @param name    the key
     * @param label   the label
     * @param secret  whether it is a secret
     * @param pattern the regular expression the value must match when present
     * @return the field
     */
    public static CredentialField optional(String name, String label, boolean secret, String pattern) {
        return new CredentialField(name, label, secret, false, Optional.of(pattern));
    }

    /**
     * Whether a value satisfies this field's pattern. Presence is checked separately via {@link #required()}.
     *
     * @param value the candidate value
     * @return true if there is no pattern or the whole value matches it
     */
    public boolean accepts(String value) {
        return value != null && pattern.map(p -> Pattern.compile(p).matcher(value).matches()).orElse(true);
    }
}

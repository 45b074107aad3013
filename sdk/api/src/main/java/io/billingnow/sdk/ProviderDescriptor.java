package io.billingnow.sdk;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a provider is and what it needs: the host lists providers, renders a tenant's settings form and validates
 * input from this description alone, without calling the provider.
 *
 * @param id               a stable identifier, lower case (for example {@code stripe}); used in webhook URLs and
 *                         storage keys, so it must never change
 * @param displayName      the name shown to people
 * @param capabilities     what the provider can do
 * @param credentialFields the settings a tenant enters (API keys, account ids, base URLs)
 * @param webhookSecret    how one webhook signing secret looks, if the provider signs webhooks; the host lets a
 *                         tenant store several during a rotation and passes them in
 *                         {@link Credentials#webhookSecrets()}
 */
public record ProviderDescriptor(String id, String displayName, Set<Capability> capabilities,
                                 List<CredentialField> credentialFields, Optional<CredentialField> webhookSecret) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the id is malformed, a field name repeats, or webhooks are declared
     *                                  without a webhook secret description
     */
    public ProviderDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("provider id must match " + ID.pattern() + ": " + id);
        }
        TenantContext.requireText(displayName, "displayName");
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        credentialFields = List.copyOf(credentialFields);
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        if (credentialFields.stream().map(CredentialField::name).distinct().count() != credentialFields.size()) {
            throw new IllegalArgumentException("credential field names must be unique");
        }
        if (capabilities.contains(Capability.WEBHOOKS) && webhookSecret.isEmpty()) {
            throw new IllegalArgumentException("a provider with WEBHOOKS must describe its webhook secret");
        }
    }

    /**
     * Checks a tenant's credentials against the field descriptions: every required field present, every present
     * value matching its pattern, every webhook secret matching the secret description. Messages name fields,
     * never values.
     *
     * @param credentials the candidate credentials
     * @return problems found, empty when valid
     */
    public List<String> validate(Credentials credentials) {
        ArrayList<String> problems = new ArrayList<>();
        for (CredentialField f : credentialFields) {
            Optional<String> v = credentials.get(f.name());
            if (v.isEmpty()) {
                if (f.required()) {
                    problems.add(f.name() + ": required");
                }
            } else if (!f.accepts(v.get())) {
                problems.add(f.name() + ": does not match the expected format");
            }
        }
        webhookSecret.ifPresent(f -> {
            if (f.required() && credentials.webhookSecrets().isEmpty()) {
                problems.add(f.name() + ": required");
            }
            for (String s : credentials.webhookSecrets()) {
                if (!f.accepts(s)) {
                    problems.add(f.name() + ": does not match the expected format");
                }
            }
        });
        return List.copyOf(problems);
    }
}

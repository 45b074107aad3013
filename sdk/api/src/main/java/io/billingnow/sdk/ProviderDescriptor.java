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
 * @param egressHosts      the provider hosts the plugin's requests may go to: exact lower-case host names
 *                         ({@code api.stripe.com}) or a leading wildcard for every subdomain of a domain
 *                         ({@code *.adyenpayments.com}, which does not match the domain itself). The host refuses
 *                         every request to any other host (operators may add hosts in their configuration) and, for
 *                         every host, addresses that are not public (loopback, private, link-local, metadata)
 */
public record ProviderDescriptor(String id, String displayName, Set<Capability> capabilities,
                                 List<CredentialField> credentialFields, Optional<CredentialField> webhookSecret,
                                 Set<String> egressHosts) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    private static final Pattern HOST = Pattern.compile(
            "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * A provider that declares no egress hosts (the shape of SDK 0.1.0, kept for plugins built against it): the host
     * lets its requests reach only the hosts an operator configures for it.
     *
     * @param id               the identifier
     * @param displayName      the name shown to people
     * @param capabilities     what the provider can do
     * @param credentialFields the settings a tenant enters
     * @param webhookSecret    how one webhook signing secret looks, if any
     */
    public ProviderDescriptor(String id, String displayName, Set<Capability> capabilities,
                              List<CredentialField> credentialFields, Optional<CredentialField> webhookSecret) {
        this(id, displayName, capabilities, credentialFields, webhookSecret, Set.of());
    }

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the id is malformed, a field name repeats, webhooks are declared
     *                                  without a webhook secret description, or an egress host is not a lower-case
     *                                  host name with at most a leading {@code *.}
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
        egressHosts = Set.copyOf(egressHosts);
        for (String host : egressHosts) {
            if (!HOST.matcher(host).matches() || host.startsWith("*.") && host.indexOf('.', 2) < 0) {
                throw new IllegalArgumentException("egress host must be a lower-case host name, optionally "
                        + "starting with *. followed by a domain of at least two labels: " + host);
            }
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

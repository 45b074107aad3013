package io.billingnow.platform.providers.accounts;

import io.billingnow.platform.core.errors.FieldError;
import io.billingnow.platform.core.errors.Unprocessable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.Caller;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.keys.EncryptedColumns;
import io.billingnow.platform.keys.FieldContext;
import io.billingnow.platform.keys.FieldSealer;
import io.billingnow.platform.providers.plugins.LoadedProvider;
import io.billingnow.platform.providers.plugins.PluginHost;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.sdk.CredentialField;
import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.ProviderDescriptor;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's accounts at payment providers: credentials validated against the provider's descriptor and sealed
 * before they reach the database, webhook secrets rotated with an overlap, and an unguessable public id per account
 * that names it in its webhook URL.
 */
public final class ProviderAccountService {

    public static final Duration DEFAULT_SECRET_OVERLAP = Duration.ofHours(24);
    static final String PUBLIC_ID_PREFIX = "whk_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final PluginHost plugins;
    private final PlatformTransactions platform;
    private final FieldSealer sealer;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final URI publicBaseUrl;

    public ProviderAccountService(PluginHost plugins, PlatformTransactions platform, FieldSealer sealer, AuditLog audit,
                                  ObjectMapper json, Clock clock, URI publicBaseUrl) {
        this.plugins = plugins;
        this.platform = platform;
        this.sealer = sealer;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** An account ready for a call into its plugin: credentials opened just for that call. */
    public record ActiveAccount(UUID id, String providerId, Credentials credentials) {
    }

    /**
     * The loaded provider, if the tenant may use it. Called outside tenant transactions (it reads the tenant registry).
     */
    public LoadedProvider usableProvider(TenantId tenant, String providerId) {
        LoadedProvider provider = plugins.provider(providerId)
                .orElseThrow(() -> DomainException.unprocessable("provider-not-installed",
                        "No payment provider with this id is installed"));
        boolean enabled = Tenants.byId(platform, tenant).map(t -> t.settings().enabledProviders().contains(providerId))
                .orElse(false);
        if (!enabled) {
            throw DomainException.unprocessable("provider-not-enabled",
                    "This payment provider is not enabled for the tenant; an operator enables it");
        }
        return provider;
    }

    /**
     * The providers the tenant may connect accounts to now: enabled for it and installed, in the order of its
     * settings. The same rule as {@link #usableProvider}, read inside the caller's tenant transaction.
     */
    public List<ProviderDescriptor> usableProviders(TenantHandle tx) {
        return Tenants.current(tx).settings().enabledProviders().stream()
                .map(plugins::provider).flatMap(Optional::stream).map(LoadedProvider::descriptor).toList();
    }

    /** What the installed provider declares (its credential fields, which of them are secret), if installed. */
    public Optional<ProviderDescriptor> descriptor(String providerId) {
        return plugins.provider(providerId).map(LoadedProvider::descriptor);
    }

    public ProviderAccount create(TenantHandle tx, LoadedProvider provider, ProviderAccountFields fields,
                                  Caller actor) {
        ProviderDescriptor descriptor = provider.descriptor();
        String displayName = fields.displayName() == null || fields.displayName().isBlank()
                ? descriptor.displayName() : fields.displayName().strip();
        if (displayName.length() > 200) {
            throw DomainException.invalid("/displayName", "at most 200 characters");
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (fields.credentials() != null) {
            fields.credentials().forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    values.put(k, v);
                }
            });
        }
        List<String> secrets = fields.webhookSecret() == null || fields.webhookSecret().isBlank()
                ? List.of() : List.of(fields.webhookSecret());
        validate(descriptor, values, secrets);
        refuseForbiddenEndpoints(provider, values);

        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        byte[] sealed = sealer.encrypt(credentialsField(tx.tenant(), id), toJson(values));
        ProviderAccountDao dao = tx.dao(ProviderAccountDao.class);
        dao.insert(tx.tenant(), id, newPublicId(), descriptor.id(), displayName, sealed,
                hints(descriptor, values), now);
        for (String secret : secrets) {
            addSecret(tx, id, secret, now);
        }
        ProviderAccount created = get(tx, id);
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "provider_account", id.toString(),
                "provider_account.created", null, created));
        return created;
    }

    public List<ProviderAccount> list(TenantHandle tx) {
        return tx.dao(ProviderAccountDao.class).list(tx.tenant()).stream().map(r -> view(tx, r)).toList();
    }

    public ProviderAccount get(TenantHandle tx, UUID id) {
        return view(tx, row(tx, id));
    }

    public void delete(TenantHandle tx, UUID id, Caller actor) {
        ProviderAccount before = get(tx, id);
        tx.dao(ProviderAccountDao.class).delete(tx.tenant(), id, clock.instant());
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "provider_account", id.toString(),
                "provider_account.deleted", before, null));
    }

    /**
     * Adds a webhook secret. Every secret accepted so far stays accepted until {@code now + overlap}, so deliveries
     * signed with the old secret while the provider switches over are not lost.
     */
    public ProviderAccount addWebhookSecret(TenantHandle tx, UUID id, String secret, Duration overlap, Caller actor) {
        ProviderAccountDao.Row row = lockedRow(tx, id);
        ProviderDescriptor descriptor = plugins.provider(row.providerId()).map(LoadedProvider::descriptor)
                .orElseThrow(() -> DomainException.unprocessable("provider-not-installed",
                        "The account's payment provider is not installed"));
        CredentialField field = descriptor.webhookSecret().orElseThrow(() -> DomainException.unprocessable(
                "webhooks-unsupported", "This provider does not sign webhooks"));
        if (secret == null || secret.isBlank()) {
            throw DomainException.invalid("/secret", "required");
        }
        if (!field.accepts(secret)) {
            throw DomainException.invalid("/secret", "does not match the expected format");
        }
        if (overlap.isNegative() || overlap.compareTo(Duration.ofDays(30)) > 0) {
            throw DomainException.invalid("/previousSecretsValidForSeconds", "between 0 and 30 days");
        }
        ProviderAccount before = view(tx, row);
        Instant now = clock.instant();
        tx.dao(ProviderAccountDao.class).scheduleRetirement(tx.tenant(), id, now.plus(overlap));
        addSecret(tx, id, secret, now);
        ProviderAccount after = get(tx, id);
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "provider_account", id.toString(),
                "provider_account.webhook_secret_added", before, after));
        return after;
    }

    /** Stops accepting one secret now. The last accepted secret cannot be retired: add its successor first. */
    public ProviderAccount retireWebhookSecret(TenantHandle tx, UUID id, UUID secretId, Caller actor) {
        ProviderAccountDao.Row row = lockedRow(tx, id);
        ProviderAccountDao dao = tx.dao(ProviderAccountDao.class);
        Instant now = clock.instant();
        List<ProviderAccountDao.SecretRow> active = dao.activeSecrets(tx.tenant(), id, now);
        if (active.stream().noneMatch(s -> s.id().equals(secretId))) {
            throw DomainException.notFound("Webhook secret");
        }
        if (active.size() == 1) {
            throw DomainException.conflict("last-webhook-secret",
                    "This is the only accepted webhook secret; add a new one before retiring it");
        }
        ProviderAccount before = view(tx, row);
        dao.retire(tx.tenant(), id, secretId, now);
        ProviderAccount after = get(tx, id);
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "provider_account", id.toString(),
                "provider_account.webhook_secret_retired", before, after));
        return after;
    }

    /** Opens the account's credentials and currently accepted webhook secrets (newest first) for one plugin call. */
    public Optional<ActiveAccount> active(TenantHandle tx, UUID id) {
        List<ProviderAccountDao.ActiveRow> rows = tx.dao(ProviderAccountDao.class).active(tx.tenant(), id,
                clock.instant());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ProviderAccountDao.ActiveRow account = rows.get(0);
        Map<String, String> values = fromJson(sealer.decrypt(credentialsField(tx.tenant(), id), account.credentials()));
        List<String> secrets = new ArrayList<>();
        for (ProviderAccountDao.ActiveRow row : rows) {
            if (row.secretId() != null) {
                secrets.add(sealer.decryptString(secretField(tx.tenant(), row.secretId()), row.secret()));
            }
        }
        return Optional.of(new ActiveAccount(id, account.providerId(), new Credentials(values, secrets)));
    }

    public URI webhookUrl(String publicId) {
        String base = publicBaseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/webhooks/" + publicId);
    }

    private void addSecret(TenantHandle tx, UUID accountId, String secret, Instant now) {
        UUID secretId = UUID.randomUUID();
        tx.dao(ProviderAccountDao.class).insertSecret(tx.tenant(), secretId, accountId,
                sealer.encryptString(secretField(tx.tenant(), secretId), secret),
                mask(secret), now);
    }

    private static void validate(ProviderDescriptor descriptor, Map<String, String> values, List<String> secrets) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : values.keySet()) {
            if (descriptor.credentialFields().stream().noneMatch(f -> f.name().equals(name))) {
                errors.add(new FieldError("/credentials/" + name, "not a field of this provider"));
            }
            if (values.get(name) != null && values.get(name).length() > 4096) {
                errors.add(new FieldError("/credentials/" + name, "at most 4096 characters"));
            }
        }
        if (!secrets.isEmpty() && descriptor.webhookSecret().isEmpty()) {
            errors.add(new FieldError("/webhookSecret", "this provider does not sign webhooks"));
        }
        // The descriptor's own check: messages name fields ("secret_key: required"), never values.
        for (String problem : descriptor.validate(new Credentials(values, secrets))) {
            int colon = problem.indexOf(':');
            String name = colon > 0 ? problem.substring(0, colon) : problem;
            boolean isSecretField = descriptor.webhookSecret().map(f -> f.name().equals(name)).orElse(false);
            errors.add(new FieldError(isSecretField ? "/webhookSecret" : "/credentials/" + name,
                    colon > 0 ? problem.substring(colon + 1).strip() : problem));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    /**
     * Endpoint fields (URLs the provider calls) must pass the egress policy the plugin's requests are held to: 422
     * {@code egress-refused} with a pointer to each refused field, before anything is stored. Requests are checked
     * again when sent, so a URL stored before the policy or its configuration changed is refused then.
     */
    private void refuseForbiddenEndpoints(LoadedProvider provider, Map<String, String> values) {
        List<FieldError> errors = new ArrayList<>();
        for (CredentialField field : provider.descriptor().credentialFields()) {
            String value = values.get(field.name());
            if (!field.endpoint() || value == null) {
                continue;
            }
            URI uri;
            try {
                uri = new URI(value.strip());
            } catch (java.net.URISyntaxException e) {
                errors.add(new FieldError("/credentials/" + field.name(), "not a URL"));
                continue;
            }
            plugins.egressPolicy().refusal(uri, plugins.allowedHosts(provider)).ifPresent(why ->
                    errors.add(new FieldError("/credentials/" + field.name(), "not allowed: " + why)));
        }
        if (!errors.isEmpty()) {
            throw new Unprocessable("egress-refused", "Destination not allowed",
                    errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are not allowed", errors);
        }
    }

    private static Map<String, String> hints(ProviderDescriptor descriptor, Map<String, String> values) {
        Map<String, String> hints = new LinkedHashMap<>();
        for (CredentialField field : descriptor.credentialFields()) {
            String value = values.get(field.name());
            if (value != null && !value.isBlank()) {
                hints.put(field.name(), field.secret() ? mask(value) : value);
            }
        }
        return hints;
    }

    /** The last four characters of a secret, and only when it is long enough that they reveal little. */
    static String mask(String secret) {
        return secret.length() >= 12 ? "…" + secret.substring(secret.length() - 4) : "…";
    }

    private ProviderAccountDao.Row row(TenantHandle tx, UUID id) {
        return tx.dao(ProviderAccountDao.class).find(tx.tenant(), id)
                .orElseThrow(() -> DomainException.notFound("Provider account"));
    }

    /** The account locked for a change of its secrets (see {@link ProviderAccountDao#lock}). */
    private ProviderAccountDao.Row lockedRow(TenantHandle tx, UUID id) {
        return tx.dao(ProviderAccountDao.class).lock(tx.tenant(), id)
                .orElseThrow(() -> DomainException.notFound("Provider account"));
    }

    private ProviderAccount view(TenantHandle tx, ProviderAccountDao.Row row) {
        List<ProviderAccount.WebhookSecretView> secrets = tx.dao(ProviderAccountDao.class)
                .activeSecrets(tx.tenant(), row.id(), clock.instant()).stream()
                .map(s -> new ProviderAccount.WebhookSecretView(s.id(), s.hint(), s.createdAt(), s.retireAt()))
                .toList();
        return new ProviderAccount(row.id(), row.providerId(), row.displayName(), webhookUrl(row.publicId()),
                row.credentialHints() == null ? Map.of() : row.credentialHints(), secrets, row.createdAt());
    }

    private static FieldContext credentialsField(TenantId tenant, UUID accountId) {
        return EncryptedColumns.PROVIDER_CREDENTIALS.field(tenant, accountId.toString());
    }

    private static FieldContext secretField(TenantId tenant, UUID secretId) {
        return EncryptedColumns.PROVIDER_WEBHOOK_SECRET.field(tenant, secretId.toString());
    }

    static String newPublicId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PUBLIC_ID_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private byte[] toJson(Map<String, String> values) {
        try {
            return json.writeValueAsBytes(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("credentials are not serialisable", e);
        }
    }

    private Map<String, String> fromJson(byte[] bytes) {
        try {
            return json.readValue(bytes, STRING_MAP);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("opened credentials are not a JSON object");
        }
    }

}

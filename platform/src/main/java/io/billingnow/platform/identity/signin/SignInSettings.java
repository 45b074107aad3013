package io.billingnow.platform.identity.signin;

import io.billingnow.platform.identity.users.Identity;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code signIn:} section: identity providers, session lifetimes, cookie and invitation keys, operators. */
public class SignInSettings {

    /** Identity providers by the name used in routes: {@code /auth/{name}/login}. */
    @Valid
    @NotNull
    @JsonProperty
    private Map<String, ProviderSettings> providers = new LinkedHashMap<>();

    /**
     * Keys (id: base64 secret of at least 256 bits) that sign session cookies; the first signs, all verify (rotation: prepend a new key, drop the old one once
     * the absolute lifetime has passed). Empty: a random key per process, which only suits development and tests.
     */
    @NotNull
    @JsonProperty
    private Map<String, String> cookieKeys = new LinkedHashMap<>();

    /** Keys that sign invitation tokens; the first signs, all verify. Empty: a random key per process. */
    @NotNull
    @JsonProperty
    private Map<String, String> invitationKeys = new LinkedHashMap<>();

    @NotNull
    @JsonProperty
    private Duration idleTimeout = Duration.minutes(30);

    @NotNull
    @JsonProperty
    private Duration absoluteLifetime = Duration.hours(12);

    /** How long a node trusts its cached copy of a session; the bound on how late another node sees a revocation. */
    @NotNull
    @JsonProperty
    private Duration sessionCacheTtl = Duration.seconds(15);

    @NotNull
    @JsonProperty
    private Duration invitationLifetime = Duration.days(7);

    /** How long a started sign-in may take at the identity provider. */
    @NotNull
    @JsonProperty
    private Duration pendingSignInTimeout = Duration.minutes(10);

    /** {@code POST /auth/dev/login}: sign in with any email address, without an identity provider. Never in production. */
    @JsonProperty
    private boolean devLogin;

    /**
     * Self-service sign-up: a signed-in person may create a business of their own (the web app's "Create a business").
     * Off for invitation-only deployments: the form is not shown and a sign-up is refused (403 sign-up-disabled).
     */
    @JsonProperty
    private boolean selfServiceSignUp = true;

    /** How many businesses one person may own before sign-up refuses another (409 business-limit-reached). */
    @jakarta.validation.constraints.Min(0)
    @JsonProperty
    private int maxBusinessesPerPerson = 10;

    /** The only identities admitted to the admin console through sign-in, by a name of our choosing. */
    @Valid
    @NotNull
    @JsonProperty
    private Map<String, OperatorIdentity> operators = new LinkedHashMap<>();

    public Map<String, ProviderSettings> getProviders() {
        return providers;
    }

    public Map<String, String> getCookieKeys() {
        return cookieKeys;
    }

    public Map<String, String> getInvitationKeys() {
        return invitationKeys;
    }

    public java.time.Duration getIdleTimeout() {
        return idleTimeout.toJavaDuration();
    }

    public java.time.Duration getAbsoluteLifetime() {
        return absoluteLifetime.toJavaDuration();
    }

    public java.time.Duration getSessionCacheTtl() {
        return sessionCacheTtl.toJavaDuration();
    }

    public java.time.Duration getInvitationLifetime() {
        return invitationLifetime.toJavaDuration();
    }

    public java.time.Duration getPendingSignInTimeout() {
        return pendingSignInTimeout.toJavaDuration();
    }

    public boolean isDevLogin() {
        return devLogin;
    }

    public boolean isSelfServiceSignUp() {
        return selfServiceSignUp;
    }

    public int getMaxBusinessesPerPerson() {
        return maxBusinessesPerPerson;
    }

    public Map<String, OperatorIdentity> getOperators() {
        return operators;
    }

    /** An identity allowed into the admin console; {@code auditor: true} makes it read-only. */
    public record OperatorIdentity(@NotNull String issuer, @NotNull String subject, Boolean auditor) {

        public boolean readOnly() {
            return Boolean.TRUE.equals(auditor);
        }
    }
}

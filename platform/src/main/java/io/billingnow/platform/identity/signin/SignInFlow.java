package io.billingnow.platform.identity.signin;

import io.billingnow.platform.identity.users.Identity;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.Unavailable;
import io.billingnow.platform.identity.users.UserAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.billingnow.platform.protection.monitoring.SecurityEvent;
import io.billingnow.platform.protection.monitoring.SecurityEventKind;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import io.billingnow.platform.identity.sessions.Sessions;
import io.billingnow.platform.identity.signin.SignInSettings.OperatorIdentity;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.credentials.Credentials;
import org.pac4j.core.exception.http.RedirectionAction;
import org.pac4j.core.exception.http.WithLocationAction;
import org.pac4j.oidc.client.OidcClient;
import org.pac4j.oidc.profile.OidcProfile;

/**
 * Drives a pac4j {@link OidcClient} through the two halves of the authorization code flow: the redirect to the
 * provider (state, nonce and PKCE verifier are created and parked in a {@link PendingSignIns} row), and the callback
 * (the pending row is consumed, the code exchanged, the ID token validated) which ends in a new session.
 */
public final class SignInFlow {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("io.billingnow.security");

    private final OidcProviders providers;
    private final PendingSignIns pending;
    private final UserAccounts users;
    private final Sessions sessions;
    private final List<OperatorIdentity> operators;
    private final ObjectMapper json;
    private final SecurityEvents events;

    public SignInFlow(OidcProviders providers, PendingSignIns pending, UserAccounts users, Sessions sessions,
                      List<OperatorIdentity> operators, ObjectMapper json, SecurityEvents events) {
        this.events = events;
        this.providers = providers;
        this.pending = pending;
        this.users = users;
        this.sessions = sessions;
        this.operators = List.copyOf(operators);
        this.json = json;
    }

    public record Redirect(URI location, String pendingHandle) {
    }

    public record Completed(Sessions.Issued session, String returnTo) {
    }

    public Redirect start(String provider, String purpose, String returnTo, URI requestUrl) {
        OidcClient client = ready(provider);
        AttemptStore store = new AttemptStore();
        RequestWebContext web = new RequestWebContext("GET", requestUrl, Map.of(), name -> null);
        RedirectionAction action;
        try {
            action = client.getRedirectionAction(new CallContext(web, store)).orElseThrow();
        } catch (RuntimeException e) {
            throw unavailable(provider, e);
        }
        State state = (State) store.get(web, client.getStateSessionAttributeName()).orElseThrow();
        String nonce = (String) store.get(web, client.getNonceSessionAttributeName()).orElseThrow();
        CodeVerifier verifier = (CodeVerifier) store.get(web, client.getCodeVerifierSessionAttributeName())
                .orElseThrow(() -> new IllegalStateException("PKCE is required"));
        String handle = pending.start(new PendingSignIns.Pending(provider, purpose, state.getValue(), nonce,
                verifier.getValue(), returnTo));
        return new Redirect(URI.create(((WithLocationAction) action).getLocation()), handle);
    }

    public Completed complete(String provider, String pendingHandle, String method, URI requestUrl,
                              Map<String, List<String>> parameters, String previousSession, String userAgent) {
        OidcClient client = ready(provider);
        PendingSignIns.Pending attempt = pending.consume(pendingHandle, provider).orElseThrow(() -> {
            signInFailed(provider, "callback without a pending sign-in in this browser");
            return SignInFailure.noPendingSignIn();
        });
        AttemptStore store = new AttemptStore();
        RequestWebContext web = new RequestWebContext(method, requestUrl, parameters, name -> null);
        store.set(web, client.getStateSessionAttributeName(), new State(attempt.state()));
        store.set(web, client.getNonceSessionAttributeName(), attempt.nonce());
        store.set(web, client.getCodeVerifierSessionAttributeName(), new CodeVerifier(attempt.codeVerifier()));
        CallContext ctx = new CallContext(web, store);

        Identity identity;
        try {
            Credentials credentials = client.getCredentials(ctx)
                    .orElseThrow(() -> new Rejected("the callback carries no valid authorization response"));
            Credentials validated = client.validateCredentials(ctx, credentials)
                    .orElseThrow(() -> new Rejected("the code could not be exchanged"));
            OidcProfile profile = (OidcProfile) client.getUserProfile(ctx, validated)
                    .orElseThrow(() -> new Rejected("no profile"));
            identity = identity(client, profile, parameters);
        } catch (RuntimeException e) {
            signInFailed(provider, describe(e));
            throw SignInFailure.rejected();
        }

        String kind = "user";
        if ("operator".equals(attempt.purpose())) {
            OperatorIdentity operator = operators.stream()
                    .filter(o -> o.issuer().equals(identity.issuer()) && o.subject().equals(identity.subject()))
                    .findFirst()
                    .orElseThrow(() -> {
                        events.record(new SecurityEvent(SecurityEventKind.OPERATOR_REFUSED, null, null, null,
                                null, "provider " + provider + ", issuer " + identity.issuer()
                                + ": identity not on the operator allow-list"));
                        return DomainException.forbidden("This identity is not allowed into the admin console");
                    });
            kind = operator.readOnly() ? "auditor" : "operator";
        }
        UUID user = users.signIn(identity);
        if (previousSession != null) {
            // Whatever session this browser had before is ended, never carried over into the new sign-in.
            sessions.revokeByCookie(previousSession);
        }
        Sessions.Issued issued = sessions.create(user, kind, userAgent);
        events.record(new SecurityEvent(SecurityEventKind.SIGNED_IN, null, null, null, "user:" + user,
                "provider " + provider + " as " + kind));
        return new Completed(issued, attempt.returnTo());
    }

    /** Reads the identity from the ID token, which pac4j has validated (signature, iss, aud, exp, nonce) by now. */
    private Identity identity(OidcClient client, OidcProfile profile, Map<String, List<String>> parameters) {
        if (profile.getIdTokenString() == null) {
            throw new Rejected("no ID token");
        }
        JWTClaimsSet claims;
        try {
            claims = JWTParser.parse(profile.getIdTokenString()).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new Rejected("unreadable ID token");
        }
        String expectedIssuer = client.getConfiguration().getOpMetadataResolver().load().getIssuer().getValue();
        String issuer = claims.getIssuer();
        String subject = claims.getSubject();
        if (!expectedIssuer.equals(issuer) || subject == null || subject.isBlank() || subject.length() > 255) {
            throw new Rejected("ID token issuer or subject unacceptable");
        }
        Object verified = claims.getClaim("email_verified");
        boolean emailVerified = Boolean.TRUE.equals(verified) || "true".equals(verified);
        String email = claims.getClaim("email") instanceof String s && s.length() <= 320 ? s : null;
        String name = claims.getClaim("name") instanceof String s ? s : appleFirstSignInName(parameters);
        return new Identity(issuer, subject, email, emailVerified, name == null ? null : truncate(name));
    }

    /** Apple posts the person's name once, at their first sign-in, outside the ID token. Used for display only. */
    private String appleFirstSignInName(Map<String, List<String>> parameters) {
        List<String> user = parameters.get("user");
        if (user == null || user.isEmpty() || user.get(0).length() > 2000) {
            return null;
        }
        try {
            JsonNode name = json.readTree(user.get(0)).path("name");
            String full = (name.path("firstName").asText("") + " " + name.path("lastName").asText("")).trim();
            return full.isEmpty() ? null : full;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The provider's client, initialised (its discovery document and keys fetched). pac4j gives up initialising after
     * a few failures and would then run uninitialised; we force a fresh initialisation on each use until one
     * succeeds, so an identity provider that was briefly unreachable does not disable sign-in until a restart.
     */
    private OidcClient ready(String provider) {
        OidcClient client = providers.client(provider).orElseThrow(() -> DomainException.notFound("Sign-in provider"));
        if (!client.isInitialized()) {
            synchronized (client) {
                if (!client.isInitialized()) {
                    try {
                        client.init(true);
                    } catch (RuntimeException e) {
                        throw unavailable(provider, e);
                    }
                }
            }
        }
        return client;
    }

    private void signInFailed(String provider, String reason) {
        events.record(new SecurityEvent(SecurityEventKind.SIGN_IN_FAILED, null, null, null, null,
                "provider " + provider + ": " + reason));
    }

    /** Not a security event: nobody failed to sign in, the identity provider failed us (no lockout counts it). */
    private static DomainException unavailable(String provider, RuntimeException e) {
        LOG.warn("Identity provider {} unavailable: {}", provider, SecurityEvents.clean(describe(e)));
        return new Unavailable("provider-unavailable", "Identity provider unavailable",
                "The identity provider cannot be reached right now; please try again later");
    }

    private static String truncate(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage());
        }
        if (e.getCause() != null && e.getCause() != e) {
            sb.append(" / ").append(e.getCause().getClass().getSimpleName()).append(": ")
                    .append(e.getCause().getMessage());
        }
        return sb.toString();
    }

    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message, null, false, false);
        }
    }
}

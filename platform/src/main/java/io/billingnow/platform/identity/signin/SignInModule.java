package io.billingnow.platform.identity.signin;

import io.billingnow.platform.identity.users.UserAccounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.SessionAuthenticator;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.members.InvitationTokens;
import io.billingnow.platform.identity.members.InvitationsResource;
import io.billingnow.platform.identity.members.MemberService;
import io.billingnow.platform.identity.members.MyInvitationsResource;
import io.billingnow.platform.identity.members.MembersResource;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import io.billingnow.platform.identity.sessions.CsrfGuard;
import io.billingnow.platform.identity.sessions.MeResource;
import io.billingnow.platform.identity.sessions.SessionCookie;
import io.billingnow.platform.identity.sessions.Sessions;
import io.billingnow.platform.identity.sessions.SigningKeys;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/** Sign-in, sessions and members, wired from the {@code signIn:} settings. */
public final class SignInModule {

    private final SignInSettings settings;
    private final Sessions sessions;
    private final CsrfGuard csrf;
    private final SessionRequestAuthenticator authenticator;
    private final UserAccounts users;
    private final MemberService members;
    private final SignInFlow flow;
    private final PlatformTransactions platform;
    private final TenantTransactions tenants;
    private final URI publicBaseUrl;
    private final SecurityEvents events;

    public SignInModule(SignInSettings settings, URI publicBaseUrl, PlatformTransactions platform,
                        TenantTransactions tenants, AuditLog audit, ObjectMapper json, Clock clock,
                        SecurityEvents events) {
        this.settings = settings;
        this.events = events;
        this.platform = platform;
        this.tenants = tenants;
        this.publicBaseUrl = publicBaseUrl;
        this.sessions = new Sessions(platform, new SessionCookie(SigningKeys.from(settings.getCookieKeys(),
                "session cookie")), clock, settings.getIdleTimeout(), settings.getAbsoluteLifetime(),
                settings.getSessionCacheTtl());
        this.csrf = new CsrfGuard(publicBaseUrl, events);
        this.authenticator = new SessionRequestAuthenticator(sessions, csrf, platform, tenants,
                List.copyOf(settings.getOperators().values()), events);
        this.users = new UserAccounts(platform, clock);
        this.members = new MemberService(platform, sessions,
                new InvitationTokens(SigningKeys.from(settings.getInvitationKeys(), "invitation"), clock), audit,
                clock, settings.getInvitationLifetime(), events);
        this.flow = new SignInFlow(new OidcProviders(settings.getProviders(), publicBaseUrl, clock),
                new PendingSignIns(platform, clock, settings.getPendingSignInTimeout()), users, sessions,
                List.copyOf(settings.getOperators().values()), json, events);
    }

    /** For {@code AccessControlFeature}: the session cookie as a credential. */
    public SessionAuthenticator sessionAuthenticator() {
        return authenticator;
    }

    /** The browser sessions, for pages that show who is signed in. */
    public Sessions sessions() {
        return sessions;
    }

    /** Memberships and invitations, for the web app's team page (the members API's own service). */
    public MemberService members() {
        return members;
    }

    /** Whether {@code POST /auth/dev/login} exists: exactly when {@code signIn.devLogin} is on. */
    public boolean devLogin() {
        return settings.isDevLogin();
    }

    /** The configured identity providers' names, as used in {@code /auth/{provider}/login}. */
    public List<String> providerNames() {
        return List.copyOf(new java.util.TreeSet<>(settings.getProviders().keySet()));
    }

    public void registerResources(JerseyEnvironment jersey) {
        jersey.register(new SignInResource(flow, sessions, csrf, publicBaseUrl,
                settings.getPendingSignInTimeout().toSeconds()));
        jersey.register(new MeResource(sessions, platform, events));
        jersey.register(new MembersResource(tenants, members));
        jersey.register(new InvitationsResource(tenants, members, users));
        jersey.register(new MyInvitationsResource(tenants, members, users));
        if (settings.isDevLogin()) {
            jersey.register(new DevLoginResource(users, sessions, tenants, members, events));
        }
    }
}

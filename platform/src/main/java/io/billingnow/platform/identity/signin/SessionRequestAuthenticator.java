package io.billingnow.platform.identity.signin;

import io.billingnow.platform.identity.users.UserAccounts;
import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.NotPermitted;
import io.billingnow.platform.identity.sessions.CsrfGuard;
import io.billingnow.platform.identity.sessions.SessionCookie;
import io.billingnow.platform.identity.sessions.Sessions;
import io.billingnow.platform.identity.auth.OperatorCaller;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.identity.auth.SessionAuthenticator;
import io.billingnow.platform.identity.auth.SignedInUser;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.members.Memberships;
import io.billingnow.platform.protection.monitoring.SecurityEvent;
import io.billingnow.platform.protection.monitoring.SecurityEventKind;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import io.billingnow.platform.identity.signin.SignInSettings.OperatorIdentity;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.core.TenantStatus;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The session cookie as a credential. Sessions belong to a person, not a tenant: a tenant request names its tenant
 * in {@value #TENANT_HEADER} (slug or id) and the person's membership there supplies the role.
 */
public final class SessionRequestAuthenticator implements SessionAuthenticator {

    public static final String TENANT_HEADER = "BillingNow-Tenant";

    private final Sessions sessions;
    private final CsrfGuard csrf;
    private final PlatformTransactions platform;
    private final TenantTransactions tenants;
    private final List<OperatorIdentity> operators;
    private final SecurityEvents events;

    public SessionRequestAuthenticator(Sessions sessions, CsrfGuard csrf, PlatformTransactions platform,
                                       TenantTransactions tenants, List<OperatorIdentity> operators,
                                       SecurityEvents events) {
        this.events = events;
        this.sessions = sessions;
        this.csrf = csrf;
        this.platform = platform;
        this.tenants = tenants;
        this.operators = List.copyOf(operators);
    }

    @Override
    public Optional<TenantCaller> tenantCaller(ContainerRequestContext request) {
        Optional<Sessions.Active> session = session(request, "user");
        if (session.isEmpty()) {
            return Optional.empty();
        }
        UUID user = session.get().userId();
        Tenant tenant = tenant(request.getHeaderString(TENANT_HEADER), user);
        Role role = tenants.read(tenant.id(), tx -> Memberships.role(tx, user))
                .map(Role::fromWireName)
                .orElseThrow(() -> notAMember(user));
        return Optional.of(new TenantCaller(tenant.id(), tenant.status(), role, "user", user.toString()));
    }

    @Override
    public Optional<OperatorCaller> operatorCaller(ContainerRequestContext request) {
        // The allow-list is consulted again on every request: removing someone from it locks them out at once.
        return session(request, "operator", "auditor").flatMap(s -> allowListed(s.userId())
                .map(o -> new OperatorCaller("user:" + s.userId(),
                        o.readOnly() || "auditor".equals(s.record().kind()))));
    }

    private Optional<OperatorIdentity> allowListed(UUID user) {
        List<UserAccounts.ProviderIdentity> identities = UserAccounts.identities(platform, user);
        return operators.stream()
                .filter(o -> identities.stream()
                        .anyMatch(i -> i.issuer().equals(o.issuer()) && i.subject().equals(o.subject())))
                .findFirst();
    }

    @Override
    public boolean carriesSession(ContainerRequestContext request) {
        return request.getCookies().containsKey(SessionCookie.NAME);
    }

    @Override
    public boolean carriesLiveSession(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(SessionCookie.NAME);
        return cookie != null && sessions.authenticate(cookie.getValue()).isPresent();
    }

    @Override
    public Optional<SignedInUser> signedInUser(ContainerRequestContext request) {
        return session(request, "user").map(s -> new SignedInUser(s.userId(), s.record().publicId()));
    }

    private Optional<Sessions.Active> session(ContainerRequestContext request, String... kinds) {
        Cookie cookie = request.getCookies().get(SessionCookie.NAME);
        if (cookie == null) {
            return Optional.empty();
        }
        Optional<Sessions.Active> session = sessions.authenticate(cookie.getValue())
                .filter(s -> java.util.Arrays.asList(kinds).contains(s.record().kind()));
        session.ifPresent(s -> csrf.check(request, s));
        return session;
    }

    private Tenant tenant(String reference, UUID user) {
        if (reference == null || reference.isBlank()) {
            throw DomainException.invalid("/headers/" + TENANT_HEADER,
                    "a signed-in request names its tenant in the " + TENANT_HEADER + " header (slug or id)");
        }
        String ref = reference.trim();
        Optional<Tenant> tenant = Tenants.byReference(platform, ref);
        // An unknown tenant and someone else's tenant answer alike.
        return tenant.filter(t -> t.status() != TenantStatus.OFFBOARDED)
                .orElseThrow(() -> notAMember(user));
    }

    /** A signed-in person naming a tenant they do not belong to: refused and recorded as a permission denial. */
    private DomainException notAMember(UUID user) {
        events.record(new SecurityEvent(SecurityEventKind.PERMISSION_DENIED, null, null, null, "user:" + user,
                "not-a-member"));
        return new NotPermitted("not-a-member", "Forbidden", "You are not a member of this tenant");
    }
}

package io.billingnow.platform.sessions;

import io.billingnow.platform.auth.OperatorCaller;
import io.billingnow.platform.auth.Role;
import io.billingnow.platform.auth.SessionAuthenticator;
import io.billingnow.platform.auth.SignedInUser;
import io.billingnow.platform.auth.TenantCaller;
import io.billingnow.platform.db.PlatformTransactions;
import io.billingnow.platform.db.TenantTransactions;
import io.billingnow.platform.http.ApiException;
import io.billingnow.platform.members.MembershipDao;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.TenantDao;
import io.billingnow.platform.tenancy.TenantStatus;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
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

    public SessionRequestAuthenticator(Sessions sessions, CsrfGuard csrf, PlatformTransactions platform,
                                       TenantTransactions tenants) {
        this.sessions = sessions;
        this.csrf = csrf;
        this.platform = platform;
        this.tenants = tenants;
    }

    @Override
    public Optional<TenantCaller> tenantCaller(ContainerRequestContext request) {
        Optional<Sessions.Active> session = session(request, "user");
        if (session.isEmpty()) {
            return Optional.empty();
        }
        UUID user = session.get().userId();
        Tenant tenant = tenant(request.getHeaderString(TENANT_HEADER));
        Role role = tenants.read(tenant.id(), tx -> tx.dao(MembershipDao.class).role(tx.tenant(), user))
                .map(Role::fromWireName)
                .orElseThrow(SessionRequestAuthenticator::notAMember);
        return Optional.of(new TenantCaller(tenant.id(), tenant.status(), role, "user", user.toString()));
    }

    @Override
    public Optional<OperatorCaller> operatorCaller(ContainerRequestContext request) {
        return session(request, "operator", "auditor").map(s -> new OperatorCaller("user:" + s.userId(), "auditor".equals(s.record().kind())));
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

    private Tenant tenant(String reference) {
        if (reference == null || reference.isBlank()) {
            throw ApiException.invalid("/headers/" + TENANT_HEADER,
                    "a signed-in request names its tenant in the " + TENANT_HEADER + " header (slug or id)");
        }
        String ref = reference.trim();
        Optional<Tenant> tenant = platform.withDao(TenantDao.class, dao -> {
            try {
                return dao.byId(UUID.fromString(ref));
            } catch (IllegalArgumentException notAnId) {
                return dao.bySlug(ref);
            }
        });
        // An unknown tenant and someone else's tenant answer alike.
        return tenant.filter(t -> t.status() != TenantStatus.OFFBOARDED)
                .orElseThrow(SessionRequestAuthenticator::notAMember);
    }

    private static ApiException notAMember() {
        return new ApiException(403, "not-a-member", "Forbidden", "You are not a member of this tenant");
    }
}

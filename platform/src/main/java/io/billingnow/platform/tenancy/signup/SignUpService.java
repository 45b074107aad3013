package io.billingnow.platform.tenancy.signup;

import io.billingnow.platform.core.TenantStatus;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.FieldError;
import io.billingnow.platform.core.errors.NotPermitted;
import io.billingnow.platform.core.errors.StateConflict;
import io.billingnow.platform.core.errors.Throttled;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.identity.members.MemberService;
import io.billingnow.platform.protection.monitoring.SecurityEvent;
import io.billingnow.platform.protection.monitoring.SecurityEventKind;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import io.billingnow.platform.protection.ratelimit.RateLimiter;
import io.billingnow.platform.protection.ratelimit.RouteClass;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.TenantDefinition;
import io.billingnow.platform.tenancy.TenantService;
import io.billingnow.platform.tenancy.TenantSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Self-service sign-up: a signed-in person creates a business of their own and becomes its owner. The business is
 * provisioned by the operators' own {@link TenantService#provision} (its data key and default numbering come from the
 * same listeners and defaults), in the transaction of its new id, together with the owner's membership and both audit
 * entries. What a stranger types is hostile input: the tenant definition's rules apply, plus reserved slugs, no
 * control characters in the name, a rate limit per person and a cap on the businesses one person owns.
 */
public final class SignUpService {

    /** The problem type of a sign-up an operator switched off ({@code signIn.selfServiceSignUp: false}). */
    public static final String DISABLED = "sign-up-disabled";

    /** The problem type of a person who already owns as many businesses as they may. */
    public static final String LIMIT = "business-limit-reached";

    /**
     * Slugs nobody may take by signing up: the platform's own route names and words that would let a business pose as
     * the platform or its staff in an address ({@code /t/admin/}). Operators may still provision them.
     */
    static final Set<String> RESERVED = Set.of("account", "accounts", "admin", "administrator", "api", "app", "apps",
            "assets", "auth", "billing", "billingnow", "businesses", "dashboard", "dev", "docs", "help", "login",
            "logout", "mail", "new", "official", "operator", "operators", "pay", "root", "security", "settings",
            "signin", "sign-in", "signup", "sign-up", "staff", "static", "status", "support", "system", "t", "team",
            "test", "v1", "webhooks", "www");

    /** What the person asks for. */
    public record SignUp(String name, String slug, String country, String currency) {
    }

    private final TenantService tenants;
    private final MemberService members;
    private final RateLimiter limiter;
    private final SecurityEvents events;
    private final boolean enabled;
    private final int maxBusinessesPerPerson;

    public SignUpService(TenantService tenants, MemberService members, RateLimiter limiter, SecurityEvents events,
                         boolean enabled, int maxBusinessesPerPerson) {
        this.tenants = tenants;
        this.members = members;
        this.limiter = limiter;
        this.events = events;
        this.enabled = enabled;
        this.maxBusinessesPerPerson = maxBusinessesPerPerson;
    }

    /** Whether operators allow self-service sign-up here ({@code signIn.selfServiceSignUp}). */
    public boolean enabled() {
        return enabled;
    }

    /** Refuses (403 {@value #DISABLED}) when operators switched self-service sign-up off. */
    public void requireEnabled() {
        if (!enabled) {
            throw new NotPermitted(DISABLED, "Forbidden",
                    "Creating a business is switched off here: ask an owner to invite you");
        }
    }

    /**
     * Creates the business in the caller's transaction, which must be that of a fresh tenant id
     * ({@code tenantTx.write(TenantId.random(), tx -> signUp.signUp(tx, user, request))}).
     *
     * @throws DomainException 403 {@value #DISABLED}; 429 {@code rate-limited}; 422 invalid-tenant-definition with a
     *                         pointer per field; 409 tenant-exists (pointing at {@code /slug}) or {@value #LIMIT}
     */
    public Tenant signUp(TenantHandle tx, UUID user, SignUp request) {
        requireEnabled();
        String person = "user:" + user;
        Optional<Duration> wait = limiter.refusal(RouteClass.SIGN_UP, RateLimiter.Scope.CREDENTIAL, person);
        if (wait.isPresent()) {
            events.record(new SecurityEvent(SecurityEventKind.RATE_LIMITED, RouteClass.SIGN_UP, null, null, person,
                    "sign-up rate limit"));
            throw new Throttled("rate-limited", "Too many requests",
                    "Too many attempts to create a business; try again later", wait.get());
        }
        TenantDefinition definition = validated(request);
        if (members.ownedBusinessesLocked(tx, user) >= maxBusinessesPerPerson) {
            throw new StateConflict(LIMIT, "Business limit reached", "You already own "
                    + maxBusinessesPerPerson + " businesses, the most one person may create here");
        }
        Tenant created;
        try {
            created = tenants.provision(tx, definition,
                    new TenantCaller(tx.tenant(), TenantStatus.ACTIVE, Role.OWNER, "user", user.toString()));
        } catch (StateConflict e) {
            if ("tenant-exists".equals(e.slug())) {
                throw new StateConflict("tenant-exists", e.title(), "This address is taken: choose another",
                        List.of(new FieldError("/slug", "already taken")));
            }
            throw e;
        }
        members.founder(tx, user);
        return created;
    }

    /** The tenant definition's rules and the sign-up's own, every problem reported at once. */
    static TenantDefinition validated(SignUp request) {
        TenantDefinition definition = new TenantDefinition(trim(request.slug()), trim(request.name()),
                trim(request.country()), trim(request.currency()), TenantSettings.defaults());
        List<FieldError> errors = new ArrayList<>();
        try {
            definition.validate();
        } catch (DomainException e) {
            errors.addAll(e.errors());
        }
        if (definition.slug() != null && RESERVED.contains(definition.slug())) {
            errors.add(new FieldError("/slug", "reserved: choose another"));
        }
        if (definition.name() != null && definition.name().codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("/name", "no control characters"));
        }
        if (!errors.isEmpty()) {
            throw TenantDefinition.invalid(errors);
        }
        return definition;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

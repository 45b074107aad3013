package io.billingnow.platform.protection.monitoring;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.AccessRefusals;
import io.billingnow.platform.identity.auth.Caller;
import io.billingnow.platform.identity.auth.TenantCaller;
import java.util.Optional;

/**
 * The access checks' refusals as security events. A credential valid for nothing is an {@code authentication_failed}
 * event on its fingerprint (which the lockout rules count); a refused valid caller is {@code permission_denied}.
 * While the client's address is locked out, {@link RequestGuardFilter} lets a request carrying a credential through
 * to be verified here: a valid one proceeds, anything else gets the lockout's 429.
 */
public final class MonitoredAccessRefusals implements AccessRefusals {

    private final SecurityEvents events;

    public MonitoredAccessRefusals(SecurityEvents events) {
        this.events = events;
    }

    @Override
    public RuntimeException unauthenticated(boolean credentialInvalid) {
        Optional<GuardedRequest> request = GuardedRequest.current();
        if (credentialInvalid && request.isPresent() && request.get().subject() != null) {
            events.record(new SecurityEvent(SecurityEventKind.AUTHENTICATION_FAILED, request.get().routeClass(),
                    null, request.get().address(), request.get().subject(), "credential refused"));
        }
        return addressLockedOut().orElseGet(DomainException::unauthorized);
    }

    @Override
    public Optional<RuntimeException> addressLockedOut() {
        return GuardedRequest.current()
                .map(GuardedRequest::addressLockout)
                .map(lockout -> new LockedOutException(events.lockouts().remaining(lockout)));
    }

    @Override
    public DomainException denied(Caller caller, DomainException refusal) {
        GuardedRequest request = GuardedRequest.current().orElse(null);
        events.record(new SecurityEvent(SecurityEventKind.PERMISSION_DENIED,
                request == null ? null : request.routeClass(),
                caller instanceof TenantCaller tenant ? tenant.tenant() : null,
                request == null ? null : request.address(),
                caller != null ? caller.getName() : request == null ? null : request.subject(),
                refusal.slug()));
        return refusal;
    }
}

package io.billingnow.platform.offboarding;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.http.ETags;
import io.billingnow.platform.tenancy.Tenant;

/**
 * The body of {@code POST /admin/v1/tenants/{id}/offboard}: {@code {"confirm": "<the tenant's slug>"}}. Offboarding
 * destroys the tenant's keys and cannot be undone, so it takes the version the operator looked at ({@code If-Match})
 * and the slug typed out, not just a click on the wrong row.
 */
public record OffboardingRequest(String confirm) {

    /** Checked against the locked current tenant, in the offboarding transaction. */
    public void check(Tenant current, String ifMatch) {
        ETags.requireMatch(ifMatch, current.version());
        if (!current.slug().equals(confirm)) {
            throw DomainException.invalid("/confirm", "must be the tenant's slug, \"" + current.slug()
                    + "\", to confirm offboarding (export its data first: GET /admin/v1/tenants/" + current.id()
                    + "/export)");
        }
    }
}

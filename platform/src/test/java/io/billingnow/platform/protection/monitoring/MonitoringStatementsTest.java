package io.billingnow.platform.protection.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.RawHttp;
import io.billingnow.platform.testing.StatementCount;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SQL statements the guard's own work costs a request, counted by the platform's {@code db.statements} meter:
 * the lockout check, recording a security event (the platform's list, the alert window, the tenant's audit trail
 * when it has a tenant) and the operators' listings. Pinned so that moving the SQL (into DAOs, say) cannot add a
 * round trip unnoticed.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MonitoringStatementsTest {

    static final TestPlatform platform = new TestPlatform(StatementCount.QUIET_JOBS);

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    private static long statements(Runnable request) {
        return StatementCount.during(APP, request);
    }

    /** Among them the lockout check, the key's lookup (none found), the event into the list and its alert windows. */
    @Test
    void anUnknownApiKeyCostsItsLookupItsSecurityEventAndItsAlertWindow() {
        String forged = "bnk_" + "S".repeat(43);
        long refused = statements(() -> assertThat(RawHttp.get(platform, "/v1/customers", forged).statusCode())
                .isEqualTo(401));
        assertThat(refused).isEqualTo(6);
    }

    /**
     * Lockout check, key lookup, then the event: into the list, into the tenant's audit trail (tenant binding, lock
     * the chain's head, append), its alert window.
     */
    @Test
    void aTenantsPermissionDenialIsAlsoWrittenToItsAuditTrail() {
        Tenant tenant = platform.createTenant("denied-statements", "EUR");
        String viewer = platform.apiKey(tenant, Role.VIEWER);
        long refused = statements(() -> assertThat(RawHttp.post(platform, "/v1/customers", viewer,
                "{\"name\":\"Nope\"}").statusCode()).isEqualTo(403));
        assertThat(refused).isEqualTo(7);
    }

    /** Lockout check, the operator token's lookup, one page query. */
    @Test
    void aPageOfSecurityEventsIsOneQuery() {
        String auditor = platform.operatorToken(true);
        long listing = statements(() -> assertThat(platform.getJson("/admin/v1/security/events?limit=5", auditor,
                200).get("data")).isNotNull());
        assertThat(listing).isEqualTo(3);
    }

    /** Lockout check, token lookup; expired lockouts deleted, the rest listed. */
    @Test
    void listingLockoutsDeletesTheExpiredAndReadsTheRest() {
        String auditor = platform.operatorToken(true);
        long listing = statements(() -> assertThat(platform.getJson("/admin/v1/security/lockouts", auditor, 200)
                .get("data")).isNotNull());
        assertThat(listing).isEqualTo(4);
    }

    /** Lockout check, token lookup, the delete, and the lift's own security event. */
    @Test
    void liftingLockoutsIsOneDeleteAndItsSecurityEvent() {
        String operator = platform.operatorToken(false);
        long lifting = statements(() -> assertThat(TestPlatform.buffered(platform.request(
                "/admin/v1/security/lockouts?target=address:192.0.2.7", operator).delete()).getStatus())
                .isEqualTo(200));
        assertThat(lifting).isEqualTo(4);
    }
}

package io.billingnow.platform.admin;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.protection.monitoring.SecurityEvent;
import io.billingnow.platform.protection.monitoring.SecurityEventKind;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import io.billingnow.platform.identity.auth.RequiresOperator;
import io.billingnow.platform.keys.KeyActor;
import io.billingnow.platform.keys.KeyInfo;
import io.billingnow.platform.keys.Keys;
import io.billingnow.platform.keys.ReencryptionStatus;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.tenancy.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;

/**
 * Operators' key management: a tenant's key inventory (versions, states, dates, usage counts, never key material),
 * data-key rotation, re-encryption status, and finishing a master-key rotation. Crypto-shredding is offboarding.
 */
@Path("/admin/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
public final class AdminKeysResource {

    private final Keys keys;
    private final PlatformTransactions platform;
    private final SecurityEvents events;

    public AdminKeysResource(Keys keys, PlatformTransactions platform, SecurityEvents events) {
        this.keys = keys;
        this.platform = platform;
        this.events = events;
    }

    public record Inventory(String tenantId, List<KeyInfo> keys) {
    }

    public record MasterKeyStatus(String masterKeyId, String previousMasterKeyId) {
    }

    public record Rewrapped(String masterKeyId, int rewrapped) {
    }

    @Operation(summary = "Show a tenant's data keys",
            description = "Versions and states of the tenant's data-encryption keys; no key material.")
    @GET
    @Path("/tenants/{id}")
    @RequiresOperator(readOnly = true)
    public Inventory inventory(@PathParam("id") UUID id) {
        TenantId tenant = existing(id);
        return new Inventory(tenant.toString(), keys.tenantKeys().inventory(tenant));
    }

    @Operation(summary = "Rotate a tenant's data key",
            description = "New data is encrypted with a new data key; existing data is re-encrypted in the "
            + "background. 409 keys-destroyed for an offboarded tenant.")
    @POST
    @Path("/tenants/{id}/rotate")
    @RequiresOperator
    public KeyInfo rotate(@Context SecurityContext security, @PathParam("id") UUID id) {
        TenantId tenant = existing(id);
        if (keys.tenantKeys().inventory(tenant).stream().anyMatch(k -> "destroyed".equals(k.state()))) {
            throw DomainException.conflict("keys-destroyed", "This tenant's keys were destroyed");
        }
        KeyInfo rotated = keys.tenantKeys().rotate(tenant, KeyActor.of(Callers.operator(security)));
        keyOperation(security, "rotated the data key of tenant " + tenant);
        return rotated;
    }

    @Operation(summary = "Show a tenant's re-encryption progress")
    @GET
    @Path("/tenants/{id}/reencryption")
    @RequiresOperator(readOnly = true)
    public ReencryptionStatus reencryptionStatus(@PathParam("id") UUID id) {
        return keys.reencryption().status(existing(id));
    }

    /** Runs the tenant's re-encryption now instead of waiting for the background job. */
    @Operation(summary = "Re-encrypt a tenant's data now",
            description = "Runs the re-encryption now instead of waiting for the background job.")
    @POST
    @Path("/tenants/{id}/reencryption")
    @RequiresOperator
    public ReencryptionStatus reencryptNow(@Context SecurityContext security, @PathParam("id") UUID id) {
        ReencryptionStatus status = keys.reencryption().run(existing(id));
        keyOperation(security, "re-encrypted tenant " + id);
        return status;
    }

    @Operation(summary = "Show the master key status")
    @GET
    @Path("/master")
    @RequiresOperator(readOnly = true)
    public MasterKeyStatus master() {
        return new MasterKeyStatus(keys.masterKey().id(),
                keys.previousMasterKey() == null ? null : keys.previousMasterKey().id());
    }

    /**
     * Re-wraps every data key still under the previous master key with the current one (startup does the same).
     * Nothing to do unless keys.previousMasterKey is configured.
     */
    @Operation(summary = "Re-wrap data keys under the current master key",
            description = "Re-wraps every data key still under the previous master key (keys.previousMasterKey) "
            + "with the current one; 409 no-previous-master-key when none is configured.")
    @POST
    @Path("/master/rewrap")
    @RequiresOperator
    public Rewrapped rewrap(@Context SecurityContext security) {
        if (keys.previousMasterKey() == null) {
            throw DomainException.conflict("no-previous-master-key",
                    "No previous master key is configured (keys.previousMasterKey): there is nothing to re-wrap");
        }
        int count = keys.masterRotation().rewrapAll(keys.previousMasterKey(), keys.masterKey(),
                KeyActor.of(Callers.operator(security)));
        keyOperation(security, "re-wrapped " + count + " data keys under master key " + keys.masterKey().id());
        return new Rewrapped(keys.masterKey().id(), count);
    }

    /** Key operations are security events, named by the operator who ran them. */
    private void keyOperation(SecurityContext security, String what) {
        events.record(new SecurityEvent(SecurityEventKind.KEY_OPERATION, null, null, null,
                Callers.operator(security).getName(), what));
    }

    private TenantId existing(UUID id) {
        TenantId tenant = new TenantId(id);
        Tenants.byId(platform, tenant).orElseThrow(() -> DomainException.notFound("Tenant"));
        return tenant;
    }
}

package io.billingnow.platform.tenancy.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.http.ETags;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.json.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The business's own settings ({@link BusinessSettingsService}) and logo ({@link LogoService}): owners only
 * ({@code TENANT_SETTINGS_MANAGE}), the same service the settings page calls.
 */
@Path("/v1/settings")
@Produces(MediaType.APPLICATION_JSON)
public final class SettingsResource {

    private final TenantTransactions transactions;
    private final BusinessSettingsService settings;
    private final LogoService logos;

    public SettingsResource(TenantTransactions transactions, BusinessSettingsService settings, LogoService logos) {
        this.transactions = transactions;
        this.settings = settings;
        this.logos = logos;
    }

    @Operation(summary = "Get the business's settings",
            description = "The seller details printed on invoices, numbering patterns, payment terms, default currency "
            + "and language, the logo's description, and `readOnlyFields`: the fields the operator's tenants-config "
            + "file sets, which only that file changes. The ETag header is the version for If-Match.")
    @GET
    @RequiresPermission(Permission.TENANT_SETTINGS_MANAGE)
    public Response get(@Context SecurityContext security) {
        TenantCaller caller = Callers.tenant(security);
        BusinessSettings current = transactions.read(caller.tenant(), settings::get);
        return Response.ok(current).tag(ETags.of(current.version())).build();
    }

    @Operation(summary = "Change the business's settings",
            description = "A JSON merge patch (RFC 7396) of the editable fields; `null` empties an optional field and "
            + "resets a setting to its default. Needs If-Match. 422 `invalid-tenant-definition` with a pointer per "
            + "invalid field; 409 `tenant-managed-by-config` for a field in `readOnlyFields`.")
    @PATCH
    @Consumes(MergePatch.MEDIA_TYPE)
    @RequiresPermission(Permission.TENANT_SETTINGS_MANAGE)
    public Response patch(@Context SecurityContext security, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = BusinessSettingsFields.class))) @NotNull JsonNode patch) {
        TenantCaller caller = Callers.tenant(security);
        BusinessSettings updated = transactions.write(caller.tenant(),
                tx -> settings.patch(tx, patch, caller, version -> ETags.requireMatch(ifMatch, version)));
        return Response.ok(updated).tag(ETags.of(updated.version())).build();
    }

    @Operation(summary = "Get the business's logo",
            description = "The image as stored (PNG or JPEG, re-encoded by the platform); 404 when there is none.")
    @GET
    @Path("/logo")
    @Produces({"image/png", "image/jpeg"})
    @RequiresPermission(Permission.TENANT_SETTINGS_MANAGE)
    public Response logo(@Context SecurityContext security) {
        TenantCaller caller = Callers.tenant(security);
        Logo logo = transactions.read(caller.tenant(), tx -> logos.get(tx))
                .orElseThrow(() -> io.billingnow.platform.core.errors.DomainException.notFound("Logo"));
        return LogoResponses.image(logo);
    }

    @Operation(summary = "Set the business's logo",
            description = "The request body is the image itself: PNG or JPEG, at most 512 KiB, 16 to 2048 pixels wide "
            + "and high. The type is read from the bytes, not from Content-Type; SVG is refused. The platform stores "
            + "the image re-encoded (no metadata, nothing but pixels). 413 `logo-too-large`, 422 `invalid-logo`.")
    @PUT
    @Path("/logo")
    @Consumes(MediaType.WILDCARD)
    @RequiresPermission(Permission.TENANT_SETTINGS_MANAGE)
    public LogoInfo putLogo(@Context SecurityContext security,
            @RequestBody(content = {@Content(mediaType = "image/png"), @Content(mediaType = "image/jpeg")})
            byte[] image) {
        TenantCaller caller = Callers.tenant(security);
        return transactions.write(caller.tenant(), tx -> logos.put(tx, image == null ? new byte[0] : image, caller));
    }

    @Operation(summary = "Remove the business's logo")
    @DELETE
    @Path("/logo")
    @RequiresPermission(Permission.TENANT_SETTINGS_MANAGE)
    public Response removeLogo(@Context SecurityContext security) {
        TenantCaller caller = Callers.tenant(security);
        transactions.perform(caller.tenant(), tx -> logos.remove(tx, caller));
        return Response.noContent().build();
    }
}

package io.billingnow.platform.web.settings;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.InvalidInput;
import io.billingnow.platform.core.errors.PayloadTooLarge;
import io.billingnow.platform.core.errors.PreconditionFailed;
import io.billingnow.platform.core.errors.StateConflict;
import io.billingnow.platform.core.errors.Unprocessable;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.tenancy.settings.BusinessSettings;
import io.billingnow.platform.tenancy.settings.BusinessSettingsService;
import io.billingnow.platform.tenancy.settings.Logo;
import io.billingnow.platform.tenancy.settings.LogoResponses;
import io.billingnow.platform.tenancy.settings.LogoService;
import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.PageContexts;
import io.billingnow.platform.web.shell.Section;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import io.billingnow.platform.web.shell.WebResponses;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * The business's settings page: the same {@link BusinessSettingsService} and {@link LogoService} as
 * {@code /v1/settings}, under the same permission (owners only). The settings form is a plain form; the logo is
 * uploaded through htmx (a file needs {@code multipart/form-data}, and the CSRF check reads the form field only from
 * URL-encoded bodies, so the upload carries the token in htmx's {@code X-CSRF-Token} header: without JavaScript the
 * logo cannot be uploaded, everything else works).
 */
@Path("/t/{tenant}/settings")
@Hidden
public final class SettingsPageResource {

    private final TenantTransactions transactions;
    private final BusinessSettingsService settings;
    private final LogoService logos;
    private final PageContexts pages;

    public SettingsPageResource(TenantTransactions transactions, BusinessSettingsService settings, LogoService logos,
                                PageContexts pages) {
        this.transactions = transactions;
        this.settings = settings;
        this.logos = logos;
        this.pages = pages;
    }

    private record Read(TenantShell shell, BusinessSettings settings) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.TENANT_SETTINGS_MANAGE)
    public Response page(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                         @PathParam("tenant") String tenant,
                         @QueryParam(WebResponses.NOTICE) String notice) {
        Read read = read(Callers.tenant(security));
        return WebResponses.page(new SettingsPage(pages.of(headers, uri), read.shell(), read.settings(),
                SettingsForm.values(read.settings()), FormErrors.NONE, FormErrors.NONE));
    }

    /** Saves the whole form; a refusal shows the form again with what was typed and what was wrong. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.TENANT_SETTINGS_MANAGE)
    public Response save(@Context SecurityContext security, @Context HttpHeaders headers,
                         @PathParam("tenant") String tenant, MultivaluedMap<String, String> form) {
        TenantCaller caller = Callers.tenant(security);
        try {
            int version = version(form.getFirst("version"));
            transactions.perform(caller.tenant(), tx -> settings.update(tx, SettingsForm.fields(form), caller,
                    current -> {
                        if (current != version) {
                            throw DomainException.preconditionFailed("changed-meanwhile");
                        }
                    }));
        } catch (InvalidInput | Unprocessable | StateConflict | PreconditionFailed refusal) {
            Read read = read(caller);
            WebContext context = pages.of(headers);
            FormErrors errors = refusal instanceof PreconditionFailed
                    ? FormErrors.summary(context.messages().all().get("settings_changed_meanwhile"))
                    : FormErrors.of(refusal);
            int status = refusal instanceof StateConflict || refusal instanceof PreconditionFailed ? 409 : 422;
            return WebResponses.page(status, new SettingsPage(context, read.shell(), read.settings(),
                    SettingsForm.values(form), errors, FormErrors.NONE));
        }
        return WebResponses.seeOther(base(tenant), "settings_saved");
    }

    /**
     * Sets the logo from an htmx upload ({@code multipart/form-data}, the token in {@code X-CSRF-Token}). htmx follows
     * {@code HX-Redirect}; a refused file answers the page again (htmx swaps the body) with the logo's error.
     */
    @POST
    @Path("/logo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.TENANT_SETTINGS_MANAGE)
    public Response uploadLogo(@Context SecurityContext security, @Context HttpHeaders headers,
                               @PathParam("tenant") String tenant, byte[] body) {
        TenantCaller caller = Callers.tenant(security);
        try {
            byte[] image = MultipartUpload.file(headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                    body == null ? new byte[0] : body, "logo");
            transactions.perform(caller.tenant(), tx -> logos.put(tx, image, caller));
        } catch (InvalidInput | Unprocessable | PayloadTooLarge refusal) {
            Read read = read(caller);
            // 200: htmx swaps only successful answers; the page says what was wrong (role="alert").
            return WebResponses.page(200, new SettingsPage(pages.of(headers), read.shell(), read.settings(),
                    SettingsForm.values(read.settings()), FormErrors.NONE, FormErrors.of(refusal)));
        }
        String target = base(tenant) + "?" + WebResponses.NOTICE + "=settings_logo_saved";
        return Response.ok().header("HX-Redirect", target).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("/logo/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.TENANT_SETTINGS_MANAGE)
    public Response removeLogo(@Context SecurityContext security, @PathParam("tenant") String tenant,
                               MultivaluedMap<String, String> form) {
        TenantCaller caller = Callers.tenant(security);
        transactions.perform(caller.tenant(), tx -> logos.remove(tx, caller));
        return WebResponses.seeOther(base(tenant), "settings_logo_removed");
    }

    /** The logo for the business's pages: every member sees the header, so every role may read it. */
    @GET
    @Path("/logo")
    @RequiresPermission(Permission.INVOICES_READ)
    public Response logo(@Context SecurityContext security,
                         @QueryParam("v") String logoVersion) {
        // "v" only makes the address change with the logo (the header's image is then never a stale one).
        TenantCaller caller = Callers.tenant(security);
        Logo logo = transactions.read(caller.tenant(), tx -> logos.get(tx))
                .orElseThrow(() -> DomainException.notFound("Logo"));
        return LogoResponses.image(logo);
    }

    private Read read(TenantCaller caller) {
        return transactions.read(caller.tenant(),
                tx -> new Read(TenantShell.of(tx, caller, Section.SETTINGS), settings.get(tx)));
    }

    private static int version(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("/version", "the form is incomplete; reload the page");
        }
    }

    /** The page's own address: the slug was checked against the caller's membership before we got here. */
    private static String base(String tenant) {
        return "/t/" + tenant + "/settings";
    }

}

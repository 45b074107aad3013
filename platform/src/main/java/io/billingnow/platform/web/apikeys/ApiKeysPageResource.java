package io.billingnow.platform.web.apikeys;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.apikeys.ApiKeyService;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.FormRefusals;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A business's API keys: the list (never a secret), creating one, revoking one, with the API's service
 * ({@link ApiKeyService}: only an owner creates an owner key) under the API's permission ({@code API_KEYS_MANAGE}).
 * A new key's secret is shown once, on the page that answers the creating POST (not stored by any cache, never in a
 * URL): there is no redirect to carry it and no later page can show it, because only its hash is kept.
 */
@Path("/t/{tenant}/api-keys")
@Hidden
public final class ApiKeysPageResource {

    private final TenantTransactions transactions;
    private final ApiKeyService keys;
    private final PageContexts pages;

    public ApiKeysPageResource(TenantTransactions transactions, ApiKeyService keys, PageContexts pages) {
        this.transactions = transactions;
        this.keys = keys;
        this.pages = pages;
    }

    /** What the person typed into the creation form, shown again after a refusal. */
    public record Draft(String name, String role, String expires) {
        static final Draft EMPTY = new Draft("", Role.DEVELOPER.wireName(), "");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.API_KEYS_MANAGE)
    public Response list(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                         @QueryParam(WebResponses.NOTICE) String notice) {
        // The notice is declared so the strict query check lets it through; PageContexts reads and vets it.
        return WebResponses.page(page(Callers.tenant(security), headers, uri, FormErrors.NONE, Draft.EMPTY));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.API_KEYS_MANAGE)
    public Response create(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                           MultivaluedMap<String, String> form) {
        TenantCaller caller = Callers.tenant(security);
        Draft draft = new Draft(value(form, "name").strip(), value(form, "role"), value(form, "expires").strip());
        // The session is looked up before the tenant transaction opens: it is platform data with its own transaction.
        WebContext context = pages.of(headers);
        try {
            ApiKeyCreatedPage created = transactions.write(caller.tenant(), tx -> {
                ApiKeyService.IssuedKey issued = keys.create(tx, caller, draft.name(), Role.fromInput(draft.role()),
                        expiresAt(draft.expires()));
                return new ApiKeyCreatedPage(context,
                        TenantShell.of(tx, caller, Section.API_KEYS), issued);
            });
            // Rendered from the POST itself, under no-store: the secret never travels in a URL or a redirect.
            return WebResponses.page(created);
        } catch (DomainException refused) {
            int status = FormRefusals.statusOrRethrow(refused);
            return WebResponses.page(status, page(caller, headers, uri, FormErrors.of(refused), draft));
        }
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.API_KEYS_MANAGE)
    public Response revoke(@Context SecurityContext security, @PathParam("id") UUID id) {
        TenantCaller caller = Callers.tenant(security);
        // Another business's key, or one that never existed, is the service's "not found": the 404 page.
        String base = transactions.write(caller.tenant(), tx -> {
            keys.revoke(tx, id, caller);
            return TenantShell.of(tx, caller, Section.API_KEYS).base();
        });
        return WebResponses.seeOther(base + Section.API_KEYS.path(), "api_keys_revoked");
    }

    private ApiKeysPage page(TenantCaller caller, HttpHeaders headers, UriInfo uri, FormErrors errors, Draft draft) {
        WebContext context = pages.of(headers, uri);
        return transactions.read(caller.tenant(), tx -> new ApiKeysPage(context,
                TenantShell.of(tx, caller, Section.API_KEYS), keys.list(tx), errors, draft));
    }

    /** The form's optional expiry day: the key stops working at the start of that day (UTC). */
    private static Instant expiresAt(String day) {
        if (day.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("/expiresAt", "a date (YYYY-MM-DD)");
        }
    }

    private static String value(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value;
    }
}

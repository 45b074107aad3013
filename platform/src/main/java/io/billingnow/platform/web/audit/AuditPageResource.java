package io.billingnow.platform.web.audit;

import io.billingnow.platform.audit.AuditChainVerifier;
import io.billingnow.platform.audit.AuditTrail;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.FormRefusals;
import io.billingnow.platform.web.shell.PageContexts;
import io.billingnow.platform.web.shell.Section;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import io.billingnow.platform.web.shell.WebResponses;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * A business's audit log: its own events in chain order with the API's entity filter and cursor paging
 * ({@link AuditTrail}, the reader of {@code GET /v1/audit-events}), and the verification of its own hash chain
 * ({@link AuditChainVerifier}, the walk the CLI and the operators' API run). Both read in the business's tenant
 * transaction, where row-level security shows no other business's entries. Permission: {@code AUDIT_READ}.
 */
@Path("/t/{tenant}/audit")
@Hidden
public final class AuditPageResource {

    private final TenantTransactions transactions;
    private final AuditTrail trail;
    private final AuditChainVerifier verifier;
    private final PageContexts pages;

    public AuditPageResource(TenantTransactions transactions, AuditTrail trail, AuditChainVerifier verifier,
                             PageContexts pages) {
        this.transactions = transactions;
        this.trail = trail;
        this.verifier = verifier;
        this.pages = pages;
    }

    /** The filter as typed: an empty field is no filter (a browser sends empty fields of a GET form). */
    public record Filter(String entityType, String entityId, String cursor) {

        static Filter of(String entityType, String entityId, String cursor) {
            return new Filter(blankToNull(entityType), blankToNull(entityId), blankToNull(cursor));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.AUDIT_READ)
    public Response events(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                           @QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
                           @QueryParam("cursor") String cursor) {
        return page(Callers.tenant(security), headers, uri, Filter.of(entityType, entityId, cursor), false);
    }

    /** Verifying changes nothing: a GET, and the page shows the result above the first page of events. */
    @GET
    @Path("/verify")
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.AUDIT_READ)
    public Response verify(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri) {
        return page(Callers.tenant(security), headers, uri, Filter.of(null, null, null), true);
    }

    private Response page(TenantCaller caller, HttpHeaders headers, UriInfo uri, Filter filter, boolean verify) {
        // The session is looked up before the tenant transaction opens: it is platform data with its own transaction.
        WebContext context = pages.of(headers, uri);
        return transactions.read(caller.tenant(), tx -> {
            TenantShell shell = TenantShell.of(tx, caller, Section.AUDIT);
            AuditChainVerifier.Result verification = verify ? verifier.verify(tx) : null;
            try {
                AuditTrail.Page events = trail.page(tx, AuditTrail.EntityFilter.of(filter.entityType(),
                        filter.entityId()), filter.cursor(), AuditTrail.DEFAULT_LIMIT);
                return WebResponses.page(new AuditPage(context, shell, filter, events,
                        verification, FormErrors.NONE));
            } catch (DomainException refused) {
                int status = FormRefusals.statusOrRethrow(refused);
                return WebResponses.page(status, new AuditPage(context, shell, filter,
                        new AuditTrail.Page(java.util.List.of(), null), verification, FormErrors.of(refused)));
            }
        });
    }
}

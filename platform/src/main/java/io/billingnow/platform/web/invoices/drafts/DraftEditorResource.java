package io.billingnow.platform.web.invoices.drafts;

import io.billingnow.platform.billing.customers.Customer;
import io.billingnow.platform.billing.customers.CustomerService;
import io.billingnow.platform.billing.invoices.Invoice;
import io.billingnow.platform.billing.invoices.InvoiceService;
import io.billingnow.platform.billing.invoices.InvoiceStatus;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.PreconditionFailed;
import io.billingnow.platform.core.errors.PreconditionRequired;
import io.billingnow.platform.core.errors.StateConflict;
import io.billingnow.platform.core.paging.Cursor;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.http.ETags;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.json.JsonConventions;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.PageContexts;
import io.billingnow.platform.web.shell.Section;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import io.billingnow.platform.web.shell.WebResponses;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.jackson.Jackson;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The invoice draft editor ({@code /t/{slug}/invoices/new}, {@code /t/{slug}/invoices/{id}/edit}) and its live totals
 * ({@code /t/{slug}/invoices/preview}). Saving calls the API's own {@code InvoiceService.createDraft} and
 * {@code updateDraft} (a full merge patch under the version the editor was opened with, the API's If-Match rule); the
 * totals are {@code InvoiceService.calculate}, the computation those two store. Everything needs
 * {@code INVOICES_WRITE}, like {@code POST} and {@code PATCH /v1/invoices}.
 *
 * <p>The POST methods declare no {@code @Consumes}: access control runs after matching, so a refused role gets its 403
 * whatever it posts, and a body that is not a form binds as an empty one.
 */
@Path("/t/{tenant}/invoices")
@Hidden
public final class DraftEditorResource {

    private static final ObjectMapper JSON = JsonConventions.apply(Jackson.newObjectMapper());
    /** The customers offered in the editor's choice (the newest first, as the API lists them). */
    static final int CUSTOMER_CHOICES = Cursor.MAX_LIMIT;

    private final TenantTransactions transactions;
    private final InvoiceService invoices;
    private final CustomerService customers;
    private final PageContexts pages;

    public DraftEditorResource(TenantTransactions transactions, InvoiceService invoices, CustomerService customers,
                               PageContexts pages) {
        this.transactions = transactions;
        this.invoices = invoices;
        this.customers = customers;
        this.pages = pages;
    }

    /** What the editor shows besides the form, read in the request's one transaction. */
    private record Frame(Tenant tenant, List<Customer> customers, DraftTotals totals) {
    }

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.INVOICES_WRITE)
    public Response newDraft(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri) {
        TenantCaller caller = Callers.tenant(security);
        WebContext context = pages.of(headers, uri);
        String taxName = context.messages().all().get("drafts_default_tax_name");
        DraftForm[] form = new DraftForm[1];
        Frame frame = transactions.read(caller.tenant(), tx -> {
            List<Customer> choices = customerChoices(tx, null);
            Tenant tenant = Tenants.current(tx);
            Customer first = choices.isEmpty() ? null : choices.get(0);
            String currency = first != null && first.preferredCurrency() != null ? first.preferredCurrency()
                    : tenant.defaultCurrency();
            form[0] = DraftForm.blank(first == null ? "" : first.id().toString(), currency, taxName);
            return new Frame(tenant, choices, first == null ? null : totals(tx, form[0], context));
        });
        return WebResponses.page(page(context, caller, frame, form[0], null, FormErrors.NONE));
    }

    @POST
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.INVOICES_WRITE)
    public Response create(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                           MultivaluedMap<String, String> body) {
        TenantCaller caller = Callers.tenant(security);
        WebContext context = pages.of(headers);
        DraftForm form = edited(DraftForm.read(body), body, context);
        if (form != null) {
            return rerender(caller, context, form, null, FormErrors.NONE, 200);
        }
        DraftForm typed = DraftForm.read(body);
        try {
            String saved = transactions.write(caller.tenant(), tx -> {
                DraftForm.Bound bound = bind(typed, context);
                try {
                    return detailPath(tx, invoices.createDraft(tx, bound.fields(), caller));
                } catch (DomainException e) {
                    throw new FormRefusal(bound.onForm(e));
                }
            });
            return WebResponses.seeOther(saved, "drafts_created");
        } catch (FormRefusal refusal) {
            return rerender(caller, context, typed, null, FormErrors.of(refusal.refusal), status(refusal.refusal));
        }
    }

    @GET
    @Path("{id}/edit")
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.INVOICES_WRITE)
    public Response edit(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                         @PathParam("id") UUID id) {
        TenantCaller caller = Callers.tenant(security);
        WebContext context = pages.of(headers, uri);
        DraftForm[] form = new DraftForm[1];
        Frame frame = transactions.read(caller.tenant(), tx -> {
            Invoice draft = invoices.get(tx, id);
            if (draft.status() != InvoiceStatus.DRAFT) {
                return null;
            }
            form[0] = DraftForm.of(draft, context.locale());
            return new Frame(Tenants.current(tx), customerChoices(tx, draft.customerId()),
                    totals(tx, form[0], context));
        });
        if (frame == null) {
            // Issued: its content no longer changes; its own page says what can be done with it.
            return WebResponses.seeOther("/t/" + slug(uri) + "/invoices/" + id, "drafts_not_editable");
        }
        return WebResponses.page(page(context, caller, frame, form[0], id, FormErrors.NONE));
    }

    @POST
    @Path("{id}/edit")
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.INVOICES_WRITE)
    public Response update(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                           @PathParam("id") UUID id, MultivaluedMap<String, String> body) {
        TenantCaller caller = Callers.tenant(security);
        WebContext context = pages.of(headers);
        // Another business's id (or none) is the 404 page before anything else is looked at.
        transactions.read(caller.tenant(), tx -> invoices.get(tx, id));
        DraftForm form = edited(DraftForm.read(body), body, context);
        if (form != null) {
            return rerender(caller, context, form, id, FormErrors.NONE, 200);
        }
        DraftForm typed = DraftForm.read(body);
        try {
            String saved = transactions.write(caller.tenant(), tx -> {
                DraftForm.Bound bound = bind(typed, context);
                try {
                    return detailPath(tx, invoices.updateDraft(tx, id,
                            version -> ETags.requireMatch(typed.version, version), patch(bound), caller));
                } catch (DomainException e) {
                    throw new FormRefusal(bound.onForm(e));
                }
            });
            return WebResponses.seeOther(saved, "drafts_saved");
        } catch (FormRefusal refusal) {
            FormErrors errors = stale(refusal.refusal)
                    ? FormErrors.summary(context.messages().all().get("drafts_stale"))
                    : FormErrors.of(refusal.refusal);
            return rerender(caller, context, typed, id, errors, status(refusal.refusal));
        }
    }

    /** The live totals: the form as typed, computed by the server's calculator, or what keeps it from adding up. */
    @POST
    @Path("preview")
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.INVOICES_WRITE)
    public Response preview(@Context SecurityContext security, @Context HttpHeaders headers,
                            MultivaluedMap<String, String> body) {
        TenantCaller caller = Callers.tenant(security);
        WebContext context = pages.of(headers);
        DraftForm form = DraftForm.read(body);
        DraftTotals totals = transactions.read(caller.tenant(), tx -> totals(tx, form, context));
        return WebResponses.fragment(new DraftTotalsFragment(context, totals));
    }

    /** The form changed by an "add line" or "remove line" button, or null when the person saves. */
    private static DraftForm edited(DraftForm form, MultivaluedMap<String, String> body, WebContext context) {
        if (body.getFirst("add_line") != null) {
            return form.withLineAdded(context.messages().all().get("drafts_default_tax_name"));
        }
        String remove = body.getFirst("remove_line");
        if (remove != null) {
            try {
                return form.withLineRemoved(Integer.parseInt(remove));
            } catch (NumberFormatException e) {
                return form;
            }
        }
        return null;
    }

    private Response rerender(TenantCaller caller, WebContext context, DraftForm form, UUID id, FormErrors errors,
                              int status) {
        Frame frame = transactions.read(caller.tenant(), tx -> new Frame(Tenants.current(tx),
                customerChoices(tx, parse(form.customerId)), totals(tx, form, context)));
        return WebResponses.page(status, page(context, caller, frame, form, id, errors));
    }

    private DraftEditorPage page(WebContext context, TenantCaller caller, Frame frame, DraftForm form, UUID id,
                                 FormErrors errors) {
        return new DraftEditorPage(context, TenantShell.of(frame.tenant(), caller, Section.INVOICES), form,
                frame.customers(), id, errors, frame.totals());
    }

    private DraftTotals totals(TenantHandle tx, DraftForm form, WebContext context) {
        DraftForm.Bound bound;
        try {
            bound = form.bind(context.locale(), context.messages());
        } catch (DomainException e) {
            return DraftTotals.refused(e, context.messages());
        }
        try {
            return DraftTotals.of(invoices.calculate(tx, bound.fields()), context.locale(), context.formats(),
                    context.messages());
        } catch (DomainException e) {
            return DraftTotals.refused(bound.onForm(e), context.messages());
        }
    }

    private static DraftForm.Bound bind(DraftForm form, WebContext context) {
        try {
            return form.bind(context.locale(), context.messages());
        } catch (DomainException e) {
            throw new FormRefusal(e);
        }
    }

    /** The newest customers, and the draft's own customer if it is not among them. */
    private List<Customer> customerChoices(TenantHandle tx, UUID current) {
        List<Customer> choices = new ArrayList<>(customers.list(tx, null, null, CUSTOMER_CHOICES).data());
        if (current != null && choices.stream().noneMatch(c -> c.id().equals(current))) {
            try {
                choices.add(customers.get(tx, current));
            } catch (DomainException e) {
                // Not a customer of this business: the choice simply does not offer it.
            }
        }
        return choices;
    }

    /** The whole form as a JSON merge patch: what it does not hold (metadata) keeps its value, as with PATCH. */
    private static ObjectNode patch(DraftForm.Bound bound) {
        ObjectNode patch = JSON.valueToTree(bound.fields());
        patch.remove("metadata");
        return patch;
    }

    private static boolean stale(DomainException refusal) {
        return refusal instanceof PreconditionFailed || refusal instanceof PreconditionRequired;
    }

    private static int status(DomainException refusal) {
        return refusal instanceof StateConflict || stale(refusal) ? 409 : 422;
    }

    /** The invoice's own page, where the editor lands after saving. */
    private static String detailPath(TenantHandle tx, Invoice invoice) {
        return "/t/" + Tenants.current(tx).slug() + "/invoices/" + invoice.id();
    }

    private static String slug(UriInfo uri) {
        return uri.getPathParameters().getFirst("tenant");
    }

    private static UUID parse(String id) {
        try {
            return id == null || id.isBlank() ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A refusal of what the form holds: shown on the form with every typed value, never as an error page. */
    private static final class FormRefusal extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient DomainException refusal;

        FormRefusal(DomainException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }
}

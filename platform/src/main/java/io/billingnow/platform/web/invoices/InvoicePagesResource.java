package io.billingnow.platform.web.invoices;

import io.billingnow.platform.billing.creditnotes.CreditNoteService;
import io.billingnow.platform.billing.customers.Customer;
import io.billingnow.platform.billing.customers.CustomerService;
import io.billingnow.platform.billing.invoices.Invoice;
import io.billingnow.platform.billing.invoices.InvoiceService;
import io.billingnow.platform.billing.paylinks.PaymentLink;
import io.billingnow.platform.billing.paylinks.PaymentLinkService;
import io.billingnow.platform.billing.payments.PaymentService;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.paging.Cursor;
import io.billingnow.platform.core.paging.Page;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.providers.accounts.ProviderAccount;
import io.billingnow.platform.providers.accounts.ProviderAccountService;
import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.PageContexts;
import io.billingnow.platform.web.shell.Section;
import io.billingnow.platform.web.shell.TenantShell;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The invoices section: the list (the API's listing and filters), one invoice, and its actions. Each method declares
 * the permission of the API method doing the same and calls the same service method; each action is a plain form
 * answered by a redirect to the invoice with a notice (post/redirect/get), or by the invoice page again with the
 * API's refusal. The draft editor ({@code /invoices/new}, {@code /invoices/{id}/edit}) is its own resource
 * ({@code web.invoices.drafts}): JAX-RS prefers its longer literal paths to this resource's {@code {id}} templates.
 */
@Path("/t/{tenant}/invoices")
@Hidden
@Produces(MediaType.TEXT_HTML)
public final class InvoicePagesResource {

    static final int PAGE_SIZE = 25;
    /** How many customers the list's filter offers by name (the oldest first, as the API lists them). */
    static final int CUSTOMER_CHOICES = Cursor.MAX_LIMIT;
    private static final String ID = "{id}";

    private final TenantTransactions transactions;
    private final InvoiceService invoices;
    private final CustomerService customers;
    private final InvoiceActions actions;
    private final ProviderAccountService providerAccounts;
    private final PaymentLinkService paymentLinks;
    private final CreditNoteService creditNotes;
    private final PageContexts pages;

    public InvoicePagesResource(TenantTransactions transactions, InvoiceService invoices, CustomerService customers,
                                CreditNoteService creditNotes, InvoiceActions actions,
                                ProviderAccountService providerAccounts, PaymentLinkService paymentLinks,
                                PageContexts pages) {
        this.transactions = transactions;
        this.invoices = invoices;
        this.customers = customers;
        this.creditNotes = creditNotes;
        this.actions = actions;
        this.providerAccounts = providerAccounts;
        this.paymentLinks = paymentLinks;
        this.pages = pages;
    }

    @GET
    @RequiresPermission(Permission.INVOICES_READ)
    public Response list(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                         @PathParam("tenant") String tenant, @QueryParam("status") String status,
                         @QueryParam("customer") String customer, @QueryParam("number") String number,
                         @QueryParam("createdFrom") String createdFrom, @QueryParam("createdTo") String createdTo,
                         @QueryParam("cursor") String cursor, @QueryParam("notice") String notice) {
        TenantCaller caller = Callers.tenant(security);
        InvoicesPage.Filter typed = new InvoicesPage.Filter(blank(status), blank(customer), blank(number),
                blank(createdFrom), blank(createdTo));
        InvoiceService.ListFilter filter = InvoiceService.ListFilter.of(typed.status(), customerId(typed.customer()),
                typed.number(), typed.createdFrom(), typed.createdTo());
        return transactions.read(caller.tenant(), tx -> {
            Page<Invoice> page = invoices.list(tx, filter, blankToNull(cursor), PAGE_SIZE);
            List<Customer> choices = customerChoices(tx, filter.customerId());
            return WebResponses.page(new InvoicesPage(pages.of(headers, uri), shell(tx, caller), page, choices,
                    typed));
        });
    }

    @GET
    @Path(ID)
    @RequiresPermission(Permission.INVOICES_READ)
    public Response invoice(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                            @PathParam("tenant") String tenant, @PathParam("id") UUID id,
                            @QueryParam("notice") String notice) {
        return show(security, headers, uri, id, 200, null, null);
    }

    @POST
    @Path(ID + "/finalize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.INVOICES_WRITE)
    public Response finalizeDraft(@Context SecurityContext security, @Context HttpHeaders headers,
                                  @Context UriInfo uri, @PathParam("tenant") String tenant, @PathParam("id") UUID id,
                                  MultivaluedMap<String, String> form) {
        TenantCaller caller = Callers.tenant(security);
        return act(security, headers, uri, id, "status", form, "invoice_finalized",
                () -> actions.finalizeDraft(caller, id));
    }

    @POST
    @Path(ID + "/void")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.INVOICES_WRITE)
    public Response voidInvoice(@Context SecurityContext security, @Context HttpHeaders headers,
                                @Context UriInfo uri, @PathParam("tenant") String tenant, @PathParam("id") UUID id,
                                MultivaluedMap<String, String> form) {
        TenantCaller caller = Callers.tenant(security);
        return act(security, headers, uri, id, "status", form, "invoice_voided",
                () -> actions.voidInvoice(caller, id));
    }

    @POST
    @Path(ID + "/mark-uncollectible")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.INVOICES_WRITE)
    public Response markUncollectible(@Context SecurityContext security, @Context HttpHeaders headers,
                                      @Context UriInfo uri, @PathParam("tenant") String tenant,
                                      @PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        TenantCaller caller = Callers.tenant(security);
        return act(security, headers, uri, id, "status", form, "invoice_uncollectible",
                () -> actions.markUncollectible(caller, id));
    }

    @POST
    @Path(ID + "/payments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.PAYMENTS_WRITE)
    public Response recordPayment(@Context SecurityContext security, @Context HttpHeaders headers,
                                  @Context UriInfo uri, @PathParam("tenant") String tenant, @PathParam("id") UUID id,
                                  MultivaluedMap<String, String> form) {
        TenantCaller caller = Callers.tenant(security);
        return act(security, headers, uri, id, "payment", form, "payment_recorded",
                () -> actions.recordPayment(caller, id, form));
    }

    @POST
    @Path(ID + "/credit-notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.CREDIT_NOTES_WRITE)
    public Response issueCreditNote(@Context SecurityContext security, @Context HttpHeaders headers,
                                    @Context UriInfo uri, @PathParam("tenant") String tenant,
                                    @PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        TenantCaller caller = Callers.tenant(security);
        return act(security, headers, uri, id, "credit", form, "credit_note_issued",
                () -> actions.issueCreditNote(caller, id, form));
    }

    /**
     * Not a redirect: the link's URL holds its secret token and exists only in this answer (the API returns it once,
     * too), so the invoice page is answered directly with the URL to copy, never cached ({@code no-store}).
     */
    @POST
    @Path(ID + "/payment-links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.PAYMENT_LINKS_WRITE)
    public Response createPaymentLink(@Context SecurityContext security, @Context HttpHeaders headers,
                                      @Context UriInfo uri, @PathParam("tenant") String tenant,
                                      @PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        TenantCaller caller = Callers.tenant(security);
        PaymentLink link;
        try {
            link = actions.createPaymentLink(caller, id, form);
        } catch (DomainException refusal) {
            return refused(security, headers, uri, id, "link", form, refusal);
        }
        return show(security, headers, uri, id, 200, null, link);
    }

    private Response act(SecurityContext security, HttpHeaders headers, UriInfo uri, UUID id, String action,
                         MultivaluedMap<String, String> form, String notice, Supplier<?> change) {
        try {
            change.get();
        } catch (DomainException refusal) {
            return refused(security, headers, uri, id, action, form, refusal);
        }
        String slug = transactions.read(Callers.tenant(security).tenant(), tx -> Tenants.current(tx).slug());
        return WebResponses.seeOther("/t/" + slug + "/invoices/" + id, notice);
    }

    private Response refused(SecurityContext security, HttpHeaders headers, UriInfo uri, UUID id, String action,
                             MultivaluedMap<String, String> form, DomainException refusal) {
        int status = FormErrors.status(refusal);
        if (status == 0) {
            throw refusal;
        }
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (!"_csrf".equals(name) && !values.isEmpty()) {
                typed.put(name, values.get(0));
            }
        });
        return show(security, headers, uri, id, status,
                new InvoicePage.Refused(action, typed, FormErrors.of(refusal)), null);
    }

    /** The invoice page, read in one transaction: the invoice as the role may see it, and what happened to it. */
    private Response show(SecurityContext security, HttpHeaders headers, UriInfo uri, UUID id, int status,
                          InvoicePage.Refused refused, PaymentLink created) {
        TenantCaller caller = Callers.tenant(security);
        return transactions.read(caller.tenant(), tx -> {
            Invoice invoice = invoices.revealedTo(tx, invoices.get(tx, id), caller.role());
            Customer customer = customers.revealedTo(tx, customers.get(tx, invoice.customerId()), caller.role());
            // Which accounts a link may use: only for a role that may create links, and only names, never settings.
            List<ProviderAccount> accounts = caller.role().allows(Permission.PAYMENT_LINKS_WRITE)
                    ? providerAccounts.list(tx) : List.of();
            InvoicePage.Detail detail = new InvoicePage.Detail(invoice, customer, PaymentService.forInvoice(tx, id),
                    creditNotes.forInvoice(tx, id), paymentLinks.forInvoice(tx, id), accounts);
            return WebResponses.page(status, new InvoicePage(pages.of(headers, uri), shell(tx, caller), detail,
                    refused, created));
        });
    }

    private List<Customer> customerChoices(TenantHandle tx, UUID chosen) {
        List<Customer> choices = new ArrayList<>(customers.list(tx, null, null, CUSTOMER_CHOICES).data());
        if (chosen != null && choices.stream().noneMatch(c -> c.id().equals(chosen))) {
            choices.add(customers.get(tx, chosen));
        }
        return choices;
    }

    private static UUID customerId(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("/customer", "a customer id");
        }
    }

    private static TenantShell shell(TenantHandle tx, TenantCaller caller) {
        return TenantShell.of(tx, caller, Section.INVOICES);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return blank(value);
    }
}

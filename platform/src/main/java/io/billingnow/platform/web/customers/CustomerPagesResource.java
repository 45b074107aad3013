package io.billingnow.platform.web.customers;

import io.billingnow.platform.billing.customers.Customer;
import io.billingnow.platform.billing.customers.CustomerFields;
import io.billingnow.platform.billing.customers.CustomerService;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.PreconditionFailed;
import io.billingnow.platform.core.errors.PreconditionRequired;
import io.billingnow.platform.core.paging.Page;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.http.ETags;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.json.MergePatch;
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
import java.util.UUID;

/**
 * The customers section: the list with the API's email search and cursor paging, a new customer's form, and one
 * customer's form. Every method declares the permission of the API method doing the same
 * ({@code billing.customers.CustomersResource}) and calls the same service method in one tenant transaction; an edit
 * carries the version it was read at and goes through the API's If-Match rule, so a change made meanwhile is not
 * overwritten.
 */
@Path("/t/{tenant}/customers")
@Hidden
@Produces(MediaType.TEXT_HTML)
public final class CustomerPagesResource {

    static final int PAGE_SIZE = 25;

    private final TenantTransactions transactions;
    private final CustomerService customers;
    private final PageContexts pages;

    public CustomerPagesResource(TenantTransactions transactions, CustomerService customers, PageContexts pages) {
        this.transactions = transactions;
        this.customers = customers;
        this.pages = pages;
    }

    @GET
    @RequiresPermission(Permission.CUSTOMERS_READ)
    public Response list(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                         @PathParam("tenant") String tenant, @QueryParam("email") String email,
                         @QueryParam("cursor") String cursor, @QueryParam("notice") String notice) {
        TenantCaller caller = Callers.tenant(security);
        String search = blankToNull(email);
        return transactions.read(caller.tenant(), tx -> {
            Page<Customer> page = customers.list(tx, search, blankToNull(cursor), PAGE_SIZE);
            return WebResponses.page(new CustomersPage(pages.of(headers, uri), shell(tx, caller), page, search));
        });
    }

    @GET
    @Path("new")
    @RequiresPermission(Permission.CUSTOMERS_WRITE)
    public Response newCustomer(@Context SecurityContext security, @Context HttpHeaders headers,
                                @Context UriInfo uri, @PathParam("tenant") String tenant) {
        TenantCaller caller = Callers.tenant(security);
        return transactions.read(caller.tenant(), tx -> WebResponses.page(new CustomerPage(pages.of(headers, uri),
                shell(tx, caller), null, null, CustomerForm.empty(), FormErrors.NONE)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.CUSTOMERS_WRITE)
    public Response create(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                           @PathParam("tenant") String tenant, MultivaluedMap<String, String> form) {
        TenantCaller caller = Callers.tenant(security);
        CustomerForm typed = CustomerForm.of(form);
        try {
            Customer created = transactions.write(caller.tenant(), tx -> customers.create(tx,
                    MergePatch.bind(typed.createBody(), CustomerFields.class), caller));
            return WebResponses.seeOther(base(tenant) + "customers/" + created.id(), "customer_created");
        } catch (DomainException refusal) {
            int status = FormErrors.status(refusal);
            if (status == 0) {
                throw refusal;
            }
            return transactions.read(caller.tenant(), tx -> WebResponses.page(status, new CustomerPage(
                    pages.of(headers, uri), shell(tx, caller), null, null, typed, FormErrors.of(refusal))));
        }
    }

    @GET
    @Path("{id}")
    @RequiresPermission(Permission.CUSTOMERS_READ)
    public Response customer(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                             @PathParam("tenant") String tenant, @PathParam("id") UUID id,
                             @QueryParam("notice") String notice) {
        TenantCaller caller = Callers.tenant(security);
        return transactions.read(caller.tenant(), tx -> {
            Customer customer = customers.revealedTo(tx, customers.get(tx, id), caller.role());
            return WebResponses.page(new CustomerPage(pages.of(headers, uri), shell(tx, caller), id,
                    customer.version(), CustomerForm.of(customer), FormErrors.NONE));
        });
    }

    /** The API's PATCH with If-Match: the form's {@code version} is the ETag the page was read with. */
    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.CUSTOMERS_WRITE)
    public Response update(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                           @PathParam("tenant") String tenant, @PathParam("id") UUID id,
                           MultivaluedMap<String, String> form) {
        TenantCaller caller = Callers.tenant(security);
        CustomerForm typed = CustomerForm.of(form);
        String ifMatch = ifMatch(form.getFirst("version"));
        try {
            transactions.write(caller.tenant(), tx -> customers.update(tx, id,
                    version -> ETags.requireMatch(ifMatch, version), typed.patch(), caller));
            return WebResponses.seeOther(base(tenant) + "customers/" + id, "customer_saved");
        } catch (DomainException refusal) {
            int status = FormErrors.status(refusal);
            if (status == 0) {
                throw refusal;
            }
            // Shown again with what was typed. Only after a stale or missing version does the form take the version
            // now stored (and says so): saving it again then overwrites the other change knowingly.
            boolean stale = refusal instanceof PreconditionFailed || refusal instanceof PreconditionRequired;
            return transactions.read(caller.tenant(), tx -> {
                Customer current = customers.get(tx, id);
                Integer version = stale || ifMatch == null ? current.version()
                        : Integer.valueOf(form.getFirst("version"));
                return WebResponses.page(status, new CustomerPage(pages.of(headers, uri), shell(tx, caller), id,
                        version, typed, FormErrors.of(refusal)));
            });
        }
    }

    /** The form's version as the If-Match header the API expects; a missing or malformed one is no header (428). */
    private static String ifMatch(String version) {
        return version == null || !version.matches("[0-9]{1,9}") ? null : ETags.headerValue(Integer.parseInt(version));
    }

    private static TenantShell shell(io.billingnow.platform.core.tx.TenantHandle tx, TenantCaller caller) {
        return TenantShell.of(tx, caller, Section.CUSTOMERS);
    }

    private static String base(String tenant) {
        return "/t/" + tenant + "/";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

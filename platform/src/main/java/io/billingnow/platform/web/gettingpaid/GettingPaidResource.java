package io.billingnow.platform.web.gettingpaid;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.InvalidInput;
import io.billingnow.platform.core.errors.StateConflict;
import io.billingnow.platform.core.errors.Unprocessable;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.providers.accounts.ProviderAccount;
import io.billingnow.platform.providers.accounts.ProviderAccountFields;
import io.billingnow.platform.providers.accounts.ProviderAccountService;
import io.billingnow.platform.providers.plugins.LoadedProvider;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.Tenants;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The "Getting paid" section: a business's provider accounts, connected through a form generated from the plugin's
 * declared credential fields, each with its webhook URL and its webhook secrets. Every read and change is the API's
 * own ({@code ProviderAccountsResource}): the same service methods, one tenant transaction each, the same permission
 * ({@code PROVIDER_ACCOUNTS_MANAGE}). Secrets go in and never come out: not even the hints the API shows.
 */
@Path("/t/{tenant}/getting-paid")
@Hidden
@Produces(MediaType.TEXT_HTML)
public final class GettingPaidResource {

    /** The form field of a credential: {@code credential_<name>} (the descriptor's names are lower snake case). */
    static final String CREDENTIAL_PREFIX = "credential_";

    private final TenantTransactions transactions;
    private final ProviderAccountService accounts;
    private final PageContexts pages;

    public GettingPaidResource(TenantTransactions transactions, ProviderAccountService accounts, PageContexts pages) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.pages = pages;
    }

    record Overview(Tenant tenant, List<io.billingnow.sdk.ProviderDescriptor> providers,
                    List<ProviderAccount> accounts) {
    }

    @GET
    @RequiresPermission(Permission.PROVIDER_ACCOUNTS_MANAGE)
    public Response overview(@Context SecurityContext security, @Context HttpHeaders headers,
                             @QueryParam(WebResponses.NOTICE) String notice) {
        TenantCaller caller = Callers.tenant(security);
        Overview overview = transactions.read(caller.tenant(), tx -> new Overview(Tenants.current(tx),
                accounts.usableProviders(tx), accounts.list(tx)));
        return WebResponses.page(new GettingPaidPage(pages.of(headers).withNotice(notice), shell(overview.tenant(), caller),
                overview.providers(), overview.accounts(), accounts::descriptor));
    }

    /** The form for a new account of one provider, its fields as the plugin declares them. */
    @GET
    @Path("/new")
    @RequiresPermission(Permission.PROVIDER_ACCOUNTS_MANAGE)
    public Response newAccount(@Context SecurityContext security, @Context HttpHeaders headers,
                               @QueryParam("provider") String providerId) {
        TenantCaller caller = Callers.tenant(security);
        LoadedProvider provider = usableProvider(caller, providerId);
        Tenant tenant = transactions.read(caller.tenant(), Tenants::current);
        return WebResponses.page(new AccountFormPage(pages.of(headers), shell(tenant, caller), provider.descriptor(),
                null, Map.of(), FormErrors.NONE));
    }

    /** {@code POST /v1/provider-accounts}, from the generated form. */
    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.PROVIDER_ACCOUNTS_MANAGE)
    public Response create(@Context SecurityContext security, @Context HttpHeaders headers,
                           @QueryParam("provider") String providerId, MultivaluedMap<String, String> form) {
        TenantCaller caller = Callers.tenant(security);
        LoadedProvider provider = usableProvider(caller, providerId);
        ProviderAccountFields fields = new ProviderAccountFields(providerId, form.getFirst("displayName"),
                credentials(form), form.getFirst("webhookSecret"));
        try {
            String created = transactions.write(caller.tenant(),
                    tx -> accountPath(tx, accounts.create(tx, provider, fields, caller).id()));
            return WebResponses.seeOther(created, "provider_account_created");
        } catch (InvalidInput | Unprocessable refusal) {
            Tenant tenant = transactions.read(caller.tenant(), Tenants::current);
            return WebResponses.page(422, new AccountFormPage(pages.of(headers), shell(tenant, caller),
                    provider.descriptor(), form.getFirst("displayName"), credentials(form), FormErrors.of(refusal)));
        }
    }

    @GET
    @Path("/accounts/{id}")
    @RequiresPermission(Permission.PROVIDER_ACCOUNTS_MANAGE)
    public Response account(@Context SecurityContext security, @Context HttpHeaders headers,
                            @QueryParam(WebResponses.NOTICE) String notice,
                            @PathParam("id") UUID id) {
        return accountPage(security, pages.of(headers).withNotice(notice), id, 200, FormErrors.NONE, null);
    }

    /** {@code POST /v1/provider-accounts/{id}/webhook-secrets}: the rotation, with the overlap in hours. */
    @POST
    @Path("/accounts/{id}/webhook-secrets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.PROVIDER_ACCOUNTS_MANAGE)
    public Response addWebhookSecret(@Context SecurityContext security, @Context HttpHeaders headers,
                                     @PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        TenantCaller caller = Callers.tenant(security);
        String hours = form.getFirst("overlapHours");
        Duration overlap;
        try {
            overlap = hours == null || hours.isBlank() ? ProviderAccountService.DEFAULT_SECRET_OVERLAP
                    : Duration.ofHours(Long.parseLong(hours.strip()));
        } catch (NumberFormatException | ArithmeticException e) {
            return accountPage(security, pages.of(headers), id, 422,
                    new FormErrors(null, Map.of("overlapHours", pages.of(headers).messages().all()
                            .get("getting_paid_whole_hours"))), hours);
        }
        try {
            String account = transactions.write(caller.tenant(), tx -> accountPath(tx,
                    accounts.addWebhookSecret(tx, id, form.getFirst("secret"), overlap, caller).id()));
            return WebResponses.seeOther(account, "webhook_secret_added");
        } catch (InvalidInput | Unprocessable refusal) {
            FormErrors errors = FormErrors.of(refusal);
            // The API names the overlap in seconds; the form asks for hours.
            Map<String, String> fields = new LinkedHashMap<>(errors.fields());
            String overlapError = fields.remove("previousSecretsValidForSeconds");
            if (overlapError != null) {
                fields.put("overlapHours", overlapError);
            }
            return accountPage(security, pages.of(headers), id, 422, new FormErrors(errors.summary(), fields), hours);
        }
    }

    /** {@code DELETE /v1/provider-accounts/{id}/webhook-secrets/{secretId}}. */
    @POST
    @Path("/accounts/{id}/webhook-secrets/{secretId}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.PROVIDER_ACCOUNTS_MANAGE)
    public Response retireWebhookSecret(@Context SecurityContext security, @Context HttpHeaders headers,
                                        @PathParam("id") UUID id, @PathParam("secretId") UUID secretId) {
        TenantCaller caller = Callers.tenant(security);
        try {
            String account = transactions.write(caller.tenant(),
                    tx -> accountPath(tx, accounts.retireWebhookSecret(tx, id, secretId, caller).id()));
            return WebResponses.seeOther(account, "webhook_secret_retired");
        } catch (StateConflict refusal) {
            return accountPage(security, pages.of(headers), id, 409, FormErrors.of(refusal), null);
        }
    }

    /** {@code DELETE /v1/provider-accounts/{id}}: the account is disconnected, its webhook URL answers 404. */
    @POST
    @Path("/accounts/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.PROVIDER_ACCOUNTS_MANAGE)
    public Response delete(@Context SecurityContext security, @PathParam("id") UUID id) {
        TenantCaller caller = Callers.tenant(security);
        String section = transactions.write(caller.tenant(), tx -> {
            accounts.delete(tx, id, caller);
            return sectionPath(tx);
        });
        return WebResponses.seeOther(section, "provider_account_deleted");
    }

    private Response accountPage(SecurityContext security, WebContext context, UUID id, int status,
                                 FormErrors errors, String typedOverlapHours) {
        TenantCaller caller = Callers.tenant(security);
        record Read(Tenant tenant, ProviderAccount account) {
        }
        Read read = transactions.read(caller.tenant(), tx -> new Read(Tenants.current(tx), accounts.get(tx, id)));
        return WebResponses.page(status, new AccountPage(context, shell(read.tenant(), caller), read.account(),
                accounts.descriptor(read.account().providerId()), errors, typedOverlapHours));
    }

    /**
     * The provider of the form ({@code ?provider=}, a query parameter: a provider is not an object of the business),
     * if the business may use it: the API's rule.
     */
    private LoadedProvider usableProvider(TenantCaller caller, String providerId) {
        if (providerId == null || providerId.isBlank()) {
            throw DomainException.notFound("Payment provider");
        }
        return accounts.usableProvider(caller.tenant(), providerId);
    }

    /** The credential values of the form, by the descriptor's field name; the service checks them. */
    static Map<String, String> credentials(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, list) -> {
            if (name.startsWith(CREDENTIAL_PREFIX) && !list.isEmpty()) {
                values.put(name.substring(CREDENTIAL_PREFIX.length()), list.get(0));
            }
        });
        return values;
    }

    private static TenantShell shell(Tenant tenant, TenantCaller caller) {
        return TenantShell.of(tenant, caller, Section.GETTING_PAID);
    }

    /** The section's address, from the business of the transaction (not from the request). */
    private static String sectionPath(TenantHandle tx) {
        Tenant tenant = Tenants.current(tx);
        return new TenantShell(tenant.slug(), tenant.name(), null, Section.GETTING_PAID).base()
                + Section.GETTING_PAID.path();
    }

    private static String accountPath(TenantHandle tx, UUID account) {
        return sectionPath(tx) + "/accounts/" + account;
    }
}

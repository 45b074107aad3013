package io.billingnow.platform.web.gettingpaid;

import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.providers.accounts.ProviderAccount;
import io.billingnow.platform.providers.accounts.ProviderAccountService;
import io.billingnow.platform.providers.webhooks.WebhookReview;
import io.billingnow.platform.providers.webhooks.WebhookReviews;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.web.shell.PageContexts;
import io.billingnow.platform.web.shell.Section;
import io.billingnow.platform.web.shell.TenantShell;
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
import java.util.List;

/**
 * The webhook review queue: authentic provider events the platform would not apply by itself. What the API's
 * {@code GET /v1/webhook-reviews} shows, under its permission ({@code PAYMENTS_WRITE}: the people who record
 * payments reconcile them). The API offers no action on an entry yet, so neither does the page.
 */
@Path("/t/{tenant}/getting-paid/reviews")
@Hidden
@Produces(MediaType.TEXT_HTML)
public final class WebhookReviewsPageResource {

    private final TenantTransactions transactions;
    private final ProviderAccountService accounts;
    private final PageContexts pages;

    public WebhookReviewsPageResource(TenantTransactions transactions, ProviderAccountService accounts,
                                      PageContexts pages) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.pages = pages;
    }

    record Queue(Tenant tenant, List<WebhookReview> reviews, List<ProviderAccount> accounts) {
    }

    @GET
    @RequiresPermission(Permission.PAYMENTS_WRITE)
    public Response reviews(@Context SecurityContext security, @Context HttpHeaders headers,
                             @QueryParam(WebResponses.NOTICE) String notice) {
        TenantCaller caller = Callers.tenant(security);
        Queue queue = transactions.read(caller.tenant(), tx -> new Queue(Tenants.current(tx), WebhookReviews.open(tx),
                accounts.list(tx)));
        return WebResponses.page(new WebhookReviewsPage(pages.of(headers).withNotice(notice),
                TenantShell.of(queue.tenant(), caller, Section.GETTING_PAID), queue.reviews(), queue.accounts()));
    }
}

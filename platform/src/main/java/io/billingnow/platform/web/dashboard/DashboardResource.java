package io.billingnow.platform.web.dashboard;

import io.billingnow.platform.billing.invoices.Invoice;
import io.billingnow.platform.billing.invoices.InvoiceService;
import io.billingnow.platform.billing.invoices.OpenTotals;
import io.billingnow.platform.billing.payments.PaymentService;
import io.billingnow.platform.billing.payments.RecentPayment;
import io.billingnow.platform.billing.payments.ReceivedMoney;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.web.shell.PageContexts;
import io.billingnow.platform.web.shell.Section;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebResponses;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A business's dashboard: outstanding, overdue and paid-this-month totals per currency, the latest invoices and payments, all
 * read by the billing services in one tenant transaction. Who may see it is the API's rule: the path's business goes
 * through the {@code BillingNow-Tenant} check ({@code TenantFromPath}) and the role needs {@code INVOICES_READ}.
 */
@Path("/t/{tenant}/")
@Hidden
public final class DashboardResource {

    static final int LATEST = 10;

    private final TenantTransactions transactions;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final PageContexts pages;
    private final Clock clock;

    public DashboardResource(TenantTransactions transactions, InvoiceService invoices, PaymentService payments,
                             PageContexts pages, Clock clock) {
        this.transactions = transactions;
        this.invoices = invoices;
        this.payments = payments;
        this.pages = pages;
        this.clock = clock;
    }

    /** What the dashboard shows, read in one transaction. */
    record Figures(Tenant tenant, TenantShell shell, List<OpenTotals> open, List<ReceivedMoney> paidThisMonth, List<Invoice> latest,
                   List<RecentPayment> latestPayments) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.INVOICES_READ)
    public Response dashboard(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                              @PathParam("tenant") String tenant,
                              @QueryParam(WebResponses.NOTICE) String notice) {
        // notice: declared so the strict query check admits it; PageContexts reads it (after sign-up, an invitation).
        TenantCaller caller = Callers.tenant(security);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Instant monthStart = today.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant nextMonth = today.withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Figures figures = transactions.read(caller.tenant(), tx -> new Figures(Tenants.current(tx),
                TenantShell.of(tx, caller, Section.DASHBOARD), invoices.openTotals(tx),
                payments.receivedBetween(tx, monthStart, nextMonth), invoices.latest(tx, LATEST),
                payments.latest(tx, LATEST)));
        return WebResponses.page(new DashboardPage(pages.of(headers, uri), figures.shell(), figures, today));
    }
}

package io.billingnow.platform.web;

import com.codahale.metrics.MetricRegistry;
import io.billingnow.platform.billing.customers.CustomerService;
import io.billingnow.platform.billing.invoices.InvoiceService;
import io.billingnow.platform.billing.payments.PaymentService;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.signin.SignInModule;
import io.billingnow.platform.web.dashboard.DashboardResource;
import io.billingnow.platform.web.errors.HtmlErrorPages;
import io.billingnow.platform.web.home.HomeResource;
import io.billingnow.platform.web.invoices.drafts.DraftEditorResource;
import io.billingnow.platform.web.shell.MustacheRenderer;
import io.billingnow.platform.web.shell.PageContexts;
import io.billingnow.platform.web.shell.TenantFromPath;
import io.billingnow.platform.web.shell.WebAssets;
import io.billingnow.platform.web.shell.WebSessions;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.views.common.ViewMessageBodyWriter;
import java.time.Clock;
import java.util.List;

/** Registers the web app: the view writer, its filters and its pages, on the services the API uses. */
public final class WebApp {

    private WebApp() {
    }

    public static void register(JerseyEnvironment jersey, MetricRegistry metrics, SignInModule signIn,
                                PlatformTransactions platform, TenantTransactions tenants, InvoiceService invoices,
                                PaymentService payments, CustomerService customers, Clock clock) {
        WebAssets assets = new WebAssets();
        WebSessions sessions = new WebSessions(signIn.sessions());
        PageContexts pages = new PageContexts(assets, sessions);
        jersey.register(new ViewMessageBodyWriter(metrics, List.of(new MustacheRenderer())));
        jersey.register(new TenantFromPath());
        jersey.register(new HtmlErrorPages(assets));
        jersey.register(assets);
        jersey.register(new HomeResource(assets, sessions, platform, signIn.providerNames(), signIn.devLogin()));
        jersey.register(new DashboardResource(tenants, invoices, payments, pages, clock));
        jersey.register(new DraftEditorResource(tenants, invoices, customers, pages));
    }
}

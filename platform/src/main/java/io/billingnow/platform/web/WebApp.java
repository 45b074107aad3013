package io.billingnow.platform.web;

import com.codahale.metrics.MetricRegistry;
import io.billingnow.platform.billing.creditnotes.CreditNoteService;
import io.billingnow.platform.billing.customers.CustomerService;
import io.billingnow.platform.audit.AuditChainVerifier;
import io.billingnow.platform.audit.AuditTrail;
import io.billingnow.platform.billing.invoices.InvoiceService;
import io.billingnow.platform.billing.paylinks.PaymentLinkService;
import io.billingnow.platform.billing.payments.ManualPaymentRules;
import io.billingnow.platform.billing.payments.PaymentService;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.apikeys.ApiKeyService;
import io.billingnow.platform.identity.signin.SignInModule;
import io.billingnow.platform.tenancy.signup.SignUpService;
import io.billingnow.platform.web.account.AccountResource;
import io.billingnow.platform.providers.accounts.ProviderAccountService;
import io.billingnow.platform.web.customers.CustomerPagesResource;
import io.billingnow.platform.web.invoices.InvoiceActions;
import io.billingnow.platform.web.invoices.InvoicePagesResource;
import io.billingnow.platform.web.apikeys.ApiKeysPageResource;
import io.billingnow.platform.web.audit.AuditPageResource;
import io.billingnow.platform.web.dashboard.DashboardResource;
import io.billingnow.platform.web.errors.HtmlErrorPages;
import io.billingnow.platform.web.gettingpaid.GettingPaidResource;
import io.billingnow.platform.web.gettingpaid.WebhookReviewsPageResource;
import io.billingnow.platform.web.home.HomeResource;
import io.billingnow.platform.tenancy.settings.BusinessSettingsService;
import io.billingnow.platform.tenancy.settings.LogoService;
import io.billingnow.platform.web.settings.SettingsPageResource;
import io.billingnow.platform.web.invoices.drafts.DraftEditorResource;
import io.billingnow.platform.web.shell.FormSubmissionKeys;
import io.billingnow.platform.web.shell.MustacheRenderer;
import io.billingnow.platform.web.shell.PageContexts;
import io.billingnow.platform.web.shell.TenantFromPath;
import io.billingnow.platform.web.shell.WebAssets;
import io.billingnow.platform.web.shell.WebSessions;
import io.billingnow.platform.web.signup.SignUpResource;
import io.billingnow.platform.web.team.TeamResource;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.views.common.ViewMessageBodyWriter;
import java.time.Clock;
import java.util.List;

/** Registers the web app: the view writer, its filters and its pages, on the services the API uses. */
public final class WebApp {

    private WebApp() {
    }

    /** The billing services the customers and invoices pages call, the API resources' own. */
    public record Billing(CustomerService customers, CreditNoteService creditNotes, ManualPaymentRules manualPayments,
                         PaymentLinkService paymentLinks, ProviderAccountService providerAccounts) {
    }

    /** The services the team, API keys, audit log and settings pages call, the API resources' own. */
    public record Administration(ApiKeyService apiKeys, AuditTrail auditTrail, AuditChainVerifier auditChain,
                                 BusinessSettingsService settings, LogoService logos) {
    }

    public static void register(JerseyEnvironment jersey, MetricRegistry metrics, SignInModule signIn,
                                PlatformTransactions platform, TenantTransactions tenants, InvoiceService invoices,
                                PaymentService payments, SignUpService signUp, Clock clock, Billing billing,
                                Administration administration) {
        WebAssets assets = new WebAssets();
        WebSessions sessions = new WebSessions(signIn.sessions());
        PageContexts pages = new PageContexts(assets, sessions);
        jersey.register(new ViewMessageBodyWriter(metrics, List.of(new MustacheRenderer())));
        jersey.register(new TenantFromPath());
        jersey.register(new FormSubmissionKeys());
        jersey.register(new HtmlErrorPages(assets));
        jersey.register(assets);
        jersey.register(new HomeResource(assets, sessions, platform, signIn.providerNames(), signIn.devLogin(),
                signIn.members(), signIn.users(), signUp.enabled()));
        jersey.register(new SignUpResource(signUp, tenants, pages));
        jersey.register(new AccountResource(signIn.sessions(), signIn.signOutEverywhere(), signIn.members(),
                signIn.users(), platform, tenants, pages, signUp.enabled()));
        jersey.register(new DashboardResource(tenants, invoices, payments, pages, clock));
        jersey.register(new GettingPaidResource(tenants, billing.providerAccounts(), pages));
        jersey.register(new WebhookReviewsPageResource(tenants, billing.providerAccounts(), pages));
        jersey.register(new CustomerPagesResource(tenants, billing.customers(), pages));
        jersey.register(new InvoicePagesResource(tenants, invoices, billing.customers(), billing.creditNotes(),
                new InvoiceActions(tenants, invoices, payments, billing.creditNotes(), billing.manualPayments(),
                        billing.paymentLinks()), billing.providerAccounts(), billing.paymentLinks(), pages));
        jersey.register(new TeamResource(tenants, signIn.members(), pages));
        jersey.register(new ApiKeysPageResource(tenants, administration.apiKeys(), pages));
        jersey.register(new AuditPageResource(tenants, administration.auditTrail(), administration.auditChain(), pages));
        jersey.register(new SettingsPageResource(tenants, administration.settings(), administration.logos(), pages));
        jersey.register(new DraftEditorResource(tenants, invoices, billing.customers(), pages));
    }
}

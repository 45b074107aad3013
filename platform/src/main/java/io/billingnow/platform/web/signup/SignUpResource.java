package io.billingnow.platform.web.signup;

import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.NotPermitted;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.http.DomainStatuses;
import io.billingnow.platform.identity.auth.RequiresSignIn;
import io.billingnow.platform.identity.auth.SignedInUser;
import io.billingnow.platform.protection.ratelimit.RateLimiter;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.signup.SignUpService;
import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.PageContexts;
import io.billingnow.platform.web.shell.WebResponses;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * "Create a business": the form, and its submission to {@link SignUpService} in the transaction of the new business's
 * id. The person, not a tenant, is the caller ({@code @RequiresSignIn}, like {@code /v1/me}); a refusal of what they
 * typed shows the form again with the service's own words. Switched off by operators, the page and the POST answer
 * 403 and no link leads here.
 */
@Path("/businesses/new")
@Hidden
public final class SignUpResource {

    private final SignUpService signUp;
    private final TenantTransactions transactions;
    private final PageContexts pages;

    public SignUpResource(SignUpService signUp, TenantTransactions transactions, PageContexts pages) {
        this.signUp = signUp;
        this.transactions = transactions;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RequiresSignIn
    public Response form(@Context HttpHeaders headers, @Context UriInfo uri) {
        signUp.requireEnabled();
        return WebResponses.page(new SignUpPage(pages.of(headers, uri), SignUpPage.Values.EMPTY, FormErrors.NONE));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RequiresSignIn
    public Response create(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                           @Context UriInfo uri, MultivaluedMap<String, String> form) {
        signUp.requireEnabled();
        SignUpPage.Values typed = new SignUpPage.Values(form.getFirst("name"), form.getFirst("slug"),
                form.getFirst("country"), form.getFirst("currency"));
        try {
            Tenant created = transactions.write(TenantId.random(), tx -> signUp.signUp(tx,
                    SignedInUser.of(request).userId(), new SignUpService.SignUp(typed.name(), typed.slug(),
                            typed.country(), typed.currency())));
            return WebResponses.seeOther("/t/" + created.slug() + "/", "business_created");
        } catch (NotPermitted refused) {
            throw refused;
        } catch (DomainException refused) {
            Response page = WebResponses.page(DomainStatuses.of(refused),
                    new SignUpPage(pages.of(headers), typed, FormErrors.of(refused)));
            return refused.retryAfter().map(wait -> Response.fromResponse(page)
                    .header(HttpHeaders.RETRY_AFTER, RateLimiter.retryAfterSeconds(wait)).build()).orElse(page);
        }
    }
}

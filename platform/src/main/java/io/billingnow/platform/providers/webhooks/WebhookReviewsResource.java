package io.billingnow.platform.providers.webhooks;

import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/** Authentic provider events the platform would not apply by itself, waiting for a person to reconcile them. */
@Path("/v1/webhook-reviews")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhookReviewsResource {

    private final TenantTransactions transactions;

    public WebhookReviewsResource(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Operation(summary = "List webhook events kept for review",
            description = "Provider events that could not be applied (unknown invoice, currency mismatch, …) and "
            + "need a person.")
    @GET
    @RequiresPermission(Permission.PAYMENTS_WRITE)
    public Map<String, List<WebhookReview>> open(@Context SecurityContext security) {
        TenantCaller caller = Callers.tenant(security);
        return Map.of("data", transactions.read(caller.tenant(), WebhookReviews::open));
    }
}

package io.billingnow.platform.providers.webhooks;

import io.billingnow.platform.core.tx.TenantHandle;
import java.util.List;

/** The review queue of a tenant: what the API's {@code GET /v1/webhook-reviews} and the web app's queue both read. */
public final class WebhookReviews {

    private WebhookReviews() {
    }

    /** The entries nobody has resolved yet, oldest first. */
    public static List<WebhookReview> open(TenantHandle tx) {
        return tx.dao(WebhookEventDao.class).openReviews(tx.tenant());
    }
}

package io.billingnow.platform.web.gettingpaid;

import io.billingnow.platform.providers.accounts.ProviderAccount;
import io.billingnow.platform.providers.webhooks.WebhookReview;
import io.billingnow.platform.web.shell.TenantPage;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The open review entries, oldest first, each with the account that received it and the reason in words. */
public final class WebhookReviewsPage extends TenantPage {

    private final List<WebhookReview> reviews;
    private final Map<UUID, String> accountNames;

    WebhookReviewsPage(WebContext context, TenantShell shell, List<WebhookReview> reviews,
                       List<ProviderAccount> accounts) {
        super("webhook-reviews.mustache", context, shell, context.messages().all().get("getting_paid_reviews"));
        this.reviews = reviews;
        this.accountNames = accounts.stream().collect(Collectors.toMap(ProviderAccount::id,
                ProviderAccount::displayName, (a, b) -> a));
    }

    public List<Map<String, String>> reviews() {
        return reviews.stream().map(this::row).toList();
    }

    public boolean noReviews() {
        return reviews.isEmpty();
    }

    private Map<String, String> row(WebhookReview review) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", review.id().toString());
        row.put("received", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale()).format(review.createdAt().atZone(ZoneOffset.UTC)) + " UTC");
        row.put("account", accountNames.getOrDefault(review.accountId(),
                messages().all().get("getting_paid_account_removed")));
        row.put("accountId", accountNames.containsKey(review.accountId()) ? review.accountId().toString() : null);
        row.put("event", review.providerEventId());
        row.put("reason", messages().all().getOrDefault("getting_paid_reason_" + review.reason().replace('-', '_'),
                review.reason()));
        row.put("invoiceReference", review.invoiceReference());
        row.put("paymentReference", review.paymentReference());
        row.put("amount", amount(review));
        return row;
    }

    private String amount(WebhookReview review) {
        if (review.amount() == null || review.currency() == null) {
            return null;
        }
        try {
            return formats().money(review.amount(), review.currency());
        } catch (RuntimeException notACurrency) {
            // The provider's event named a currency we do not know (one reason it is here): show it as sent.
            return review.amount() + " " + review.currency();
        }
    }
}

package io.billingnow.platform.protection.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.protection.egress.EgressHttpClient;
import io.billingnow.platform.protection.egress.EgressPolicy;
import io.billingnow.platform.protection.egress.EgressRefusedException;
import java.net.URI;
import org.eclipse.jetty.client.BytesRequestContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each alert as JSON to a configured URL (a chat or paging integration), asynchronously: a slow or failing
 * receiver never delays requests. Failures are logged; the alert is also always logged by {@link LogAlertSink}. The
 * request goes through the {@link EgressHttpClient} like every outbound request: HTTPS, public addresses only (checked
 * and pinned at connect time), no redirect followed, so the receiver cannot bounce it to an internal address.
 */
public final class WebhookAlertSink implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookAlertSink.class);

    private final URI url;
    private final ObjectMapper json;
    private final EgressHttpClient client;

    /** Refuses to be built for a URL the egress policy refuses, so a bad configuration fails at start-up. */
    public WebhookAlertSink(URI url, ObjectMapper json, EgressHttpClient client) {
        client.policy().refusal(url, EgressPolicy.AllowedHosts.ANY).ifPresent(why -> {
            throw new IllegalArgumentException("monitoring.alertWebhookUrl is not allowed: " + why);
        });
        this.url = url;
        this.json = json;
        this.client = client;
    }

    @Override
    public void raise(Alert alert) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try {
            client.newRequest(url, EgressPolicy.AllowedHosts.ANY).method("POST")
                    .body(new BytesRequestContent("application/json", body))
                    .send(result -> {
                        if (result.isFailed()) {
                            LOG.warn("Alert webhook could not be reached: {}", result.getFailure().toString());
                        } else if (result.getResponse().getStatus() >= 300) {
                            LOG.warn("Alert webhook answered {}", result.getResponse().getStatus());
                        }
                    });
        } catch (EgressRefusedException e) {
            LOG.warn("Alert webhook refused by the egress policy: {}", e.getMessage());
        }
    }
}

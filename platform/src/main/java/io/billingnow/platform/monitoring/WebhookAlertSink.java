package io.billingnow.platform.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each alert as JSON to a configured URL (a chat or paging integration), asynchronously: a slow or failing
 * receiver never delays requests. Failures are logged; the alert is also always logged by {@link LogAlertSink}.
 */
public final class WebhookAlertSink implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookAlertSink.class);

    private final URI url;
    private final ObjectMapper json;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookAlertSink(URI url, ObjectMapper json) {
        this.url = url;
        this.json = json;
    }

    @Override
    public void raise(Alert alert) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                LOG.warn("Alert webhook could not be reached: {}", failure.toString());
            } else if (response.statusCode() >= 300) {
                LOG.warn("Alert webhook answered {}", response.statusCode());
            }
        });
    }
}

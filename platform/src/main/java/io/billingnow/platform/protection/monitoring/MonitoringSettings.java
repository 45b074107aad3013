package io.billingnow.platform.protection.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.billingnow.platform.protection.ratelimit.RateLimitSettings;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;

/** Rate limits, alert rules and where alerts go (docs/security.md, "Monitoring"). */
public final class MonitoringSettings {

    /** Where alerts are sent. */
    public enum Sink { LOG, WEBHOOK }

    /** Where alert windows are counted: in PostgreSQL, shared by every node, or in this node's memory. */
    public enum WindowBackend { POSTGRESQL, MEMORY }

    @Valid
    @NotNull
    @JsonProperty("rateLimits")
    private RateLimitSettings rateLimits = new RateLimitSettings();

    @Valid
    @NotNull
    @JsonProperty("rules")
    private List<AlertRule> rules = List.of(
            new AlertRule(SecurityEventKind.SIGN_IN_FAILED, AlertRule.By.ADDRESS, 10, Duration.minutes(5),
                    Duration.minutes(15)),
            new AlertRule(SecurityEventKind.AUTHENTICATION_FAILED, AlertRule.By.ADDRESS, 20, Duration.minutes(5),
                    Duration.minutes(15)),
            new AlertRule(SecurityEventKind.AUTHENTICATION_FAILED, AlertRule.By.SUBJECT, 10, Duration.minutes(5),
                    Duration.minutes(15)),
            new AlertRule(SecurityEventKind.WEBHOOK_REJECTED, AlertRule.By.SUBJECT, 20, Duration.minutes(5),
                    Duration.minutes(5)),
            new AlertRule(SecurityEventKind.PERMISSION_DENIED, AlertRule.By.TENANT, 50, Duration.minutes(5),
                    Duration.seconds(0)),
            new AlertRule(SecurityEventKind.RATE_LIMITED, AlertRule.By.ADDRESS, 100, Duration.minutes(5),
                    Duration.seconds(0)));

    @NotNull
    @JsonProperty("alertWindows")
    private WindowBackend alertWindows = WindowBackend.POSTGRESQL;

    @NotNull
    @JsonProperty("alertSink")
    private Sink alertSink = Sink.LOG;

    /** Required for {@code alertSink: webhook}: alerts are POSTed there as JSON. */
    @JsonProperty("alertWebhookUrl")
    private URI alertWebhookUrl;

    public RateLimitSettings getRateLimits() {
        return rateLimits;
    }

    public List<AlertRule> getRules() {
        return rules;
    }

    public WindowBackend getAlertWindows() {
        return alertWindows;
    }

    /** The configured alert windows; the memory ones forget a key once the longest rule window passed quietly. */
    public AlertWindows alertWindows(io.billingnow.platform.core.tx.PlatformTransactions platform) {
        if (alertWindows == WindowBackend.POSTGRESQL) {
            return new PostgresAlertWindows(platform);
        }
        java.time.Duration longest = rules.stream().map(AlertRule::window).max(java.util.Comparator.naturalOrder())
                .orElse(java.time.Duration.ofMinutes(5));
        return new MemoryAlertWindows(longest);
    }

    public Sink getAlertSink() {
        return alertSink;
    }

    public URI getAlertWebhookUrl() {
        return alertWebhookUrl;
    }

    /** The configured sink; a webhook sink also logs, so an unreachable receiver never loses an alert. */
    public AlertSink alertSink(com.fasterxml.jackson.databind.ObjectMapper json,
                               io.billingnow.platform.protection.egress.EgressHttpClient egress) {
        LogAlertSink log = new LogAlertSink();
        if (alertSink == Sink.LOG) {
            return log;
        }
        WebhookAlertSink webhook = new WebhookAlertSink(alertWebhookUrl, json, egress);
        return alert -> {
            log.raise(alert);
            webhook.raise(alert);
        };
    }

    @jakarta.validation.constraints.AssertTrue(message = "alertWebhookUrl is required for alertSink: webhook")
    public boolean isAlertWebhookConfigured() {
        return alertSink != Sink.WEBHOOK || alertWebhookUrl != null;
    }
}

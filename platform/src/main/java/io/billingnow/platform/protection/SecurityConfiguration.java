package io.billingnow.platform.protection;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.billingnow.platform.protection.contact.SecurityContactConfiguration;
import io.billingnow.platform.protection.headers.SecurityHeadersConfiguration;
import io.billingnow.platform.protection.limits.LimitsConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The {@code security:} block of the platform configuration. TLS is configured on the listeners themselves
 * ({@code server.applicationConnectors}, types {@code billingnow-https} and {@code https-redirect}).
 */
public class SecurityConfiguration {

    @Valid
    @NotNull
    private SecurityHeadersConfiguration headers = new SecurityHeadersConfiguration();

    @Valid
    @NotNull
    private LimitsConfiguration limits = new LimitsConfiguration();

    @Valid
    @NotNull
    private SecurityContactConfiguration contact = new SecurityContactConfiguration();

    /** Opt-out of {@link AdminListenerCheck}; only for deployments where a firewall shields the admin port. */
    private boolean allowNonLoopbackAdmin = false;

    @JsonProperty
    public boolean isAllowNonLoopbackAdmin() {
        return allowNonLoopbackAdmin;
    }

    @JsonProperty
    public void setAllowNonLoopbackAdmin(boolean allowNonLoopbackAdmin) {
        this.allowNonLoopbackAdmin = allowNonLoopbackAdmin;
    }

    @JsonProperty
    public SecurityHeadersConfiguration getHeaders() {
        return headers;
    }

    @JsonProperty
    public void setHeaders(SecurityHeadersConfiguration headers) {
        this.headers = headers;
    }

    @JsonProperty
    public LimitsConfiguration getLimits() {
        return limits;
    }

    @JsonProperty
    public void setLimits(LimitsConfiguration limits) {
        this.limits = limits;
    }

    @JsonProperty
    public SecurityContactConfiguration getContact() {
        return contact;
    }

    @JsonProperty
    public void setContact(SecurityContactConfiguration contact) {
        this.contact = contact;
    }
}

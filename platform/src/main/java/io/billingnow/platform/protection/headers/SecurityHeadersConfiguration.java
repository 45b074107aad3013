package io.billingnow.platform.protection.headers;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** The {@code security.headers:} block. */
public class SecurityHeadersConfiguration {

    /** Responses under these path prefixes are never stored by caches, authenticated or not. */
    @NotNull
    private List<String> noStorePathPrefixes = List.of("/v1", "/admin");

    /**
     * HSTS for HTTPS requests whose listener did not already add it (e.g. TLS terminated by a trusted proxy that
     * sets {@code X-Forwarded-Proto: https}).
     */
    @NotNull
    private Duration hstsMaxAge = Duration.days(365);

    private boolean hstsIncludeSubDomains = false;

    @JsonProperty
    public List<String> getNoStorePathPrefixes() {
        return noStorePathPrefixes;
    }

    @JsonProperty
    public void setNoStorePathPrefixes(List<String> noStorePathPrefixes) {
        this.noStorePathPrefixes = noStorePathPrefixes;
    }

    @JsonProperty
    public Duration getHstsMaxAge() {
        return hstsMaxAge;
    }

    @JsonProperty
    public void setHstsMaxAge(Duration hstsMaxAge) {
        this.hstsMaxAge = hstsMaxAge;
    }

    @JsonProperty
    public boolean isHstsIncludeSubDomains() {
        return hstsIncludeSubDomains;
    }

    @JsonProperty
    public void setHstsIncludeSubDomains(boolean hstsIncludeSubDomains) {
        this.hstsIncludeSubDomains = hstsIncludeSubDomains;
    }

    /** The HSTS header value. */
    public String hstsValue() {
        return "max-age=" + hstsMaxAge.toSeconds() + (hstsIncludeSubDomains ? "; includeSubDomains" : "");
    }
}

package io.billingnow.platform.protection.egress;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code plugins.egress:} section: where the platform's outbound requests may go. The defaults are the production
 * rules (HTTPS only, public addresses only, each plugin's declared hosts only); tests and dev mode loosen them by
 * explicit configuration for their fakes on 127.0.0.1, never by default.
 */
public class EgressSettings {

    /** Allows {@code http://} destinations. Off in production: provider credentials never travel in clear text. */
    @JsonProperty
    private boolean allowPlainHttp;

    /** Allows loopback addresses (127.0.0.0/8, ::1), for fake providers in tests and dev mode only. */
    @JsonProperty
    private boolean allowLoopback;

    /** More allowed hosts per provider id (e.g. a sandbox or a regional endpoint), added to the plugin's own list. */
    @NotNull
    @JsonProperty
    private Map<String, List<String>> extraHosts = new LinkedHashMap<>();

    /** Every added host is a host name or a leading-wildcard domain; a typo fails the start-up, not a payment. */
    @JsonIgnore
    @AssertTrue(message = "extraHosts entries must be host names, optionally starting with *.")
    public boolean isExtraHostsValid() {
        try {
            extraHosts.values().forEach(hosts -> hosts.forEach(HostPattern::new));
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    public boolean isAllowPlainHttp() {
        return allowPlainHttp;
    }

    public void setAllowPlainHttp(boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
    }

    public boolean isAllowLoopback() {
        return allowLoopback;
    }

    public void setAllowLoopback(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    public Map<String, List<String>> getExtraHosts() {
        return extraHosts;
    }

    public void setExtraHosts(Map<String, List<String>> extraHosts) {
        this.extraHosts = extraHosts;
    }
}

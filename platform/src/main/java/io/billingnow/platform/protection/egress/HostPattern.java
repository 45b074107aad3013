package io.billingnow.platform.protection.egress;

import java.util.Locale;

/**
 * One allowed host: an exact name ({@code api.stripe.com}) or a leading wildcard ({@code *.adyenpayments.com}) that
 * matches every subdomain of the domain but not the domain itself.
 */
public record HostPattern(String pattern) {

    public HostPattern {
        pattern = pattern.strip().toLowerCase(Locale.ROOT);
        if (pattern.isEmpty() || pattern.indexOf('*', pattern.startsWith("*.") ? 1 : 0) >= 0) {
            throw new IllegalArgumentException("an allowed host is a host name, optionally starting with *.: "
                    + pattern);
        }
    }

    public boolean matches(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return pattern.startsWith("*.")
                ? name.endsWith(pattern.substring(1)) && name.length() > pattern.length() - 1
                : name.equals(pattern);
    }

    @Override
    public String toString() {
        return pattern;
    }
}

package io.billingnow.platform.protection.ratelimit;

import java.util.Optional;

/** The kinds of route that are limited separately, each with its own budget. */
public enum RouteClass {
    SIGN_IN("/auth/"),
    API("/v1/", "/admin/v1/"),
    WEBHOOKS("/webhooks/"),
    PAY("/pay/"),
    /** Self-service sign-up of a business: no path of its own, counted per person by the sign-up itself. */
    SIGN_UP();

    private final String[] prefixes;

    RouteClass(String... prefixes) {
        this.prefixes = prefixes;
    }

    public static Optional<RouteClass> of(String path) {
        for (RouteClass routeClass : values()) {
            for (String prefix : routeClass.prefixes) {
                if (path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1))) {
                    return Optional.of(routeClass);
                }
            }
        }
        return Optional.empty();
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

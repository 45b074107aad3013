package io.billingnow.platform.identity.signin;

import io.billingnow.platform.core.errors.DomainException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where to send the browser after sign-in: only a path on our own site. Anything that a browser could read as
 * another host (a scheme, {@code //host}, a backslash, control characters) is refused, so sign-in is no open redirect.
 */
final class ReturnTo {

    private ReturnTo() {
    }

    static String validate(String requested, String fallback) {
        if (requested == null || requested.isEmpty()) {
            return fallback;
        }
        if (requested.length() > 2000 || !requested.startsWith("/") || requested.startsWith("//")
                || requested.indexOf('\\') >= 0 || requested.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw invalid();
        }
        try {
            URI uri = new URI(requested);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                throw invalid();
            }
        } catch (URISyntaxException e) {
            throw invalid();
        }
        return requested;
    }

    private static DomainException invalid() {
        return DomainException.invalid("/returnTo", "must be a path on this site, such as /invoices");
    }
}

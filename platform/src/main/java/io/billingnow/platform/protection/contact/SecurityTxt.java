package io.billingnow.platform.protection.contact;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Renders the RFC 9116 file once, at start-up: its content only changes with the configuration. */
public final class SecurityTxt {

    public static final String PATH = "/.well-known/security.txt";

    private SecurityTxt() {
    }

    public static String render(SecurityContactConfiguration config, Clock clock) {
        Instant expires = config.getExpires() != null
                ? config.getExpires()
                : clock.instant().plus(365, ChronoUnit.DAYS);
        StringBuilder text = new StringBuilder();
        for (URI contact : config.getContacts()) {
            text.append("Contact: ").append(contact).append('\n');
        }
        text.append("Expires: ").append(expires.truncatedTo(ChronoUnit.SECONDS)).append('\n');
        text.append("Preferred-Languages: ").append(String.join(", ", config.getPreferredLanguages())).append('\n');
        text.append("Canonical: ").append(canonical(config.getPublicBaseUrl())).append('\n');
        text.append("Policy: ").append(config.getPolicy()).append('\n');
        return text.toString();
    }

    static String canonical(URI publicBaseUrl) {
        String base = publicBaseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + PATH;
    }
}

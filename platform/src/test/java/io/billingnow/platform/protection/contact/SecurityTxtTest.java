package io.billingnow.platform.protection.contact;

import io.billingnow.platform.protection.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(DropwizardExtensionsSupport.class)
class SecurityTxtTest {

    private static final TestApp APP = TestApp.create();
    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> EXTENSION = APP.extension;

    @Test
    void servesTheContactFileAtTheWellKnownPath() throws Exception {
        Instant requested = Instant.now();
        HttpResponse<String> response = APP.get(APP.https("/.well-known/security.txt"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase())
                .isEqualTo("text/plain;charset=utf-8");
        List<String> lines = response.body().lines().toList();
        assertThat(lines).contains(
                "Contact: mailto:info@cappsule.io",
                "Preferred-Languages: en",
                "Canonical: https://billing.example.test/.well-known/security.txt",
                "Policy: https://billing.example.test/SECURITY.md");
        Instant expires = Instant.parse(lines.stream().filter(l -> l.startsWith("Expires: ")).findFirst()
                .orElseThrow().substring("Expires: ".length()));
        assertThat(expires).isBetween(requested.plus(Duration.ofDays(364)), requested.plus(Duration.ofDays(366)));
    }

    @Test
    void rendersConfiguredContactsAndExpiry() {
        SecurityContactConfiguration config = new SecurityContactConfiguration();
        config.setContacts(List.of(URI.create("mailto:security@example.com"), URI.create("https://example.com/report")));
        config.setExpires(Instant.parse("2027-03-01T00:00:00Z"));
        config.setPublicBaseUrl(URI.create("https://billing.example.com"));

        String text = SecurityTxt.render(config, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

        assertThat(text).isEqualTo("""
                Contact: mailto:security@example.com
                Contact: https://example.com/report
                Expires: 2027-03-01T00:00:00Z
                Preferred-Languages: en
                Canonical: https://billing.example.com/.well-known/security.txt
                Policy: https://github.com/billingnow/billingnow/blob/main/SECURITY.md
                """);
    }

    @Test
    void defaultExpiryIsOneYearAfterStartUp() {
        String text = SecurityTxt.render(new SecurityContactConfiguration(),
                Clock.fixed(Instant.parse("2026-11-24T07:00:00.123Z"), ZoneOffset.UTC));

        assertThat(text).contains("Expires: 2027-11-24T07:00:00Z\n", "Contact: mailto:info@cappsule.io\n");
    }

    @Test
    void plainHttpAddressesAreRejectedByValidation() {
        SecurityContactConfiguration config = new SecurityContactConfiguration();
        assertThat(config.isWellFormed()).isTrue();

        config.setPublicBaseUrl(URI.create("http://billing.example.com"));

        assertThat(config.isWellFormed()).isFalse();
    }
}

package io.billingnow.sdk;

import io.billingnow.sdk.webhook.RejectionReason;
import io.billingnow.sdk.webhook.WebhookRejectedException;
import io.billingnow.sdk.webhook.WebhookRequest;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTest {

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor("acme", "Acme Pay",
            EnumSet.of(Capability.WEBHOOKS, Capability.PAYMENT_LINKS),
            List.of(CredentialField.required("api_key", "API key", true, "ak_[a-z0-9]+"),
                    CredentialField.optional("api_base_url", "API base URL", false, "https?://.+")),
            Optional.of(CredentialField.required("webhook_secret", "Webhook secret", true, "whs_[a-z0-9]+")));

    @Test
    void credentialsNeverPrintValues() {
        Credentials c = new Credentials(Map.of("api_key", "ak_supersecret"), List.of("whs_topsecret"));
        assertThat(c.toString()).doesNotContain("supersecret").doesNotContain("topsecret").contains("api_key");
        WebhookRequest r = new WebhookRequest(new TenantContext("t1", "acme"), new byte[3], Headers.EMPTY, c);
        assertThat(r.toString()).doesNotContain("supersecret").doesNotContain("topsecret");
    }

    @Test
    void missingCredentialIsReportedByNameOnly() {
        Credentials c = new Credentials(Map.of("api_key", " "), List.of());
        assertThat(c.get("api_key")).isEmpty();
        assertThatThrownBy(() -> c.require("api_key")).isInstanceOf(ProviderException.class)
                .hasMessageContaining("api_key")
                .satisfies(e -> assertThat(((ProviderException) e).kind())
                        .isEqualTo(ProviderException.Kind.INVALID_CREDENTIALS));
    }

    @Test
    void descriptorValidatesCredentialsAgainstFields() {
        assertThat(DESCRIPTOR.validate(new Credentials(Map.of("api_key", "ak_1"), List.of("whs_1", "whs_2"))))
                .isEmpty();
        assertThat(DESCRIPTOR.validate(new Credentials(Map.of(), List.of())))
                .containsExactly("api_key: required", "webhook_secret: required");
        List<String> problems = DESCRIPTOR.validate(
                new Credentials(Map.of("api_key", "AK_SECRET", "api_base_url", "ftp://x"), List.of("nope")));
        assertThat(problems).hasSize(3).allSatisfy(p -> assertThat(p).doesNotContain("AK_SECRET", "nope"));
    }

    @Test
    void descriptorRejectsWebhooksWithoutSecretDescriptionAndBadIds() {
        assertThatThrownBy(() -> new ProviderDescriptor("acme", "Acme", EnumSet.of(Capability.WEBHOOKS), List.of(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProviderDescriptor("Acme Pay", "Acme", EnumSet.noneOf(Capability.class),
                List.of(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CredentialField.required("apiKey", "x", true, ".*"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CredentialField.required("api_key", "x", true, "(["))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDescriptorWithoutEgressHostsStillBuildsTheOldWayAndDeclaresNone() {
        assertThat(DESCRIPTOR.egressHosts()).isEmpty();
        assertThat(DESCRIPTOR.credentialFields()).noneMatch(CredentialField::endpoint);
    }

    @Test
    void aDescriptorDeclaresExactHostsAndLeadingWildcardDomains() {
        ProviderDescriptor d = new ProviderDescriptor("acme", "Acme", EnumSet.noneOf(Capability.class),
                List.of(CredentialField.optional("api_base_url", "API base URL", false, "https://.+").asEndpoint()),
                Optional.empty(), java.util.Set.of("api.acme.example", "*.live.acme.example"));
        assertThat(d.egressHosts()).containsExactlyInAnyOrder("api.acme.example", "*.live.acme.example");
        assertThat(d.credentialFields().get(0).endpoint()).isTrue();
        assertThat(d.credentialFields().get(0).pattern()).contains("https://.+");
        for (String bad : List.of("API.acme.example", "*.com", "api.*.example", "*", "https://api.acme.example",
                "api.acme.example:443", "")) {
            assertThatThrownBy(() -> new ProviderDescriptor("acme", "Acme", EnumSet.noneOf(Capability.class),
                    List.of(), Optional.empty(), java.util.Set.of(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void moneyRequiresUpperCaseIsoCode() {
        assertThat(new Money(1234, "EUR").minorUnits()).isEqualTo(1234);
        assertThatThrownBy(() -> new Money(1, "eur")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, "EURO")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void webhookBodyIsDefensivelyCopied() {
        byte[] body = {1, 2, 3};
        WebhookRequest r = new WebhookRequest(new TenantContext("t1", "acme"), body, Headers.EMPTY,
                new Credentials(Map.of(), List.of()));
        body[0] = 9;
        r.body()[1] = 9;
        assertThat(r.body()).containsExactly(1, 2, 3);
    }

    @Test
    void rejectionCarriesItsReason() {
        WebhookRejectedException e = new WebhookRejectedException(RejectionReason.STALE_TIMESTAMP, "too old");
        assertThat(e.reason()).isEqualTo(RejectionReason.STALE_TIMESTAMP);
        assertThat(e).hasMessage("STALE_TIMESTAMP: too old");
    }

    @Test
    void defaultCredentialCheckSaysNotSupported() {
        PaymentProvider p = new PaymentProvider() {
            @Override
            public io.billingnow.sdk.webhook.VerifiedWebhook verifyWebhook(WebhookRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public io.billingnow.sdk.link.PaymentLink createPaymentLink(
                    io.billingnow.sdk.link.PaymentLinkRequest request) {
                throw new UnsupportedOperationException();
            }
        };
        assertThat(p.checkCredentials(new CredentialCheckRequest(new TenantContext("t", "s"),
                new Credentials(Map.of(), List.of()))).status()).isEqualTo(CredentialCheckResult.Status.NOT_SUPPORTED);
    }
}

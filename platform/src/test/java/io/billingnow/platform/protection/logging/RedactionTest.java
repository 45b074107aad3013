package io.billingnow.platform.protection.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void ourTokensKeepTheirPrefixAndLoseTheirSecret() {
        String text = "key bnk_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd operator bno_Zyxwvutsrqponmlk link "
                + "/pay/pl_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ hook whk_0123456789abcdef";

        String redacted = Redaction.redact(text);

        assertThat(redacted).contains("bnk_[REDACTED]", "bno_[REDACTED]", "pl_[REDACTED]", "whk_[REDACTED]")
                .doesNotContain("AbCdEf", "Zyxwvu", "abcdefghij", "0123456789abcdef");
    }

    @Test
    void authorizationHeadersBearerCredentialsAndSessionCookiesAreMasked() {
        String text = "Authorization: Basic dXNlcjpwYXNz; header bearer eyJhbGciOiJSUzI1NiJ9.payload.sig "
                + "Cookie: __Host-bn_session=v1.sessionvalue123; __Host-bn_csrf=csrfvalue456";

        String redacted = Redaction.redact(text);

        assertThat(redacted).doesNotContain("dXNlcjpwYXNz", "eyJhbGciOiJSUzI1NiJ9", "sessionvalue123",
                "csrfvalue456");
    }

    @Test
    void secretNamedFieldsAndProviderKeysAreMasked() {
        String text = "{\"clientSecret\":\"s3cr3t-value\",\"password\":\"hunter2\"} api_key=abc123def "
                + "sk_live_51Habcdefghijk whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

        String redacted = Redaction.redact(text);

        assertThat(redacted).doesNotContain("s3cr3t-value", "hunter2", "abc123def", "51Habcdefghijk",
                "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }

    @Test
    void bareRandomTokensOfOurLengthAreMasked() {
        String token = "Xq3v9Lr0aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456_-";

        assertThat(token).hasSize(43);
        assertThat(Redaction.redact("pending " + token + " done")).isEqualTo("pending [REDACTED] done");
    }

    @Test
    void cardNumbersPassingLuhnAreMaskedWithOrWithoutSeparators() {
        String text = "visa 4111111111111111, spaced 4242 4242 4242 4242, dashed 5555-5555-5555-4444, amex 378282246310005";

        String redacted = Redaction.redact(text);

        assertThat(redacted).isEqualTo("visa [CARD], spaced [CARD], dashed [CARD], amex [CARD]");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "invoice INV-2026-000123 amount 1234567 EUR tenant 8c4a1f0e-5b7d-4c39-9a3e-2f1d6b7c8e90 "
                + "took 12 ms; order 4111111111111112 fails Luhn; sha256 "
                + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

        assertThat(Redaction.redact(text)).isEqualTo(text);
    }

    @Test
    void luhnAcceptsValidAndRefusesAlteredNumbers() {
        assertThat(Redaction.luhn("79927398713")).isTrue();
        assertThat(Redaction.luhn("79927398710")).isFalse();
    }
}

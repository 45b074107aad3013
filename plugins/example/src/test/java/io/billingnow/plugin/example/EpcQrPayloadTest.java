package io.billingnow.plugin.example;

import io.billingnow.sdk.Money;
import io.billingnow.sdk.ProviderException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EpcQrPayloadTest {

    @Test
    void buildsTheTwelveLineFormatWithoutTrailingEmptyLines() throws Exception {
        String payload = EpcQrPayload.builder().bic("BFSWDE33BER").beneficiaryName("Wikimedia Foerdergesellschaft")
                .iban("DE33 1002 0500 0001 1947 00").amount(new Money(12_345, "EUR"))
                .remittanceText("Invoice 2026-0007").build();
        assertThat(payload).isEqualTo(String.join("\n", "BCD", "002", "1", "SCT", "BFSWDE33BER",
                "Wikimedia Foerdergesellschaft", "DE33100205000001194700", "EUR123.45", "", "",
                "Invoice 2026-0007"));
    }

    @Test
    void bicMayBeEmptyInVersion002() throws Exception {
        String payload = EpcQrPayload.builder().beneficiaryName("Café Müller").iban("DE89370400440532013000")
                .amount(new Money(5, "EUR")).remittanceText("Invoice 1").build();
        assertThat(payload.split("\n", -1)).hasSize(11);
        assertThat(payload.split("\n", -1)[4]).isEmpty();
        assertThat(payload).contains("EUR0.05").contains("Café Müller");
    }

    @Test
    void formatsEurosWithTwoDecimalsAndNoSeparators() {
        assertThat(EpcQrPayload.euros(1)).isEqualTo("0.01");
        assertThat(EpcQrPayload.euros(100)).isEqualTo("1.00");
        assertThat(EpcQrPayload.euros(123_456_789)).isEqualTo("1234567.89");
        assertThat(EpcQrPayload.euros(99_999_999_999L)).isEqualTo("999999999.99");
    }

    @Test
    void checksTheIbanChecksum() {
        assertThat(EpcQrPayload.validIban("DE89370400440532013000")).isTrue();
        assertThat(EpcQrPayload.validIban("GB82WEST12345698765432")).isTrue();
        assertThat(EpcQrPayload.validIban("DE89370400440532013001")).isFalse();
        assertThat(EpcQrPayload.validIban("DE8937")).isFalse();
    }

    @Test
    void refusesWhatSepaCannotCarry() {
        EpcQrPayload base = EpcQrPayload.builder().beneficiaryName("A").iban("DE89370400440532013000");
        assertThatThrownBy(() -> base.amount(new Money(100, "USD")).build())
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST));
        assertThatThrownBy(() -> base.amount(new Money(100_000_000_000L, "EUR")).build())
                .isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> EpcQrPayload.builder().beneficiaryName("A").iban("DE00370400440532013000")
                .amount(new Money(1, "EUR")).build())
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_CREDENTIALS));
    }

    @Test
    void longRemittanceIsCutToFitTheFormat() throws Exception {
        String payload = EpcQrPayload.builder().beneficiaryName("N".repeat(70)).iban("DE89370400440532013000")
                .bic("COBADEFFXXX").amount(new Money(99_999_999_999L, "EUR")).remittanceText("R".repeat(500)).build();
        assertThat(payload.split("\n")[10]).hasSize(140);
        assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(EpcQrPayload.MAX_BYTES);
    }
}

package io.billingnow.plugin.example;

import io.billingnow.sdk.Money;
import io.billingnow.sdk.ProviderException;
import io.billingnow.sdk.ProviderException.Kind;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the text payload of an EPC QR code ("GiroCode", EPC069-12, version 002): twelve lines separated by LF,
 * UTF-8, at most 331 bytes; trailing empty lines are left out. Rendering the QR image is left to the pay page.
 */
final class EpcQrPayload {

    static final int MAX_BYTES = 331;
    private static final long MAX_CENTS = 99_999_999_999L; // EUR 999,999,999.99

    private String bic = "";
    private String beneficiaryName;
    private String iban;
    private Money amount;
    private String remittanceText = "";

    static EpcQrPayload builder() {
        return new EpcQrPayload();
    }

    EpcQrPayload bic(String value) {
        this.bic = value;
        return this;
    }

    EpcQrPayload beneficiaryName(String value) {
        this.beneficiaryName = value;
        return this;
    }

    EpcQrPayload iban(String value) {
        this.iban = value.replace(" ", "").toUpperCase(Locale.ROOT);
        return this;
    }

    EpcQrPayload amount(Money value) {
        this.amount = value;
        return this;
    }

    EpcQrPayload remittanceText(String value) {
        this.remittanceText = value;
        return this;
    }

    String build() throws ProviderException {
        if (beneficiaryName == null || beneficiaryName.isBlank() || beneficiaryName.length() > 70
                || beneficiaryName.contains("\n")) {
            throw new ProviderException(Kind.INVALID_CREDENTIALS, "beneficiary name must be 1 to 70 characters");
        }
        if (iban == null || !validIban(iban)) {
            throw new ProviderException(Kind.INVALID_CREDENTIALS, "IBAN is not valid");
        }
        if (!bic.isEmpty() && !bic.matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
            throw new ProviderException(Kind.INVALID_CREDENTIALS, "BIC is not valid");
        }
        if (!"EUR".equals(amount.currency())) {
            throw new ProviderException(Kind.INVALID_REQUEST, "SEPA credit transfers are in EUR only");
        }
        if (amount.minorUnits() < 1 || amount.minorUnits() > MAX_CENTS) {
            throw new ProviderException(Kind.INVALID_REQUEST, "amount must be from EUR 0.01 to EUR 999999999.99");
        }
        String remittance = remittanceText.length() > 140 ? remittanceText.substring(0, 140) : remittanceText;
        List<String> lines = new ArrayList<>(List.of(
                "BCD",                 // service tag
                "002",                 // version
                "1",                   // character set: UTF-8
                "SCT",                 // SEPA credit transfer
                bic,                   // optional in version 002 inside the EEA
                beneficiaryName,
                iban,
                "EUR" + euros(amount.minorUnits()),
                "",                    // purpose code
                "",                    // structured (RF) reference: we use the unstructured text instead
                remittance.replace('\n', ' '),
                ""));                  // beneficiary-to-originator information
        while (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        String payload = String.join("\n", lines);
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ProviderException(Kind.INVALID_REQUEST, "EPC payload exceeds 331 bytes");
        }
        return payload;
    }

    /** Formats cents as euros with a dot and two decimals, no thousands separator: 123456 becomes 1234.56. */
    static String euros(long cents) {
        return (cents / 100) + "." + String.format(Locale.ROOT, "%02d", cents % 100);
    }

    /** ISO 13616 check: move the first four characters to the end, letters to numbers, the whole mod 97 is 1. */
    static boolean validIban(String iban) {
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}

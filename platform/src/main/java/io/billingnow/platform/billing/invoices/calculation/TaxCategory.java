package io.billingnow.platform.billing.invoices.calculation;

import java.util.Optional;

/**
 * The tax category of a rate, using the VAT category codes of EN 16931 (UNTDID 5305 subset). The codes that
 * EN 16931 requires to carry a zero rate are marked so the calculator can refuse e.g. an exempt rate of 5 %.
 */
public enum TaxCategory {
    /** Standard rate; EN 16931 requires a rate greater than zero. */
    S(RateRule.POSITIVE),
    /** Zero rated goods. */
    Z(RateRule.ZERO),
    /** Exempt from tax. */
    E(RateRule.ZERO),
    /** Reverse charge: the buyer accounts for the tax. */
    AE(RateRule.ZERO),
    /** Intra-community supply (EEA). */
    K(RateRule.ZERO),
    /** Export outside the EU, free export item. */
    G(RateRule.ZERO),
    /** Services outside the scope of tax. */
    O(RateRule.ZERO),
    /** Canary Islands general indirect tax (IGIC). */
    L(RateRule.ANY),
    /** Tax for production, services and importation in Ceuta and Melilla (IPSI). */
    M(RateRule.ANY);

    enum RateRule { ZERO, POSITIVE, ANY }

    private final RateRule rateRule;

    TaxCategory(RateRule rateRule) {
        this.rateRule = rateRule;
    }

    /** The code as written in EN 16931 documents, e.g. {@code "AE"}. */
    public String code() {
        return name();
    }

    /** The category with the given code, if there is one (case-sensitive, as in EN 16931). */
    public static Optional<TaxCategory> fromCode(String code) {
        for (TaxCategory category : values()) {
            if (category.name().equals(code)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    RateRule rateRule() {
        return rateRule;
    }
}

package io.billingnow.platform.billing.money;

import java.util.Collections;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An ISO 4217 currency that invoices may be issued in, with its minor-unit exponent (JPY 0, EUR 2, BHD 3, CLF 4).
 *
 * <p>The registry starts from {@link java.util.Currency}, which also lists withdrawn codes (DEM, HRK, ...) and
 * pseudo-codes without a minor unit (XXX, XTS, XAU, XDR, ...). Both are refused here: an invoice in a currency that no
 * longer exists, or in a test code, is always a mistake. Codes that ISO 4217 lists but the JDK does not know are
 * added explicitly, and {@link #EXPONENT_OVERRIDES} wins over the JDK wherever the two disagree.
 */
public final class CurrencyUnit implements Comparable<CurrencyUnit> {

    /** Codes the JDK still ships but ISO 4217 list one no longer contains. */
    private static final Set<String> WITHDRAWN = Set.of(
            "ADP", "AFA", "ATS", "AYM", "AZM", "BEF", "BGL", "BYB", "BYR", "CSD", "CYP", "DEM", "EEK", "ESP",
            "FIM", "FRF", "GHC", "GRD", "GWP", "HRK", "IEP", "ITL", "LTL", "LUF", "LVL", "MGF", "MRO", "MTL",
            "MZM", "NLG", "PTE", "ROL", "RUR", "SDD", "SIT", "SKK", "SRG", "STD", "TMM", "TPE", "TRL", "VEB",
            "VEF", "YUM", "ZMK", "ZWD", "ZWN", "ZWR");

    /**
     * ISO 4217 exponents that the JDK lacks or gets wrong. UYW (Uruguayan nominal wage index unit, exponent 4) is not
     * known to JDK 17 at all.
     */
    private static final Map<String, Integer> EXPONENT_OVERRIDES = Map.of("UYW", 4);

    private static final Map<String, CurrencyUnit> REGISTRY = buildRegistry();

    private final String code;
    private final int exponent;

    private CurrencyUnit(String code, int exponent) {
        this.code = code;
        this.exponent = exponent;
    }

    /**
     * The currency with the given ISO 4217 alphabetic code (upper case, as ISO writes it).
     *
     * @throws UnknownCurrencyException if the code is not an active ISO 4217 currency usable on an invoice
     */
    public static CurrencyUnit of(String code) {
        CurrencyUnit unit = code == null ? null : REGISTRY.get(code);
        if (unit == null) {
            throw new UnknownCurrencyException(code);
        }
        return unit;
    }

    /** Whether {@link #of(String)} would accept the code. */
    public static boolean isKnown(String code) {
        return code != null && REGISTRY.containsKey(code);
    }

    /** All accepted codes, in alphabetical order. */
    public static Set<String> knownCodes() {
        return REGISTRY.keySet();
    }

    /** The three-letter ISO 4217 code, e.g. {@code EUR}. */
    public String code() {
        return code;
    }

    /** How many decimal digits the minor unit has: one major unit is {@code 10^exponent} minor units. */
    public int exponent() {
        return exponent;
    }

    @Override
    public int compareTo(CurrencyUnit other) {
        return code.compareTo(other.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurrencyUnit other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code;
    }

    private static Map<String, CurrencyUnit> buildRegistry() {
        Map<String, CurrencyUnit> units = new TreeMap<>();
        for (Currency currency : Currency.getAvailableCurrencies()) {
            String code = currency.getCurrencyCode();
            int exponent = currency.getDefaultFractionDigits();
            // A negative exponent is how the JDK marks pseudo-currencies (XXX, XTS, precious metals, XDR, ...).
            if (exponent >= 0 && !WITHDRAWN.contains(code) && code.equals(code.toUpperCase(Locale.ROOT))) {
                units.put(code, new CurrencyUnit(code, exponent));
            }
        }
        EXPONENT_OVERRIDES.forEach((code, exponent) -> units.put(code, new CurrencyUnit(code, exponent)));
        return Collections.unmodifiableMap(units);
    }
}

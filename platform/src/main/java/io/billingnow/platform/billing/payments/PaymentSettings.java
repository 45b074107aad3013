package io.billingnow.platform.billing.payments;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code payments:} block: what a payment recorded by hand may plausibly be. Amounts are bounded in major units
 * (EUR 1.00, JPY 1) and scaled by the currency's exponent, so one figure fits every currency.
 */
public class PaymentSettings {

    /** The largest payment in major units of any currency without an entry in {@link #maxMajorUnitsByCurrency}. */
    @Min(1)
    @Max(1_000_000_000_000L)
    @JsonProperty
    private long maxMajorUnits = 1_000_000_000L;

    /** Per currency (ISO 4217 code), overriding {@link #maxMajorUnits}: e.g. a lower bound for a strong currency. */
    @NotNull
    @JsonProperty
    private Map<String, @Min(1) @Max(1_000_000_000_000L) Long> maxMajorUnitsByCurrency = Map.of();

    /** How far back {@code receivedAt} may lie: bookkeeping catches up late, but not by decades. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.DAYS)
    @JsonProperty
    private Duration receivedAtMaxAge = Duration.days(730);

    /** How far ahead {@code receivedAt} may lie: clocks differ, money does not arrive from the future. */
    @NotNull
    @JsonProperty
    private Duration receivedAtMaxAhead = Duration.days(1);

    /** The largest amount in minor units of {@code currency} with the given exponent (never above a long). */
    public long maxMinorUnits(String currency, int exponent) {
        long major = maxMajorUnitsByCurrency.getOrDefault(currency, maxMajorUnits);
        return BigInteger.valueOf(major).multiply(BigInteger.TEN.pow(exponent))
                .min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    }

    public java.time.Duration receivedAtMaxAge() {
        return receivedAtMaxAge.toJavaDuration();
    }

    public java.time.Duration receivedAtMaxAhead() {
        return receivedAtMaxAhead.toJavaDuration();
    }
}

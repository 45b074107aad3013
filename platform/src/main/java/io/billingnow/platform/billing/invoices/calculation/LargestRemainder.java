package io.billingnow.platform.billing.invoices.calculation;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits a whole number of minor units in proportion to weights so that the parts add up exactly (the largest
 * remainder, or Hamilton, method): every part gets the floor of its exact share, and the units still missing go one
 * each to the parts with the largest fractional remainders. Ties go to the earlier part, which makes the result
 * deterministic.
 */
final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * @param total   the amount to split, not negative
     * @param weights not negative; if they are all zero, {@code total} must be zero
     * @return one part per weight, each between 0 and {@code total}, summing to {@code total}
     */
    static long[] allocate(long total, long[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative: " + total);
        }
        BigInteger weightSum = BigInteger.ZERO;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("weights must not be negative: " + Arrays.toString(weights));
            }
            weightSum = weightSum.add(BigInteger.valueOf(weight));
        }
        long[] parts = new long[weights.length];
        if (weightSum.signum() == 0) {
            if (total != 0) {
                throw new IllegalArgumentException("cannot split " + total + " over zero weights");
            }
            return parts;
        }
        BigInteger[] remainders = new BigInteger[weights.length];
        long allocated = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] division = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i]))
                    .divideAndRemainder(weightSum);
            parts[i] = division[0].longValueExact();
            remainders[i] = division[1];
            allocated += parts[i];
        }
        long missing = total - allocated; // fewer than weights.length units, since each floor loses less than one
        int[] byRemainder = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .mapToInt(Integer::intValue)
                .toArray();
        for (int k = 0; k < missing; k++) {
            parts[byRemainder[k]]++;
        }
        return parts;
    }
}

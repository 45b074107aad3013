package io.billingnow.platform.billing.invoices.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    @Test
    void gives_the_missing_units_to_the_largest_remainders() {
        // exact shares 33.33.., 33.33.., 33.33.. -> ties go to the earlier part
        assertThat(LargestRemainder.allocate(100, new long[] {1, 1, 1})).containsExactly(34, 33, 33);
        // exact shares 2.5, 4.5, 3.0 -> the tie between .5 and .5 goes to the earlier part
        assertThat(LargestRemainder.allocate(10, new long[] {25, 45, 30})).containsExactly(3, 4, 3);
        // exact shares 839.61.. and 54.38..
        assertThat(LargestRemainder.allocate(894, new long[] {16797, 1088})).containsExactly(840, 54);
    }

    @Test
    void gives_nothing_to_zero_weights() {
        assertThat(LargestRemainder.allocate(7, new long[] {0, 5, 0})).containsExactly(0, 7, 0);
        assertThat(LargestRemainder.allocate(0, new long[] {0, 0})).containsExactly(0, 0);
        assertThat(LargestRemainder.allocate(0, new long[] {})).isEmpty();
    }

    @Test
    void cannot_split_something_over_nothing() {
        assertThatThrownBy(() -> LargestRemainder.allocate(1, new long[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LargestRemainder.allocate(-1, new long[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parts_sum_exactly_and_stay_within_one_unit_of_the_exact_share() {
        Random random = new Random(20261124L);
        for (int run = 0; run < 2000; run++) {
            long[] weights = new long[1 + random.nextInt(8)];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = random.nextInt(4) == 0 ? 0 : Math.abs(random.nextLong() % 1_000_000_000_000L);
            }
            long weightSum = Arrays.stream(weights).sum();
            long total = weightSum == 0 ? 0 : Math.abs(random.nextLong() % 1_000_000_000_000_000L);

            long[] parts = LargestRemainder.allocate(total, weights);

            assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
            for (int i = 0; i < parts.length; i++) {
                assertThat(parts[i]).isNotNegative();
                if (weightSum > 0) {
                    // |part - total * weight / weightSum| < 1, compared exactly
                    BigInteger sum = BigInteger.valueOf(weightSum);
                    BigInteger error = BigInteger.valueOf(parts[i]).multiply(sum)
                            .subtract(BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i])));
                    assertThat(error.abs()).isLessThan(sum);
                }
            }
        }
    }
}

package io.billingnow.platform.providers.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counting behind the bulkheads: per key, never waiting, and a permit counts once however often it is released. */
class ConcurrencyBudgetTest {

    @Test
    void aKeyOverItsLimitIsRefusedWhileOtherKeysAreNot() {
        ConcurrencyBudget budget = new ConcurrencyBudget(2);
        List<ConcurrencyBudget.Permit> noisy = new ArrayList<>();
        noisy.add(budget.tryAcquire("noisy").orElseThrow());
        noisy.add(budget.tryAcquire("noisy").orElseThrow());

        assertThat(budget.tryAcquire("noisy")).isEmpty();
        assertThat(budget.tryAcquire("quiet")).isPresent();

        noisy.get(0).release();
        assertThat(budget.tryAcquire("noisy")).isPresent();
        assertThat(budget.tryAcquire("noisy")).isEmpty();
    }

    @Test
    void releasingAPermitTwiceGivesBackOneUnitOnly() {
        ConcurrencyBudget budget = new ConcurrencyBudget(1);
        ConcurrencyBudget.Permit permit = budget.tryAcquire("tenant").orElseThrow();
        permit.release();
        ConcurrencyBudget.Permit next = budget.tryAcquire("tenant").orElseThrow();
        // A late second release of the old permit (say, from the caller and the plugin thread) frees nothing.
        permit.release();
        assertThat(budget.tryAcquire("tenant")).isEmpty();
        next.release();
        assertThat(budget.tryAcquire("tenant")).isPresent();
    }
}

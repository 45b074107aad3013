package io.billingnow.platform.web.invoices;

import io.billingnow.platform.billing.money.CurrencyUnit;
import io.billingnow.platform.billing.money.Money;
import io.billingnow.platform.billing.money.MoneyFormatException;
import io.billingnow.platform.billing.money.MoneyOverflowException;
import io.billingnow.platform.core.errors.DomainException;

/**
 * An amount as a person types it ("12.50", or "12,50" as German writes it) in the invoice's currency, to the integer
 * minor units the API takes; at most the currency's decimals, nothing rounded ({@code Money.parse}).
 */
final class AmountInput {

    private AmountInput() {
    }

    /** Minor units, or null for a blank field (the API's own rule then says it is required). */
    static Long minorUnits(String typed, String currency, String pointer) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String decimal = typed.trim();
        if (decimal.indexOf(',') >= 0 && decimal.indexOf('.') < 0) {
            decimal = decimal.replace(',', '.');
        }
        CurrencyUnit unit = CurrencyUnit.of(currency);
        try {
            return Money.parse(decimal, unit).minorUnits();
        } catch (MoneyFormatException | MoneyOverflowException e) {
            throw DomainException.invalid(pointer, "an amount in " + currency + " with at most " + unit.exponent()
                    + " decimals, such as 12" + (unit.exponent() == 0 ? "" : "." + "5".repeat(unit.exponent())));
        }
    }
}

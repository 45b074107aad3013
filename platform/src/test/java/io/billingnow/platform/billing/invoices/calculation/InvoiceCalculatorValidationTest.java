package io.billingnow.platform.billing.invoices.calculation;

import static io.billingnow.platform.billing.invoices.calculation.Fixtures.DE_19;
import static io.billingnow.platform.billing.invoices.calculation.Fixtures.exclusive;
import static io.billingnow.platform.billing.invoices.calculation.Fixtures.line;
import static io.billingnow.platform.billing.invoices.calculation.Fixtures.rate;
import static io.billingnow.platform.billing.invoices.calculation.Fixtures.withDiscount;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InvoiceCalculatorValidationTest {

    private final InvoiceCalculator calculator = new InvoiceCalculator();

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(InvoiceInput input, String field) {
        return assertThatThrownBy(() -> calculator.calculate(input))
                .isInstanceOf(InvalidInvoiceInputException.class)
                .matches(e -> ((InvalidInvoiceInputException) e).field().equals(field),
                        "field is " + field)
                .hasMessageStartingWith(field + ": ");
    }

    @ParameterizedTest(name = "currency \"{0}\"")
    @ValueSource(strings = {"XXX", "XTS", "DEM", "eur", "", "EURO"})
    void refuses_unknown_and_pseudo_currencies(String currency) {
        assertRejected(exclusive(currency, line("1", 100, DE_19)), "currency");
    }

    @Test
    void refuses_missing_parts() {
        assertRejected(new InvoiceInput(null, TaxBehaviour.EXCLUSIVE, List.of(), null), "currency");
        assertRejected(new InvoiceInput("EUR", null, List.of(), null), "taxBehaviour");
        assertRejected(new InvoiceInput("EUR", TaxBehaviour.EXCLUSIVE, null, null), "lines");
        assertRejected(new InvoiceInput("EUR", TaxBehaviour.EXCLUSIVE, Arrays.asList(line("1", 1), null), null),
                "lines[1]");
        assertRejected(exclusive("EUR", new InvoiceLineInput(null, 100, List.of())), "lines[0].quantity");
    }

    @ParameterizedTest(name = "quantity {0}")
    @ValueSource(strings = {"0", "-1", "0.0000001", "1.1234567", "1000000000.000001", "1E+10"})
    void refuses_non_positive_too_precise_or_absurd_quantities(String quantity) {
        assertRejected(exclusive("EUR", line("1", 100), line(quantity, 100)), "lines[1].quantity");
    }

    @Test
    void accepts_quantities_with_trailing_zeros_beyond_six_decimals() {
        calculator.calculate(exclusive("EUR", line("1.50000000", 100)));
    }

    @Test
    void refuses_negative_unit_amounts() {
        assertRejected(exclusive("EUR", line("1", -1)), "lines[0].unitAmount");
    }

    @Test
    void refuses_a_line_amount_beyond_64_bit_minor_units() {
        assertRejected(exclusive("EUR", line("2", Long.MAX_VALUE / 2 + 1)), "lines[0]")
                .hasMessageContaining("64-bit");
    }

    @Test
    void refuses_sums_beyond_64_bit_minor_units() {
        assertRejected(exclusive("EUR", line("1", Long.MAX_VALUE), line("1", 1)), "lines");
    }

    @Test
    void refuses_a_total_with_tax_beyond_64_bit_minor_units() {
        assertRejected(exclusive("EUR", line("1", Long.MAX_VALUE - 10, DE_19)), "lines")
                .hasMessageContaining("total");
    }

    static Stream<Arguments> badRates() {
        return Stream.of(
                Arguments.of(new TaxRate("r", "R", TaxCategory.S, new BigDecimal("-1")), "lines[0].taxRates[1].percent"),
                Arguments.of(new TaxRate("r", "R", TaxCategory.S, new BigDecimal("100.0001")),
                        "lines[0].taxRates[1].percent"),
                Arguments.of(new TaxRate("r", "R", TaxCategory.S, new BigDecimal("7.12345")),
                        "lines[0].taxRates[1].percent"),
                Arguments.of(new TaxRate("r", "R", TaxCategory.S, null), "lines[0].taxRates[1].percent"),
                Arguments.of(new TaxRate("r", "R", TaxCategory.S, BigDecimal.ZERO), "lines[0].taxRates[1].percent"),
                Arguments.of(new TaxRate("r", "R", TaxCategory.E, new BigDecimal("5")), "lines[0].taxRates[1].percent"),
                Arguments.of(new TaxRate("r", "R", TaxCategory.AE, new BigDecimal("19")),
                        "lines[0].taxRates[1].percent"),
                Arguments.of(new TaxRate(" ", "R", TaxCategory.S, BigDecimal.TEN), "lines[0].taxRates[1].id"),
                Arguments.of(new TaxRate("r", null, TaxCategory.S, BigDecimal.TEN), "lines[0].taxRates[1].name"),
                Arguments.of(new TaxRate("r", "R", null, BigDecimal.TEN), "lines[0].taxRates[1].category"),
                Arguments.of(null, "lines[0].taxRates[1]"),
                Arguments.of(rate("de-19", TaxCategory.S, "19.000"), "lines[0].taxRates[1]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badRates")
    void refuses_bad_tax_rates_naming_the_field(TaxRate bad, String field) {
        InvoiceLineInput line = new InvoiceLineInput(BigDecimal.ONE, 100, Arrays.asList(DE_19, bad));
        assertRejected(exclusive("EUR", line), field);
    }

    @Test
    void refuses_too_many_rates_on_a_line() {
        TaxRate[] rates = new TaxRate[InvoiceCalculator.MAX_TAX_RATES_PER_LINE + 1];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = rate("r" + i, TaxCategory.S, "1");
        }
        assertRejected(exclusive("EUR", line("1", 100, rates)), "lines[0].taxRates");
    }

    @Test
    void accepts_any_rate_for_canary_islands_and_zero_for_zero_categories() {
        calculator.calculate(exclusive("EUR", line("1", 100, rate("igic", TaxCategory.L, "7"),
                rate("z", TaxCategory.Z, "0"), rate("o", TaxCategory.O, "0.00"))));
    }

    @Test
    void refuses_line_discounts_out_of_range() {
        assertRejected(exclusive("EUR", line("1", 100, Discount.amount(101))), "lines[0].discount.minorUnits")
                .hasMessageContaining("line amount");
        assertRejected(exclusive("EUR", line("1", 100, Discount.amount(-1))), "lines[0].discount.minorUnits");
        assertRejected(exclusive("EUR", line("1", 100, Discount.percent("100.5"))), "lines[0].discount.percent");
        assertRejected(exclusive("EUR", line("1", 100, Discount.percent("-0.01"))), "lines[0].discount.percent");
        assertRejected(exclusive("EUR", line("1", 100, Discount.percent("1.00001"))), "lines[0].discount.percent");
        assertRejected(exclusive("EUR", line("1", 100, new Discount.Percent(null))), "lines[0].discount.percent");
    }

    @Test
    void refuses_an_invoice_discount_larger_than_the_subtotal() {
        InvoiceInput input = exclusive("EUR", line("1", 100, Discount.amount(50), DE_19), line("1", 100));
        assertRejected(withDiscount(input, Discount.amount(151)), "discount.minorUnits")
                .hasMessageContaining("subtotal");
        assertRejected(withDiscount(input, Discount.percent("101")), "discount.percent");
        assertRejected(withDiscount(exclusive("EUR"), Discount.amount(1)), "discount.minorUnits");
    }
}

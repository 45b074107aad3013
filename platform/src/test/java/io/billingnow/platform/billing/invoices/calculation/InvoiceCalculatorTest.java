package io.billingnow.platform.billing.invoices.calculation;

import static io.billingnow.platform.billing.invoices.calculation.Fixtures.DE_19;
import static io.billingnow.platform.billing.invoices.calculation.Fixtures.DE_7;
import static io.billingnow.platform.billing.invoices.calculation.Fixtures.exclusive;
import static io.billingnow.platform.billing.invoices.calculation.Fixtures.inclusive;
import static io.billingnow.platform.billing.invoices.calculation.Fixtures.line;
import static io.billingnow.platform.billing.invoices.calculation.Fixtures.rate;
import static io.billingnow.platform.billing.invoices.calculation.Fixtures.withDiscount;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked examples of docs/money.md and the rounding rules, one by one. */
class InvoiceCalculatorTest {

    private final InvoiceCalculator calculator = new InvoiceCalculator();

    @Test
    void exclusive_eur_invoice_with_two_rates_line_and_invoice_discounts() {
        InvoiceInput input = withDiscount(exclusive("EUR",
                line("3", 1999, DE_19),                                     // 59.97
                line("2.5", 435, DE_7),                                     // 10.875 -> 10.88
                line("1", 12000, Discount.percent("10"), DE_19)),           // 120.00 - 12.00
                Discount.percent("5"));

        InvoiceCalculation result = calculator.calculate(input);

        assertThat(result.lines()).containsExactly(
                new CalculatedLine(0, 5997, 0, 5997),
                new CalculatedLine(1, 1088, 0, 1088),
                new CalculatedLine(2, 12000, 1200, 10800));
        // 5 % of 178.85 = 8.9425 -> 8.94, split 16797 : 1088 -> 8.40 and 0.54
        assertThat(result.taxBreakdown()).containsExactly(
                new TaxBreakdown(DE_19, 840, 15957, 3032),                  // 159.57 × 19 % = 30.3183
                new TaxBreakdown(DE_7, 54, 1034, 72));                      // 10.34 × 7 % = 0.7238
        assertThat(result.totals()).isEqualTo(new InvoiceTotals(
                19085, 1200, 17885, 894, 2094, 16991, 3104, 20095));
        assertThat(result.total().toString()).isEqualTo("EUR 200.95");
    }

    @Test
    void inclusive_eur_invoice_derives_net_from_the_gross_per_rate_group() {
        InvoiceInput input = inclusive("EUR",
                line("2", 1190, DE_19),
                line("1", 535, DE_7),
                line("3", 99, DE_19));

        InvoiceCalculation result = calculator.calculate(input);

        assertThat(result.lines()).extracting(CalculatedLine::amountAfterDiscount).containsExactly(2380L, 535L, 297L);
        // 26.77 × 19/119 = 4.2742 -> 4.27, net 22.50; 5.35 × 7/107 = 0.35 exactly, net 5.00
        assertThat(result.taxBreakdown()).containsExactly(
                new TaxBreakdown(DE_19, 0, 2250, 427),
                new TaxBreakdown(DE_7, 0, 500, 35));
        assertThat(result.totals()).isEqualTo(new InvoiceTotals(3212, 0, 3212, 0, 0, 2750, 462, 3212));
    }

    @Test
    void inclusive_invoice_discount_reduces_what_the_customer_pays() {
        InvoiceInput input = withDiscount(inclusive("EUR",
                line("1", 11900, DE_19),
                line("1", 10700, DE_7)),
                Discount.amount(2260));                                      // split 11900 : 10700 -> 11.90 / 10.70

        InvoiceCalculation result = calculator.calculate(input);

        assertThat(result.taxBreakdown()).containsExactly(
                new TaxBreakdown(DE_19, 1190, 9000, 1710),                  // 107.10 = 90.00 + 17.10
                new TaxBreakdown(DE_7, 1070, 9000, 630));                   //  96.30 = 90.00 +  6.30
        assertThat(result.totals()).isEqualTo(new InvoiceTotals(22600, 0, 22600, 2260, 2260, 18000, 2340, 20340));
    }

    @Test
    void jpy_invoice_has_no_minor_digits_to_round_to() {
        TaxRate jp10 = rate("jp-10", TaxCategory.S, "10");
        TaxRate jp8 = rate("jp-8", TaxCategory.S, "8");
        InvoiceInput input = withDiscount(exclusive("JPY",
                line("3", 1280, jp10),                                       // ¥3,840
                line("0.5", 998, jp8)),                                      // ¥499
                Discount.amount(500));

        InvoiceCalculation result = calculator.calculate(input);

        // ¥500 split 3840 : 499 -> exact 442.49.. and 57.50.. -> the larger remainder (8 %) gets the missing yen
        assertThat(result.taxBreakdown()).containsExactly(
                new TaxBreakdown(jp10, 442, 3398, 340),                     // 339.8
                new TaxBreakdown(jp8, 58, 441, 35));                        // 35.28
        assertThat(result.totals()).isEqualTo(new InvoiceTotals(4339, 0, 4339, 500, 500, 3839, 375, 4214));
        assertThat(result.total().toString()).isEqualTo("JPY 4214");
    }

    @Test
    void bhd_invoice_works_in_fils() {
        TaxRate bh10 = rate("bh-10", TaxCategory.S, "10");
        TaxRate bhZero = rate("bh-zero", TaxCategory.Z, "0");
        InvoiceInput input = exclusive("BHD",
                line("1.5", 12345, Discount.amount(518), bh10),             // 18.5175 -> 18.518, minus 0.518
                line("4", 125, bhZero));                                     // 0.500

        InvoiceCalculation result = calculator.calculate(input);

        assertThat(result.lines()).containsExactly(
                new CalculatedLine(0, 18518, 518, 18000),
                new CalculatedLine(1, 500, 0, 500));
        assertThat(result.taxBreakdown()).containsExactly(
                new TaxBreakdown(bh10, 0, 18000, 1800),
                new TaxBreakdown(bhZero, 0, 500, 0));
        assertThat(result.totals()).isEqualTo(new InvoiceTotals(19018, 518, 18500, 0, 518, 18500, 1800, 20300));
        assertThat(result.total().toString()).isEqualTo("BHD 20.300");
    }

    @Test
    void a_line_with_several_rates_adds_its_full_base_to_each_without_compounding() {
        TaxRate gst = rate("ca-gst", TaxCategory.S, "5");
        TaxRate qst = rate("ca-qst", TaxCategory.S, "9.975");
        InvoiceInput input = exclusive("CAD",
                line("1", 10000, gst, qst),
                line("1", 2000, gst));

        InvoiceCalculation result = calculator.calculate(input);

        assertThat(result.taxBreakdown()).containsExactly(
                new TaxBreakdown(gst, 0, 12000, 600),
                new TaxBreakdown(qst, 0, 10000, 998));                      // 997.5 -> 998, not 9.975 % of 105.00
        assertThat(result.totals().totalNet()).isEqualTo(12000);
        assertThat(result.totals().totalTax()).isEqualTo(1598);
        assertThat(result.totals().total()).isEqualTo(13598);
    }

    @Test
    void inclusive_line_with_several_rates_splits_its_gross_once_then_shares_the_tax() {
        TaxRate gst = rate("ca-gst", TaxCategory.S, "5");
        TaxRate qst = rate("ca-qst", TaxCategory.S, "9.975");
        InvoiceCalculation result = calculator.calculate(inclusive("CAD", line("1", 11498, gst, qst)));

        // 114.98 × 14.975 / 114.975 = 14.9757.. -> 14.98 tax, 100.00 net; 14.98 split 5 : 9.975 -> 5.00 / 9.98
        assertThat(result.taxBreakdown()).containsExactly(
                new TaxBreakdown(gst, 0, 10000, 500),
                new TaxBreakdown(qst, 0, 10000, 998));
        assertThat(result.totals().totalNet() + result.totals().totalTax()).isEqualTo(11498);
    }

    @Test
    void inclusive_net_never_goes_negative_because_the_group_tax_is_rounded_once() {
        TaxRate a = rate("a", TaxCategory.S, "100");
        TaxRate b = rate("b", TaxCategory.S, "100");
        TaxRate c = rate("c", TaxCategory.S, "100");
        InvoiceCalculation result = calculator.calculate(inclusive("EUR", line("1", 2, a, b, c)));

        // per rate, round(2 × 100 / 400) = round(0.5) = 1 three times would take 3 out of 2;
        // per group, round(2 × 300 / 400) = round(1.5) = 2, shared 1 / 1 / 0 (ties to the first rates)
        assertThat(result.taxBreakdown()).containsExactly(
                new TaxBreakdown(a, 0, 0, 1),
                new TaxBreakdown(b, 0, 0, 1),
                new TaxBreakdown(c, 0, 0, 0));
        assertThat(result.totals()).isEqualTo(new InvoiceTotals(2, 0, 2, 0, 0, 0, 2, 2));
    }

    @Test
    void tax_is_rounded_once_per_rate_not_per_line() {
        // Three lines of 0.02 at 19 %: rounded per line, 0.0038 would give 0.00 each; once on 0.06 it is 0.0114 -> 0.01.
        InvoiceCalculation result = calculator.calculate(exclusive("EUR",
                line("1", 2, DE_19), line("1", 2, DE_19), line("1", 2, DE_19)));

        assertThat(result.taxBreakdown()).containsExactly(new TaxBreakdown(DE_19, 0, 6, 1));
    }

    @Test
    void same_rate_written_with_different_scales_is_one_group_and_rate_order_on_a_line_does_not_matter() {
        TaxRate a = rate("a", TaxCategory.S, "10");
        TaxRate b = rate("b", TaxCategory.S, "5");
        TaxRate aAgain = rate("a", TaxCategory.S, "10.00");
        InvoiceCalculation result = calculator.calculate(exclusive("EUR",
                line("1", 1000, a, b), line("1", 1000, b, aAgain)));

        assertThat(result.taxBreakdown()).containsExactly(
                new TaxBreakdown(a, 0, 2000, 200),
                new TaxBreakdown(b, 0, 2000, 100));
    }

    @Test
    void lines_without_rates_are_net_but_in_no_breakdown_and_share_the_invoice_discount() {
        InvoiceCalculation result = calculator.calculate(withDiscount(exclusive("EUR",
                line("1", 1000), line("1", 3000, DE_19)), Discount.amount(400)));

        assertThat(result.taxBreakdown()).containsExactly(new TaxBreakdown(DE_19, 300, 2700, 513));
        assertThat(result.totals()).isEqualTo(new InvoiceTotals(4000, 0, 4000, 400, 400, 3600, 513, 4113));
    }

    @Test
    void an_empty_invoice_is_all_zero() {
        InvoiceCalculation result = calculator.calculate(exclusive("EUR"));
        assertThat(result.lines()).isEmpty();
        assertThat(result.taxBreakdown()).isEmpty();
        assertThat(result.totals()).isEqualTo(new InvoiceTotals(0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void a_hundred_percent_discount_leaves_nothing_to_tax() {
        InvoiceCalculation result = calculator.calculate(withDiscount(exclusive("EUR",
                line("1", 999, Discount.percent("100"), DE_19), line("1", 500, DE_7)), Discount.percent("100")));
        assertThat(result.totals()).isEqualTo(new InvoiceTotals(1499, 999, 500, 500, 1499, 0, 0, 0));
    }

    @ParameterizedTest(name = "{0} × {1} minor units = {2}")
    @CsvSource({
        "1, 1999, 1999",
        "2.5, 435, 1088",         // 1087.5 rounds half up
        "2.5, 1, 3",              // half up, not half even
        "3.5, 1, 4",
        "0.333333, 100, 33",      // 33.3333
        "0.666667, 100, 67",      // 66.6667
        "0.005, 100, 1",          // 0.5
        "0.004999, 100, 0",       // 0.4999
        "0.000001, 500000, 1",    // 0.5
        "1.000000, 7, 7",
        "1000000000, 9000000000, 9000000000000000000",
        "12, 0, 0",
    })
    void line_amount_is_quantity_times_unit_rounded_half_up_once(String quantity, long unit, long amount) {
        InvoiceCalculation result = calculator.calculate(exclusive("EUR", line(quantity, unit)));
        assertThat(result.lines().get(0).amount()).isEqualTo(amount);
    }

    @ParameterizedTest(name = "{1} % of {0} = {2}")
    @CsvSource({
        "1000, 19, 190",
        "1, 19, 0",               // 0.19
        "3, 19, 1",               // 0.57
        "10, 5, 1",               // 0.5 rounds up
        "30, 5, 2",               // 1.5
        "50, 5, 3",               // 2.5 rounds up, half even would give 2
        "12345, 7.7, 951",        // 950.565
        "99, 0.0001, 0",
        "999999, 100, 999999",
        "4611686018427387903, 100, 4611686018427387903", // the total, twice that, still fits
    })
    void exclusive_tax_is_base_times_rate_rounded_half_up_once(long base, String percent, long tax) {
        TaxRate rate = rate("r", TaxCategory.S, percent);
        InvoiceCalculation result = calculator.calculate(exclusive("EUR", line("1", base, rate)));
        assertThat(result.taxBreakdown()).containsExactly(new TaxBreakdown(rate, 0, base, tax));
    }

    @ParameterizedTest(name = "{1} % contained in {0} = {2}")
    @CsvSource({
        "119, 19, 19",
        "100, 19, 16",            // 15.966
        "2677, 19, 427",          // 427.42
        "107, 7, 7",
        "15, 7, 1",               // 0.981
        "1, 100, 1",              // 0.5 rounds up, net 0
        "3, 100, 2",              // 1.5 -> 2, net 1
    })
    void inclusive_tax_is_gross_times_rate_over_hundred_plus_rate_rounded_half_up_once(long gross, String percent,
            long tax) {
        TaxRate rate = rate("r", TaxCategory.S, percent);
        InvoiceCalculation result = calculator.calculate(inclusive("EUR", line("1", gross, rate)));
        assertThat(result.taxBreakdown()).containsExactly(new TaxBreakdown(rate, 0, gross - tax, tax));
    }

    @ParameterizedTest(name = "{1} % off {0} = {2}")
    @CsvSource({
        "1999, 10, 200",          // 199.9
        "1995, 10, 200",          // 199.5 rounds up
        "1994, 10, 199",
        "1000, 33.3333, 333",
        "1000, 0, 0",
        "1000, 100, 1000",
    })
    void percent_discount_is_rounded_half_up_once(long amount, String percent, long discount) {
        InvoiceCalculation result = calculator.calculate(
                exclusive("EUR", line("1", amount, Discount.percent(percent))));
        assertThat(result.lines()).containsExactly(new CalculatedLine(0, amount, discount, amount - discount));
        assertThat(result.totals().lineDiscounts()).isEqualTo(discount);
    }

    @Test
    void result_lists_are_immutable() {
        InvoiceCalculation result = calculator.calculate(exclusive("EUR", line("1", 100, DE_19)));
        List<TaxBreakdown> breakdown = result.taxBreakdown();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> breakdown.add(null))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(result.lines().get(0).amount()).isEqualTo(100);
        assertThat(new BigDecimal("19")).isEqualByComparingTo(result.taxBreakdown().get(0).rate().percent());
    }
}

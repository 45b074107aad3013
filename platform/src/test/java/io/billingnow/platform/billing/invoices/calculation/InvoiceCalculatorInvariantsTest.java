package io.billingnow.platform.billing.invoices.calculation;

import static io.billingnow.platform.billing.invoices.calculation.Fixtures.rate;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Thousands of seeded random invoices, checked against invariants recomputed independently from the input. */
class InvoiceCalculatorInvariantsTest {

    private static final long SEED = 0x5EED_B111L;
    private static final int INVOICES = 5000;
    private static final List<String> CURRENCIES = List.of("JPY", "EUR", "BHD", "CLF");
    private static final List<TaxRate> RATES = List.of(
            rate("s19", TaxCategory.S, "19"),
            rate("s7", TaxCategory.S, "7"),
            rate("s5", TaxCategory.S, "5"),
            rate("s9975", TaxCategory.S, "9.975"),
            rate("s100", TaxCategory.S, "100"),
            rate("tiny", TaxCategory.S, "0.0001"),
            rate("z", TaxCategory.Z, "0"),
            rate("igic", TaxCategory.L, "6.5"));

    private final InvoiceCalculator calculator = new InvoiceCalculator();

    @Test
    void random_invoices_add_up_exactly() {
        Random random = new Random(SEED);
        for (int n = 0; n < INVOICES; n++) {
            InvoiceInput input = randomInvoice(random);
            InvoiceCalculation result = calculator.calculate(input);
            try {
                checkInvariants(input, result);
            } catch (AssertionError e) {
                throw new AssertionError("invoice #" + n + " " + input + "\n-> " + result, e);
            }
            assertThat(calculator.calculate(input)).isEqualTo(result);
        }
    }

    private static void checkInvariants(InvoiceInput input, InvoiceCalculation result) {
        InvoiceTotals totals = result.totals();

        long linesAmount = 0;
        long lineDiscounts = 0;
        assertThat(result.lines()).hasSameSizeAs(input.lines());
        for (int i = 0; i < input.lines().size(); i++) {
            InvoiceLineInput line = input.lines().get(i);
            CalculatedLine calculated = result.lines().get(i);
            long expectedAmount = line.quantity().multiply(BigDecimal.valueOf(line.unitAmount()))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
            assertThat(calculated.index()).isEqualTo(i);
            assertThat(calculated.amount()).isEqualTo(expectedAmount);
            assertThat(calculated.discountAmount()).isBetween(0L, calculated.amount());
            assertThat(calculated.amountAfterDiscount()).isEqualTo(calculated.amount() - calculated.discountAmount());
            linesAmount += calculated.amount();
            lineDiscounts += calculated.discountAmount();
        }

        assertThat(totals.linesAmount()).isEqualTo(linesAmount);
        assertThat(totals.lineDiscounts()).isEqualTo(lineDiscounts);
        assertThat(totals.subtotal()).isEqualTo(linesAmount - lineDiscounts);
        assertThat(totals.invoiceDiscount()).isBetween(0L, totals.subtotal());
        assertThat(totals.totalDiscount()).isEqualTo(lineDiscounts + totals.invoiceDiscount());
        assertThat(totals.total()).isEqualTo(totals.totalNet() + totals.totalTax());
        if (input.taxBehaviour() == TaxBehaviour.EXCLUSIVE) {
            assertThat(totals.totalNet()).isEqualTo(totals.subtotal() - totals.invoiceDiscount());
        } else {
            assertThat(totals.total()).isEqualTo(totals.subtotal() - totals.invoiceDiscount());
        }
        assertThat(List.of(totals.linesAmount(), totals.lineDiscounts(), totals.subtotal(), totals.invoiceDiscount(),
                totals.totalDiscount(), totals.totalNet(), totals.totalTax(), totals.total()))
                .allSatisfy(amount -> assertThat(amount).isNotNegative());

        assertThat(result.taxBreakdown().stream().mapToLong(TaxBreakdown::taxAmount).sum())
                .isEqualTo(totals.totalTax());
        boolean singleRateLines = input.lines().stream().allMatch(line -> line.taxRates().size() == 1);
        if (singleRateLines) {
            // every line is in exactly one rate group: the allocations partition the invoice discount
            assertThat(result.taxBreakdown().stream().mapToLong(TaxBreakdown::invoiceDiscount).sum())
                    .isEqualTo(totals.invoiceDiscount());
        }

        for (TaxBreakdown entry : result.taxBreakdown()) {
            BigDecimal percent = entry.rate().percent();
            List<InvoiceLineInput> linesWithRate = input.lines().stream()
                    .filter(line -> line.taxRates().stream().anyMatch(r -> sameRate(r, entry.rate())))
                    .toList();
            long linesWithRateAmount = 0;
            for (InvoiceLineInput line : linesWithRate) {
                linesWithRateAmount += result.lines().get(input.lines().indexOf(line)).amountAfterDiscount();
            }
            assertThat(entry.invoiceDiscount()).isBetween(0L, totals.invoiceDiscount());
            assertThat(entry.taxableAmount()).isNotNegative();
            assertThat(entry.taxAmount()).isNotNegative();

            if (input.taxBehaviour() == TaxBehaviour.EXCLUSIVE) {
                assertThat(entry.taxableAmount()).isEqualTo(linesWithRateAmount - entry.invoiceDiscount());
                assertThat(entry.taxAmount()).isEqualTo(BigDecimal.valueOf(entry.taxableAmount()).multiply(percent)
                        .divide(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).longValueExact());
            } else {
                // the gross of the rate's lines is exactly its net plus the tax of all rates on those lines;
                // here only the rate's own share can be checked: it never exceeds what the gross contains
                assertThat(entry.taxableAmount() + entry.taxAmount())
                        .isLessThanOrEqualTo(linesWithRateAmount - entry.invoiceDiscount());
                BigDecimal exactTax = BigDecimal.valueOf(entry.taxableAmount()).multiply(percent).movePointLeft(2);
                BigDecimal deviation = BigDecimal.valueOf(entry.taxAmount()).subtract(exactTax).abs();
                Set<Set<String>> groups = new HashSet<>();
                linesWithRate.forEach(line -> groups.add(rateIds(line)));
                if (groups.equals(Set.of(Set.of(entry.rate().id())))) {
                    // one rounding on gross × r / (100 + r): off by at most half a unit times (1 + r/100)
                    assertThat(deviation).isLessThanOrEqualTo(
                            new BigDecimal("0.5").multiply(BigDecimal.ONE.add(percent.movePointLeft(2))));
                } else {
                    // per group: rounding of the group's tax, of its net, and of the share among its rates
                    assertThat(deviation).isLessThan(BigDecimal.valueOf(2L * groups.size()));
                }
            }
        }
    }

    private static boolean sameRate(TaxRate a, TaxRate b) {
        return a.id().equals(b.id()) && a.category() == b.category() && a.percent().compareTo(b.percent()) == 0;
    }

    private static Set<String> rateIds(InvoiceLineInput line) {
        Set<String> ids = new HashSet<>();
        line.taxRates().forEach(r -> ids.add(r.id()));
        return ids;
    }

    private static InvoiceInput randomInvoice(Random random) {
        String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        TaxBehaviour behaviour = random.nextBoolean() ? TaxBehaviour.EXCLUSIVE : TaxBehaviour.INCLUSIVE;
        boolean singleRateLines = random.nextInt(3) == 0;
        List<InvoiceLineInput> lines = new ArrayList<>();
        int lineCount = random.nextInt(13);
        for (int i = 0; i < lineCount; i++) {
            BigDecimal quantity = random.nextInt(3) == 0
                    ? BigDecimal.valueOf(1 + random.nextInt(1_000_000), 6)               // 0.000001 .. 1
                    : BigDecimal.valueOf(1 + random.nextInt(100_000), random.nextInt(4)); // up to 100000
            long unitAmount = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(10);
                case 1 -> random.nextInt(100_000_000) * 10_000L;
                default -> random.nextInt(1_000_000);
            };
            List<TaxRate> rates = new ArrayList<>(RATES);
            java.util.Collections.shuffle(rates, random);
            int rateCount = singleRateLines ? 1 : random.nextInt(4);
            long amount = quantity.multiply(BigDecimal.valueOf(unitAmount)).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
            lines.add(new InvoiceLineInput(quantity, unitAmount, rates.subList(0, rateCount),
                    randomDiscount(random, amount)));
        }
        InvoiceInput withoutDiscount = new InvoiceInput(currency, behaviour, lines, null);
        long subtotal = new InvoiceCalculator().calculate(withoutDiscount).totals().subtotal();
        return new InvoiceInput(currency, behaviour, lines, randomDiscount(random, subtotal));
    }

    private static Discount randomDiscount(Random random, long base) {
        return switch (random.nextInt(4)) {
            case 0 -> Discount.percent(BigDecimal.valueOf(random.nextInt(1_000_001), 4));
            case 1 -> Discount.amount(base == 0 ? 0 : Math.floorMod(random.nextLong(), base + 1));
            default -> null;
        };
    }
}

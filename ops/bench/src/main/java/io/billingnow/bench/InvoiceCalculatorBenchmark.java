package io.billingnow.bench;

import io.billingnow.platform.billing.invoices.calculation.Discount;
import io.billingnow.platform.billing.invoices.calculation.InvoiceCalculation;
import io.billingnow.platform.billing.invoices.calculation.InvoiceCalculator;
import io.billingnow.platform.billing.invoices.calculation.InvoiceInput;
import io.billingnow.platform.billing.invoices.calculation.InvoiceLineInput;
import io.billingnow.platform.billing.invoices.calculation.TaxBehaviour;
import io.billingnow.platform.billing.invoices.calculation.TaxCategory;
import io.billingnow.platform.billing.invoices.calculation.TaxRate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Invoice totals (line amounts, per-rate tax breakdown, invoice discount split by largest remainder) for invoices of
 * 3, 30 and 300 lines, each line with a quantity with decimals, one of two VAT rates and every fifth with a discount.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InvoiceCalculatorBenchmark {

    @Param({"3", "30", "300"})
    public int lines;

    private final InvoiceCalculator calculator = new InvoiceCalculator();
    private InvoiceInput input;

    @Setup
    public void invoice() {
        TaxRate standard = new TaxRate("vat19", "VAT 19%", TaxCategory.S, new BigDecimal("19"));
        TaxRate reduced = new TaxRate("vat7", "VAT 7%", TaxCategory.S, new BigDecimal("7"));
        List<InvoiceLineInput> items = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            items.add(new InvoiceLineInput(new BigDecimal("1.5").add(BigDecimal.valueOf(i % 7)), 1_999 + 37L * i,
                    List.of(i % 3 == 0 ? reduced : standard),
                    i % 5 == 0 ? new Discount.Percent(new BigDecimal("12.5")) : null));
        }
        input = new InvoiceInput("EUR", TaxBehaviour.EXCLUSIVE, items, new Discount.Amount(1_000));
    }

    @Benchmark
    public InvoiceCalculation calculate() {
        return calculator.calculate(input);
    }
}

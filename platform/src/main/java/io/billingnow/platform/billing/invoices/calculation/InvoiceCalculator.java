package io.billingnow.platform.billing.invoices.calculation;

import io.billingnow.platform.billing.money.CurrencyUnit;
import io.billingnow.platform.billing.money.Money;
import io.billingnow.platform.billing.money.MoneyOverflowException;
import io.billingnow.platform.billing.money.UnknownCurrencyException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes line amounts, the per-rate tax breakdown and the totals of an invoice, following EN 16931:
 * <ol>
 *   <li>line amount = quantity × unit amount, rounded half-up once; a line discount is rounded half-up once;</li>
 *   <li>lines are grouped by their set of tax rates; an invoice-level discount is split over these groups in
 *       proportion to their amounts with the largest-remainder method, so the parts add up exactly;</li>
 *   <li>EXCLUSIVE: a rate's taxable amount is the sum of the (discounted) groups carrying it, and its tax is
 *       {@code taxable × percent / 100} rounded half-up once per rate, never per line;</li>
 *   <li>INCLUSIVE: each group's tax-included amount G is split into tax {@code round(G × Σr / (100 + Σr))} and
 *       net {@code G - tax}; the group's tax is shared among its rates by largest remainder in proportion to the
 *       percents, and summed per rate.</li>
 * </ol>
 * See {@code docs/money.md} for why, with worked examples. The class is stateless and thread-safe.
 */
public final class InvoiceCalculator {

    /** Largest accepted quantity on a line. Larger values are taken as input mistakes. */
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
    /** Most decimals a quantity may have. */
    public static final int MAX_QUANTITY_DECIMALS = 6;
    /** Most decimals a percentage (tax rate or discount) may have. */
    public static final int MAX_PERCENT_DECIMALS = 4;
    /** Most tax rates one line may carry. */
    public static final int MAX_TAX_RATES_PER_LINE = 10;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @throws InvalidInvoiceInputException if the input is invalid or an amount would not fit in 64-bit minor units
     */
    public InvoiceCalculation calculate(InvoiceInput input) {
        if (input == null) {
            throw new InvalidInvoiceInputException("", "is required");
        }
        CurrencyUnit currency = currency(input.currency());
        if (input.taxBehaviour() == null) {
            throw new InvalidInvoiceInputException("taxBehaviour", "is required");
        }
        if (input.lines() == null) {
            throw new InvalidInvoiceInputException("lines", "is required");
        }

        List<CalculatedLine> lines = new ArrayList<>();
        Map<RateKey, TaxRate> rates = new LinkedHashMap<>();
        Map<List<RateKey>, RateGroup> groups = new LinkedHashMap<>();
        long linesAmount = 0;
        long lineDiscounts = 0;
        for (int i = 0; i < input.lines().size(); i++) {
            String path = "lines[" + i + "]";
            InvoiceLineInput line = input.lines().get(i);
            if (line == null) {
                throw new InvalidInvoiceInputException(path, "is required");
            }
            List<RateKey> rateSet = rateSet(line, path, rates);
            CalculatedLine calculated = line(i, line, path);
            lines.add(calculated);
            linesAmount = add(linesAmount, calculated.amount(), "lines", "the sum of line amounts");
            lineDiscounts = add(lineDiscounts, calculated.discountAmount(), "lines", "the sum of line discounts");
            groups.computeIfAbsent(rateSet, RateGroup::new).add(calculated.amountAfterDiscount());
        }
        long subtotal = linesAmount - lineDiscounts;
        long invoiceDiscount = discount(input.discount(), subtotal, "discount", "the subtotal");

        List<RateGroup> groupList = new ArrayList<>(groups.values());
        long[] allocations = LargestRemainder.allocate(invoiceDiscount,
                groupList.stream().mapToLong(group -> group.amount).toArray());
        for (int g = 0; g < groupList.size(); g++) {
            groupList.get(g).discount = allocations[g];
        }

        Map<RateKey, RateTotals> perRate = new LinkedHashMap<>();
        rates.keySet().forEach(key -> perRate.put(key, new RateTotals()));
        long totalNet = 0;
        for (RateGroup group : groupList) {
            long discounted = group.amount - group.discount;
            long net = input.taxBehaviour() == TaxBehaviour.EXCLUSIVE
                    ? discounted
                    : splitInclusive(group, discounted, perRate);
            totalNet = add(totalNet, net, "lines", "the net total");
            for (RateKey key : group.rates) {
                RateTotals totals = perRate.get(key);
                totals.invoiceDiscount += group.discount;
                totals.taxable = add(totals.taxable, net, "lines", "the taxable amount of rate " + key.id);
            }
        }

        List<TaxBreakdown> breakdown = new ArrayList<>();
        long totalTax = 0;
        for (Map.Entry<RateKey, RateTotals> entry : perRate.entrySet()) {
            RateTotals totals = entry.getValue();
            if (input.taxBehaviour() == TaxBehaviour.EXCLUSIVE) {
                totals.tax = Money.toMinorExact(BigDecimal.valueOf(totals.taxable)
                        .multiply(entry.getKey().percent).movePointLeft(2).setScale(0, RoundingMode.HALF_UP));
            }
            totalTax = add(totalTax, totals.tax, "lines", "the tax total");
            breakdown.add(new TaxBreakdown(rates.get(entry.getKey()), totals.invoiceDiscount, totals.taxable, totals.tax));
        }
        long total = add(totalNet, totalTax, "lines", "the invoice total");
        InvoiceTotals invoiceTotals = new InvoiceTotals(linesAmount, lineDiscounts, subtotal, invoiceDiscount,
                lineDiscounts + invoiceDiscount, totalNet, totalTax, total);
        return new InvoiceCalculation(currency, input.taxBehaviour(), lines, breakdown, invoiceTotals);
    }

    /**
     * Splits a group's tax-included amount into net and tax. The group's tax is rounded once on the sum of its
     * rates, which keeps the net from ever going negative, then shared among the rates by largest remainder.
     *
     * @return the group's net amount
     */
    private static long splitInclusive(RateGroup group, long gross, Map<RateKey, RateTotals> perRate) {
        if (group.rates.isEmpty()) {
            return gross;
        }
        BigDecimal percentSum = group.rates.stream().map(key -> key.percent).reduce(BigDecimal.ZERO, BigDecimal::add);
        long tax = BigDecimal.valueOf(gross).multiply(percentSum)
                .divide(HUNDRED.add(percentSum), 0, RoundingMode.HALF_UP)
                .longValueExact(); // not more than gross, which fits
        List<RateKey> keys = group.rates;
        long[] weights = keys.stream()
                .mapToLong(key -> key.percent.movePointRight(MAX_PERCENT_DECIMALS).longValueExact())
                .toArray();
        long[] shares = LargestRemainder.allocate(tax, weights);
        for (int k = 0; k < keys.size(); k++) {
            RateTotals totals = perRate.get(keys.get(k));
            totals.tax = add(totals.tax, shares[k], "lines", "the tax of rate " + keys.get(k).id);
        }
        return gross - tax;
    }

    private static CurrencyUnit currency(String code) {
        if (code == null) {
            throw new InvalidInvoiceInputException("currency", "is required");
        }
        try {
            return CurrencyUnit.of(code);
        } catch (UnknownCurrencyException e) {
            throw new InvalidInvoiceInputException("currency", "'" + code + "' is not a supported ISO 4217 currency");
        }
    }

    private static CalculatedLine line(int index, InvoiceLineInput line, String path) {
        BigDecimal quantity = line.quantity();
        if (quantity == null) {
            throw new InvalidInvoiceInputException(path + ".quantity", "is required");
        }
        if (quantity.signum() <= 0) {
            throw new InvalidInvoiceInputException(path + ".quantity", "must be greater than 0");
        }
        if (quantity.compareTo(MAX_QUANTITY) > 0) {
            throw new InvalidInvoiceInputException(path + ".quantity", "must not exceed " + MAX_QUANTITY.toPlainString());
        }
        if (quantity.stripTrailingZeros().scale() > MAX_QUANTITY_DECIMALS) {
            throw new InvalidInvoiceInputException(path + ".quantity",
                    "must have at most " + MAX_QUANTITY_DECIMALS + " decimals");
        }
        if (line.unitAmount() < 0) {
            throw new InvalidInvoiceInputException(path + ".unitAmount", "must not be negative");
        }
        long amount;
        try {
            amount = Money.toMinorExact(quantity.multiply(BigDecimal.valueOf(line.unitAmount()))
                    .setScale(0, RoundingMode.HALF_UP));
        } catch (MoneyOverflowException e) {
            throw new InvalidInvoiceInputException(path, "quantity × unit amount does not fit in 64-bit minor units");
        }
        long discount = discount(line.discount(), amount, path + ".discount", "the line amount");
        return new CalculatedLine(index, amount, discount, amount - discount);
    }

    /** The discount amount, between 0 and {@code base}. */
    private static long discount(Discount discount, long base, String path, String baseName) {
        if (discount == null) {
            return 0;
        }
        if (discount instanceof Discount.Percent percent) {
            BigDecimal value = percent(percent.percent(), path + ".percent");
            return BigDecimal.valueOf(base).multiply(value).movePointLeft(2).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact(); // at most base
        }
        long amount = ((Discount.Amount) discount).minorUnits();
        if (amount < 0) {
            throw new InvalidInvoiceInputException(path + ".minorUnits", "must not be negative");
        }
        if (amount > base) {
            throw new InvalidInvoiceInputException(path + ".minorUnits",
                    "must not exceed " + baseName + " (" + base + ")");
        }
        return amount;
    }

    private static BigDecimal percent(BigDecimal percent, String path) {
        if (percent == null) {
            throw new InvalidInvoiceInputException(path, "is required");
        }
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new InvalidInvoiceInputException(path, "must be between 0 and 100");
        }
        if (percent.stripTrailingZeros().scale() > MAX_PERCENT_DECIMALS) {
            throw new InvalidInvoiceInputException(path, "must have at most " + MAX_PERCENT_DECIMALS + " decimals");
        }
        return percent;
    }

    /** The line's rates in a canonical order, so that lines with the same rates in any order share a group. */
    private static List<RateKey> rateSet(InvoiceLineInput line, String path, Map<RateKey, TaxRate> rates) {
        List<TaxRate> taxRates = line.taxRates() == null ? List.of() : line.taxRates();
        if (taxRates.size() > MAX_TAX_RATES_PER_LINE) {
            throw new InvalidInvoiceInputException(path + ".taxRates",
                    "must not have more than " + MAX_TAX_RATES_PER_LINE + " rates");
        }
        Set<RateKey> keys = new LinkedHashSet<>();
        for (int r = 0; r < taxRates.size(); r++) {
            String ratePath = path + ".taxRates[" + r + "]";
            TaxRate rate = taxRates.get(r);
            RateKey key = RateKey.of(validRate(rate, ratePath));
            if (!keys.add(key)) {
                throw new InvalidInvoiceInputException(ratePath, "rate '" + rate.id() + "' appears twice on the line");
            }
            rates.putIfAbsent(key, rate);
        }
        return keys.stream().sorted(RateKey.ORDER).toList();
    }

    private static TaxRate validRate(TaxRate rate, String path) {
        if (rate == null) {
            throw new InvalidInvoiceInputException(path, "is required");
        }
        if (rate.id() == null || rate.id().isBlank()) {
            throw new InvalidInvoiceInputException(path + ".id", "is required");
        }
        if (rate.name() == null || rate.name().isBlank()) {
            throw new InvalidInvoiceInputException(path + ".name", "is required");
        }
        if (rate.category() == null) {
            throw new InvalidInvoiceInputException(path + ".category", "is required");
        }
        BigDecimal percent = percent(rate.percent(), path + ".percent");
        switch (rate.category().rateRule()) {
            case ZERO -> {
                if (percent.signum() != 0) {
                    throw new InvalidInvoiceInputException(path + ".percent",
                            "must be 0 for tax category " + rate.category().code());
                }
            }
            case POSITIVE -> {
                if (percent.signum() == 0) {
                    throw new InvalidInvoiceInputException(path + ".percent",
                            "must be greater than 0 for tax category " + rate.category().code());
                }
            }
            case ANY -> {
            }
        }
        return rate;
    }

    private static long add(long a, long b, String path, String what) {
        try {
            return Money.addExact(a, b);
        } catch (MoneyOverflowException e) {
            throw new InvalidInvoiceInputException(path, what + " does not fit in 64-bit minor units");
        }
    }

    /** Identity of a rate in the breakdown; 19 and 19.00 are the same percent. */
    private record RateKey(String id, TaxCategory category, BigDecimal percent) {
        static final Comparator<RateKey> ORDER = Comparator.comparing(RateKey::id)
                .thenComparing(RateKey::category)
                .thenComparing(RateKey::percent);

        static RateKey of(TaxRate rate) {
            return new RateKey(rate.id(), rate.category(), rate.percent().stripTrailingZeros());
        }
    }

    /** The lines sharing one exact set of rates (possibly empty). */
    private static final class RateGroup {
        final List<RateKey> rates;
        long amount;
        long discount;

        RateGroup(List<RateKey> rates) {
            this.rates = rates;
        }

        void add(long lineAmount) {
            amount = InvoiceCalculator.add(amount, lineAmount, "lines", "the sum of line amounts");
        }
    }

    private static final class RateTotals {
        long invoiceDiscount;
        long taxable;
        long tax;
    }
}

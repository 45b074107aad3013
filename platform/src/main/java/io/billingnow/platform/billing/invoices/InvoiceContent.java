package io.billingnow.platform.billing.invoices;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.billing.invoices.calculation.Discount;
import io.billingnow.platform.billing.invoices.calculation.InvalidInvoiceInputException;
import io.billingnow.platform.billing.invoices.calculation.InvoiceCalculation;
import io.billingnow.platform.billing.invoices.calculation.InvoiceCalculator;
import io.billingnow.platform.billing.invoices.calculation.InvoiceInput;
import io.billingnow.platform.billing.invoices.calculation.InvoiceLineInput;
import io.billingnow.platform.billing.invoices.calculation.TaxBehaviour;
import io.billingnow.platform.billing.invoices.calculation.TaxBreakdown;
import io.billingnow.platform.billing.invoices.calculation.TaxCategory;
import io.billingnow.platform.billing.invoices.calculation.TaxRate;
import io.billingnow.platform.billing.money.CurrencyUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates between the API's invoice fields and the calculation engine, and turns the engine's complaints into
 * field-level problem details (a field named {@code lines[2].quantity} becomes the pointer {@code /lines/2/quantity}).
 */
public final class InvoiceContent {

    private final InvoiceCalculator calculator = new InvoiceCalculator();

    public InvoiceCalculation calculate(String currency, String taxBehavior, DiscountFields discount,
                                        List<LineFields> lines) {
        if (!CurrencyUnit.isKnown(currency)) {
            throw DomainException.invalid("/currency", "not an ISO 4217 currency code usable for invoicing");
        }
        List<InvoiceLineInput> inputs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineFields line = lines.get(i);
            List<TaxRate> rates = new ArrayList<>();
            for (int r = 0; r < line.taxRates().size(); r++) {
                rates.add(taxRate(line.taxRates().get(r), "/lines/" + i + "/taxRates/" + r));
            }
            inputs.add(new InvoiceLineInput(line.quantity(), line.unitAmount(), rates,
                    discount(line.discount(), "/lines/" + i + "/discount")));
        }
        TaxBehaviour behaviour = "inclusive".equals(taxBehavior) ? TaxBehaviour.INCLUSIVE : TaxBehaviour.EXCLUSIVE;
        try {
            return calculator.calculate(new InvoiceInput(currency, behaviour, inputs, discount(discount, "/discount")));
        } catch (InvalidInvoiceInputException e) {
            throw DomainException.invalid(pointer(e.field()), e.reason());
        }
    }

    public static List<TaxLine> taxLines(InvoiceCalculation calculation) {
        List<TaxLine> lines = new ArrayList<>();
        for (TaxBreakdown b : calculation.taxBreakdown()) {
            lines.add(new TaxLine(b.rate().id(), b.rate().name(), b.rate().category().code(), b.rate().percent(),
                    b.taxableAmount(), b.taxAmount()));
        }
        return lines;
    }

    private static TaxRate taxRate(TaxRateFields fields, String pointer) {
        TaxCategory category = TaxCategory.fromCode(fields.category())
                .orElseThrow(() -> DomainException.invalid(pointer + "/category",
                        "an EN 16931 tax category code: S, Z, E, AE, K, G, O, L or M"));
        String id = fields.id() != null ? fields.id() : category.code() + "-" + fields.percent().stripTrailingZeros()
                .toPlainString();
        return new TaxRate(id, fields.name(), category, fields.percent());
    }

    private static Discount discount(DiscountFields fields, String pointer) {
        if (fields == null) {
            return null;
        }
        if ("percent".equals(fields.type())) {
            if (fields.percent() == null || fields.amount() != null) {
                throw DomainException.invalid(pointer, "a percent discount has a percent and no amount");
            }
            return new Discount.Percent(fields.percent());
        }
        if (fields.amount() == null || fields.percent() != null) {
            throw DomainException.invalid(pointer, "an amount discount has an amount and no percent");
        }
        return new Discount.Amount(fields.amount());
    }

    /** {@code lines[2].taxRates[0].percent} → {@code /lines/2/taxRates/0/percent}. */
    static String pointer(String field) {
        if (field == null || field.isEmpty()) {
            return "/";
        }
        return "/" + field.replace("[", ".").replace("]", "").replace('.', '/');
    }
}

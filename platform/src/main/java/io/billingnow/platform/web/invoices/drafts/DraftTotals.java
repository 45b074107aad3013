package io.billingnow.platform.web.invoices.drafts;

import io.billingnow.platform.billing.invoices.calculation.InvoiceCalculation;
import io.billingnow.platform.billing.invoices.calculation.InvoiceTotals;
import io.billingnow.platform.billing.invoices.calculation.TaxBreakdown;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.FieldError;
import io.billingnow.platform.web.i18n.Formats;
import io.billingnow.platform.web.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editor's totals box: the server's own calculation ({@code InvoiceService.calculate}) formatted for the page's
 * locale in the currency's exponent, or what keeps the lines from adding up. Each amount also carries its exact minor
 * units ({@code data-minor}), the number the API would store. Nothing is computed here.
 */
public final class DraftTotals {

    private static final Pattern LINE_FIELD = Pattern.compile("/lines/(\\d+)/(\\w+).*");

    private final List<Map<String, Object>> rows;
    private final List<Map<String, Object>> taxes;
    private final List<String> problems;
    private final String total;
    private final long totalMinor;

    private DraftTotals(List<Map<String, Object>> rows, List<Map<String, Object>> taxes, List<String> problems,
                        String total, long totalMinor) {
        this.rows = rows;
        this.taxes = taxes;
        this.problems = problems;
        this.total = total;
        this.totalMinor = totalMinor;
    }

    static DraftTotals of(InvoiceCalculation calculation, Locale locale, Formats formats, Messages messages) {
        DecimalInput decimals = new DecimalInput(locale);
        String currency = calculation.currency().code();
        InvoiceTotals totals = calculation.totals();
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("subtotal", messages.format("drafts_subtotal"), totals.subtotal(), currency, formats));
        if (totals.invoiceDiscount() != 0) {
            rows.add(row("invoice-discount", messages.format("drafts_invoice_discount"), -totals.invoiceDiscount(),
                    currency, formats));
        }
        rows.add(row("net", messages.format("drafts_net"), totals.totalNet(), currency, formats));
        List<Map<String, Object>> taxes = new ArrayList<>();
        for (TaxBreakdown tax : calculation.taxBreakdown()) {
            Map<String, Object> row = row("tax", messages.format("drafts_tax_on", tax.rate().name(),
                            decimals.format(tax.rate().percent().stripTrailingZeros()), formats.money(tax.taxableAmount(), currency)),
                    tax.taxAmount(), currency, formats);
            row.put("rate", tax.rate().id());
            taxes.add(row);
        }
        taxes.add(row("tax-total", messages.format("drafts_tax_total"), totals.totalTax(), currency, formats));
        if (totals.totalDiscount() != 0) {
            taxes.add(row("discounts", messages.format("drafts_discounts_included"), totals.totalDiscount(), currency,
                    formats));
        }
        return new DraftTotals(rows, taxes, List.of(), formats.money(totals.total(), currency), totals.total());
    }

    /** The refusal's field errors, said per line ("Line 2, quantity: …"), instead of totals. */
    static DraftTotals refused(DomainException refusal, Messages messages) {
        List<String> problems = new ArrayList<>();
        for (FieldError error : refusal.errors()) {
            Matcher m = error.pointer() == null ? null : LINE_FIELD.matcher(error.pointer());
            String where;
            if (m != null && m.matches()) {
                where = messages.format("drafts_line_field", Integer.parseInt(m.group(1)) + 1,
                        label(m.group(2), messages));
            } else {
                String field = error.pointer() == null || error.pointer().length() < 2 ? ""
                        : error.pointer().substring(1).split("/")[0];
                where = label(field, messages);
            }
            problems.add(where.isEmpty() ? error.message() : where + ": " + error.message());
        }
        if (problems.isEmpty()) {
            problems.add(refusal.getMessage());
        }
        return new DraftTotals(List.of(), List.of(), problems, null, 0);
    }

    private static String label(String field, Messages messages) {
        String text = messages.all().get("drafts_field_" + field);
        return text == null ? field : text;
    }

    private static Map<String, Object> row(String kind, String label, long minor, String currency, Formats formats) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", kind);
        row.put("label", label);
        row.put("minor", minor);
        row.put("amount", formats.money(minor, currency));
        return row;
    }

    public List<Map<String, Object>> rows() {
        return rows;
    }

    public List<Map<String, Object>> taxes() {
        return taxes;
    }

    public List<String> problems() {
        return problems;
    }

    public boolean computed() {
        return total != null;
    }

    public String total() {
        return total;
    }

    public long totalMinor() {
        return totalMinor;
    }
}

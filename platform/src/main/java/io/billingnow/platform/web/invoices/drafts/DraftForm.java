package io.billingnow.platform.web.invoices.drafts;

import io.billingnow.platform.billing.invoices.DiscountFields;
import io.billingnow.platform.billing.invoices.Invoice;
import io.billingnow.platform.billing.invoices.InvoiceFields;
import io.billingnow.platform.billing.invoices.InvoiceLine;
import io.billingnow.platform.billing.invoices.LineFields;
import io.billingnow.platform.billing.invoices.TaxRateFields;
import io.billingnow.platform.billing.money.CurrencyUnit;
import io.billingnow.platform.billing.money.Money;
import io.billingnow.platform.billing.money.MoneyFormatException;
import io.billingnow.platform.billing.money.MoneyOverflowException;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.FieldError;
import io.billingnow.platform.core.errors.InvalidInput;
import io.billingnow.platform.http.ETags;
import io.billingnow.platform.json.MergePatch;
import io.billingnow.platform.web.i18n.Messages;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The draft editor's form exactly as the person typed it (every value a string, so a refused form comes back with
 * every keystroke), and its translation into the API's own {@link InvoiceFields}: decimals read in the page's locale,
 * amounts turned into minor units by {@link Money#parse} with the currency's exponent. Field names are the API's JSON
 * pointers with {@code _} for {@code /} ({@code lines_0_taxRates_0_percent}), so a refusal's pointer names its field.
 * A line left without description and price is an unused row and is not sent; refusals about the lines sent are
 * pointed back at the rows they came from ({@link Bound#onForm}).
 */
final class DraftForm {

    static final int MAX_LINES = 500;
    static final int MAX_RATES = 10;
    private static final Pattern LINE_FIELD = Pattern.compile("lines_(\\d{1,3})_.*");
    private static final Pattern RATE_FIELD = Pattern.compile("lines_\\d{1,3}_taxRates_(\\d{1,2})_.*");
    private static final Pattern LINE_POINTER = Pattern.compile("/lines/(\\d+)(/.*)?");

    record Rate(String id, String name, String category, String percent) {
    }

    record Line(String description, String quantity, String unitAmount, String discountType, String discountValue,
                List<Rate> rates) {
    }

    final String customerId;
    final String currency;
    final String taxBehavior;
    final String issueDate;
    final String dueDate;
    final String memo;
    final String discountType;
    final String discountValue;
    /** The draft's version as read when the editor opened ({@code W/"3"}), the form's If-Match; null for a new one. */
    final String version;
    final List<Line> lines;

    DraftForm(String customerId, String currency, String taxBehavior, String issueDate, String dueDate, String memo,
              String discountType, String discountValue, String version, List<Line> lines) {
        this.customerId = customerId;
        this.currency = currency;
        this.taxBehavior = taxBehavior;
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.memo = memo;
        this.discountType = discountType;
        this.discountValue = discountValue;
        this.version = version;
        this.lines = List.copyOf(lines);
    }

    /** A new draft's form: one empty line with one rate named {@code taxName}. */
    static DraftForm blank(String customerId, String currency, String taxName) {
        return new DraftForm(customerId, currency, "exclusive", "", "", "", "none", "", null,
                List.of(emptyLine(taxName)));
    }

    static Line emptyLine(String taxName) {
        return new Line("", "1", "", "none", "", List.of(new Rate("", taxName, "S", "")));
    }

    /** The form of a stored draft, its amounts written back as decimals of its currency in the page's locale. */
    static DraftForm of(Invoice draft, Locale locale) {
        DecimalInput decimals = new DecimalInput(locale);
        CurrencyUnit unit = CurrencyUnit.of(draft.currency());
        List<Line> lines = new ArrayList<>();
        for (InvoiceLine line : draft.lines()) {
            List<Rate> rates = line.taxRates().stream().map(r -> new Rate(r.id() == null ? "" : r.id(), r.name(),
                    r.category(), decimals.format(r.percent()))).toList();
            lines.add(new Line(line.description(), decimals.format(line.quantity()),
                    decimals.format(Money.ofMinor(line.unitAmount(), unit).toDecimal()), discountType(line.discount()),
                    discountValue(line.discount(), unit, decimals), rates));
        }
        return new DraftForm(draft.customerId().toString(), draft.currency(), draft.taxBehavior(),
                text(draft.dates().issueDate()), text(draft.dates().dueDate()), draft.memo() == null ? "" : draft.memo(),
                discountType(draft.discount()), discountValue(draft.discount(), unit, decimals),
                ETags.headerValue(draft.version()), lines);
    }

    /** The form as posted. Rows are read by their index; a gap (a row removed by hand) is simply not there. */
    static DraftForm read(MultivaluedMap<String, String> form) {
        int lineCount = 0;
        for (String key : form.keySet()) {
            Matcher m = LINE_FIELD.matcher(key);
            if (m.matches()) {
                lineCount = Math.max(lineCount, Integer.parseInt(m.group(1)) + 1);
            }
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(lineCount, MAX_LINES); i++) {
            String prefix = "lines_" + i + "_";
            if (form.keySet().stream().noneMatch(k -> k.startsWith(prefix))) {
                continue;
            }
            int rateCount = 0;
            for (String key : form.keySet()) {
                Matcher m = RATE_FIELD.matcher(key);
                if (key.startsWith(prefix) && m.matches()) {
                    rateCount = Math.max(rateCount, Integer.parseInt(m.group(1)) + 1);
                }
            }
            List<Rate> rates = new ArrayList<>();
            for (int r = 0; r < Math.min(rateCount, MAX_RATES); r++) {
                String rate = prefix + "taxRates_" + r + "_";
                rates.add(new Rate(value(form, rate + "id"), value(form, rate + "name"), value(form, rate + "category"),
                        value(form, rate + "percent")));
            }
            lines.add(new Line(value(form, prefix + "description"), value(form, prefix + "quantity"),
                    value(form, prefix + "unitAmount"), value(form, prefix + "discount_type"),
                    value(form, prefix + "discount_value"), rates));
        }
        return new DraftForm(value(form, "customerId"), value(form, "currency"), value(form, "taxBehavior"),
                value(form, "issueDate"), value(form, "dueDate"), value(form, "memo"), value(form, "discount_type"),
                value(form, "discount_value"), form.getFirst("version"), lines);
    }

    DraftForm withLineAdded(String taxName) {
        List<Line> more = new ArrayList<>(lines);
        if (more.size() < MAX_LINES) {
            more.add(emptyLine(taxName));
        }
        return withLines(more);
    }

    DraftForm withLineRemoved(int index) {
        List<Line> fewer = new ArrayList<>(lines);
        if (index >= 0 && index < fewer.size()) {
            fewer.remove(index);
        }
        return withLines(fewer);
    }

    private DraftForm withLines(List<Line> newLines) {
        return new DraftForm(customerId, currency, taxBehavior, issueDate, dueDate, memo, discountType, discountValue,
                version, newLines);
    }

    /** The API's fields and, for each line sent, the form row it came from. */
    record Bound(InvoiceFields fields, List<Integer> rows) {

        /** A refusal about the fields sent, its line pointers turned back into the form's rows. */
        DomainException onForm(DomainException refusal) {
            if (!(refusal instanceof InvalidInput invalid)) {
                return refusal;
            }
            List<FieldError> errors = new ArrayList<>();
            for (FieldError error : refusal.errors()) {
                Matcher m = error.pointer() == null ? null : LINE_POINTER.matcher(error.pointer());
                if (m != null && m.matches() && Integer.parseInt(m.group(1)) < rows.size()) {
                    String rest = m.group(2) == null ? "" : m.group(2);
                    errors.add(new FieldError("/lines/" + rows.get(Integer.parseInt(m.group(1))) + rest,
                            error.message()));
                } else {
                    errors.add(error);
                }
            }
            return DomainException.withErrors(invalid, errors);
        }
    }

    /**
     * The API's fields for this form, checked against the same bean constraints as a create's JSON body; every field
     * the form itself cannot read (a number, a date, an amount with too many decimals) is refused at once, in the
     * page's words, before anything is computed.
     */
    Bound bind(Locale locale, Messages messages) {
        DecimalInput decimals = new DecimalInput(locale);
        List<FieldError> errors = new ArrayList<>();
        UUID customer = null;
        try {
            customer = UUID.fromString(customerId);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(new FieldError("/customerId", messages.format("drafts_error_customer")));
        }
        CurrencyUnit unit = CurrencyUnit.isKnown(currency) ? CurrencyUnit.of(currency) : null;
        if (unit == null) {
            errors.add(new FieldError("/currency", messages.format("drafts_error_currency")));
        }
        LocalDate issue = date(issueDate, "/issueDate", errors, messages);
        LocalDate due = date(dueDate, "/dueDate", errors, messages);
        DiscountFields discount = discount(discountType, discountValue, "/discount", unit, decimals, errors, messages);
        List<LineFields> sent = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.description().isBlank() && line.unitAmount().isBlank()) {
                continue;
            }
            String at = "/lines/" + i;
            BigDecimal quantity = number(line.quantity(), at + "/quantity", decimals, errors, messages);
            Long unitAmount = amount(line.unitAmount(), at + "/unitAmount", unit, decimals, errors, messages);
            List<TaxRateFields> rates = new ArrayList<>();
            for (int r = 0; r < line.rates().size(); r++) {
                Rate rate = line.rates().get(r);
                if (rate.percent().isBlank()) {
                    continue;
                }
                BigDecimal percent = number(rate.percent(), at + "/taxRates/" + r + "/percent", decimals, errors,
                        messages);
                rates.add(new TaxRateFields(rate.id().isBlank() ? null : rate.id(), rate.name(), rate.category(),
                        percent == null ? BigDecimal.ZERO : percent));
            }
            DiscountFields lineDiscount = discount(line.discountType(), line.discountValue(), at + "/discount", unit,
                    decimals, errors, messages);
            sent.add(new LineFields(line.description(), quantity == null ? BigDecimal.ONE : quantity,
                    unitAmount == null ? 0L : unitAmount, rates, lineDiscount));
            rows.add(i);
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        InvoiceFields fields = new InvoiceFields(customer, currency, taxBehavior.isBlank() ? null : taxBehavior,
                issue, due, memo.isBlank() ? null : memo, discount, sent, null);
        Bound bound = new Bound(fields, rows);
        try {
            MergePatch.validated(fields);
        } catch (DomainException e) {
            throw bound.onForm(e);
        }
        return bound;
    }

    private static BigDecimal number(String text, String pointer, DecimalInput decimals, List<FieldError> errors,
                                     Messages messages) {
        Optional<BigDecimal> parsed = decimals.parse(text);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(pointer, messages.format("drafts_error_number")));
        }
        return parsed.orElse(null);
    }

    private static Long amount(String text, String pointer, CurrencyUnit unit, DecimalInput decimals,
                               List<FieldError> errors, Messages messages) {
        Optional<BigDecimal> parsed = decimals.parse(text);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(pointer, messages.format("drafts_error_number")));
            return null;
        }
        if (unit == null) {
            return null;
        }
        try {
            return Money.parse(parsed.get().toPlainString(), unit).minorUnits();
        } catch (MoneyFormatException | MoneyOverflowException e) {
            errors.add(new FieldError(pointer, messages.format("drafts_error_decimals", unit.exponent())));
            return null;
        }
    }

    private static DiscountFields discount(String type, String value, String pointer, CurrencyUnit unit,
                                           DecimalInput decimals, List<FieldError> errors, Messages messages) {
        if ("percent".equals(type)) {
            Optional<BigDecimal> percent = decimals.parse(value);
            if (percent.isEmpty()) {
                errors.add(new FieldError(pointer, messages.format("drafts_error_number")));
                return null;
            }
            return new DiscountFields("percent", percent.get(), null);
        }
        if ("amount".equals(type)) {
            Long minor = amount(value, pointer, unit, decimals, errors, messages);
            return minor == null ? null : new DiscountFields("amount", null, minor);
        }
        return null;
    }

    private static LocalDate date(String text, String pointer, List<FieldError> errors, Messages messages) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        errors.add(new FieldError(pointer, messages.format("drafts_error_date")));
        return null;
    }

    private static String discountType(DiscountFields discount) {
        return discount == null ? "none" : discount.type();
    }

    private static String discountValue(DiscountFields discount, CurrencyUnit unit, DecimalInput decimals) {
        if (discount == null) {
            return "";
        }
        return "percent".equals(discount.type()) ? decimals.format(discount.percent())
                : decimals.format(Money.ofMinor(discount.amount(), unit).toDecimal());
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }
}

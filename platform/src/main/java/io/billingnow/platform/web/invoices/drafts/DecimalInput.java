package io.billingnow.platform.web.invoices.drafts;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A decimal number as a person of one locale types it into a form ({@code 12.50}, {@code 1,234.5}; in German
 * {@code 12,50}, {@code 1.234,5}), read exactly into a {@link BigDecimal}, never through a double. Grouping separators
 * are accepted only between groups of three digits, so an English {@code 12,50} is refused instead of becoming 1250.
 * Turning an amount into minor units is {@code billing.money.Money#parse}'s job: this class only reads the digits.
 */
final class DecimalInput {

    private final char decimal;
    private final Pattern plain;
    private final Pattern grouped;
    private final String grouping;

    DecimalInput(Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.decimal = symbols.getDecimalSeparator();
        this.grouping = String.valueOf(symbols.getGroupingSeparator());
        String d = Pattern.quote(String.valueOf(decimal));
        String g = Pattern.quote(grouping);
        this.plain = Pattern.compile("-?\\d+(" + d + "\\d+)?");
        this.grouped = Pattern.compile("-?\\d{1,3}(" + g + "\\d{3})+(" + d + "\\d+)?");
    }

    /** The number typed, or empty if the text is not a number of this locale. */
    Optional<BigDecimal> parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.length() > 40) {
            return Optional.empty();
        }
        if (grouped.matcher(value).matches()) {
            value = value.replace(grouping, "");
        } else if (!plain.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value.replace(decimal, '.')));
    }

    /** The plain decimal text ({@code "12.5"}) as this locale writes it in a field ({@code "12,5"}), no grouping. */
    String format(BigDecimal value) {
        return value == null ? "" : value.toPlainString().replace('.', decimal);
    }
}

package io.billingnow.platform.web.i18n;

import io.billingnow.platform.billing.money.CurrencyUnit;
import io.billingnow.platform.billing.money.Money;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Dates, numbers and money as a person of this locale writes them. Money is exact: integer minor units become a
 * decimal with the currency's own exponent ({@code billing.money}), never a double, and show exactly that many digits
 * (JPY none, EUR two, BHD three).
 */
public final class Formats {

    private final Locale locale;
    private final DateTimeFormatter dates;

    public Formats(Locale locale) {
        this.locale = locale;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    public String money(long minorUnits, String currencyCode) {
        Money money = Money.ofMinor(minorUnits, CurrencyUnit.of(currencyCode));
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currencyCode));
        int exponent = money.currency().exponent();
        format.setMinimumFractionDigits(exponent);
        format.setMaximumFractionDigits(exponent);
        return format.format(money.toDecimal());
    }

    public String date(LocalDate date) {
        return date == null ? "" : dates.format(date);
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }
}

package io.billingnow.platform.web.signup;

import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.WebContext;
import io.billingnow.platform.web.shell.WebPage;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The "Create a business" form: name, address (slug), country and default currency, with the refusal if any. */
public final class SignUpPage extends WebPage {

    /** What the person typed, shown again after a refusal. */
    record Values(String name, String slug, String country, String currency) {
        static final Values EMPTY = new Values("", "", "", "EUR");
    }

    private final Values values;
    private final FormErrors errors;

    SignUpPage(WebContext context, Values values, FormErrors errors) {
        super("signup.mustache", context, context.messages().all().get("signup_title"));
        this.values = values;
        this.errors = errors;
    }

    public Values values() {
        return values;
    }

    /** The field errors by field ({@code {{#errors.slug}}}). */
    public Map<String, String> errors() {
        return errors.fields();
    }

    /** The refusal in a sentence, or null. */
    public String errorSummary() {
        return errors.any() ? errors.summary() : null;
    }

    /** Every country by its name in the page's language, in its alphabetical order; the one typed selected. */
    public List<Map<String, Object>> countries() {
        java.text.Collator alphabetical = java.text.Collator.getInstance(locale());
        return java.util.Arrays.stream(Locale.getISOCountries())
                .map(code -> Map.<String, Object>of("code", code,
                        "name", new Locale("", code).getDisplayCountry(locale()),
                        "selected", code.equals(values.country())))
                .sorted(Comparator.comparing(m -> (String) m.get("name"), alphabetical))
                .toList();
    }

    /** Every currency by code and name in the page's language; the one typed selected. */
    public List<Map<String, Object>> currencies() {
        return Currency.getAvailableCurrencies().stream()
                .sorted(Comparator.comparing(Currency::getCurrencyCode))
                .map(c -> Map.<String, Object>of("code", c.getCurrencyCode(),
                        "name", c.getCurrencyCode() + " – " + c.getDisplayName(locale()),
                        "selected", c.getCurrencyCode().equals(values.currency())))
                .toList();
    }
}

package io.billingnow.platform.tenancy;

import io.billingnow.platform.http.ApiException;
import io.billingnow.platform.http.Problem;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What defines a tenant, whether it comes from a tenants-config YAML file or the admin console.
 */
public record TenantDefinition(String slug, String name, String country, String currency, TenantSettings settings) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public TenantDefinition {
        settings = settings == null ? TenantSettings.defaults() : settings;
    }

    /** Throws an {@link ApiException} listing every invalid field. */
    public void validate() {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (slug == null || !SLUG.matcher(slug).matches()) {
            errors.add(new Problem.FieldError("/slug", "2-63 lowercase letters, digits or hyphens"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new Problem.FieldError("/name", "required, at most 200 characters"));
        }
        if (country == null || !COUNTRIES.contains(country)) {
            errors.add(new Problem.FieldError("/country", "an ISO 3166-1 alpha-2 country code"));
        }
        if (currency == null || !isCurrency(currency)) {
            errors.add(new Problem.FieldError("/currency", "an ISO 4217 currency code"));
        }
        if (settings.paymentTermsDays() < 0 || settings.paymentTermsDays() > 3650) {
            errors.add(new Problem.FieldError("/settings/paymentTermsDays", "between 0 and 3650"));
        }
        if (settings.paymentLinkMaxDays() < 1 || settings.paymentLinkMaxDays() > 365) {
            errors.add(new Problem.FieldError("/settings/paymentLinkMaxDays", "between 1 and 365"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

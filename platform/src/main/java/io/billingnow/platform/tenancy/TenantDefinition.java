package io.billingnow.platform.tenancy;

import io.billingnow.platform.core.TaxIds;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.FieldError;
import io.billingnow.platform.core.errors.StateConflict;
import io.billingnow.platform.core.errors.Unprocessable;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.billingnow.platform.json.JsonConventions;
import io.billingnow.platform.json.JsonPointers;
import io.billingnow.platform.billing.numbering.InvalidNumberingPatternException;
import io.billingnow.platform.billing.numbering.NumberingFormat;
import io.dropwizard.jackson.Jackson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What defines a tenant, whether it comes from a tenants-config YAML file or the admin console. This record is the
 * one binding of a tenant definition and {@link #validate()} its one set of rules: tenants-config
 * ({@code tenants validate}, startup), the admin API and anything else that sets a tenant's settings go through
 * {@link #parse(JsonNode)}.
 */
public record TenantDefinition(String slug, String name, String country, String currency, TenantSettings settings) {

    /** The problem type of a definition that breaks the rules: 422 with a JSON pointer per invalid field. */
    public static final String INVALID = "invalid-tenant-definition";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_PROVIDERS = 50;

    /**
     * Strict on purpose: unknown fields are refused at every level (a misspelt setting would otherwise leave the
     * tenant on a default nobody chose) and no scalar is coerced (a number is not a pattern, a quoted number is not
     * a number of days).
     */
    private static final ObjectMapper STRICT = strict(JsonConventions.apply(Jackson.newObjectMapper()));

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (CoercionInputShape scalar : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        return mapper;
    }

    public TenantDefinition {
        settings = settings == null ? TenantSettings.defaults() : settings;
    }

    /**
     * Binds and validates a definition from JSON (or YAML read as a tree).
     *
     * @throws DomainException 422 {@value #INVALID}, with a pointer per problem
     */
    public static TenantDefinition parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw invalid(List.of(new FieldError("/", "must be an object of tenant fields")));
        }
        // Every unknown field is reported (not only the first), with the other problems of the definition.
        List<FieldError> unknown = new ArrayList<>();
        DeserializationProblemHandler collectUnknown = new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                                 JsonDeserializer<?> deserializer, Object bean, String property)
                    throws java.io.IOException {
                // The parser stands on the unknown field's value, so its path ends with the field's name.
                unknown.add(new FieldError(parser.getParsingContext().pathAsPointer().toString(),
                        "unknown field"));
                parser.skipChildren();
                return true;
            }
        };
        TenantDefinition definition;
        try {
            definition = STRICT.readerFor(TenantDefinition.class).withHandler(collectUnknown)
                    .readValue(STRICT.treeAsTokens(node));
        } catch (JsonMappingException e) {
            unknown.add(new FieldError(JsonPointers.of(e), bindingMessage(e)));
            throw invalid(unknown);
        } catch (java.io.IOException e) {
            throw invalid(List.of(new FieldError("/", "not a tenant definition")));
        }
        List<FieldError> errors = new ArrayList<>(unknown);
        try {
            definition.validate();
        } catch (DomainException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return definition;
    }

    /** This definition as the JSON {@link #parse(JsonNode)} reads (defaults written out, absent seller left out). */
    public JsonNode toJson() {
        return STRICT.valueToTree(this);
    }

    /** The definition a tenant has now. */
    public static TenantDefinition of(Tenant tenant) {
        return new TenantDefinition(tenant.slug(), tenant.name(), tenant.country(), tenant.defaultCurrency(),
                tenant.settings());
    }

    /**
     * Throws a 422 {@value #INVALID} listing every invalid field.
     */
    public void validate() {
        List<FieldError> errors = new ArrayList<>();
        if (slug == null || !SLUG.matcher(slug).matches()) {
            errors.add(new FieldError("/slug", "2-63 lowercase letters, digits or hyphens, starting with a "
                    + "letter or digit"));
        }
        text(errors, "/name", name, true, 200);
        if (country == null || !COUNTRIES.contains(country)) {
            errors.add(new FieldError("/country", "an ISO 3166-1 alpha-2 country code"));
        }
        if (currency == null || !isCurrency(currency)) {
            errors.add(new FieldError("/currency", "an ISO 4217 currency code"));
        }
        numberFormat(errors, "/settings/invoiceNumberFormat", settings.invoiceNumberFormat());
        numberFormat(errors, "/settings/creditNoteNumberFormat", settings.creditNoteNumberFormat());
        if (settings.paymentTermsDays() < 0 || settings.paymentTermsDays() > 3650) {
            errors.add(new FieldError("/settings/paymentTermsDays", "between 0 and 3650"));
        }
        if (settings.paymentLinkMaxDays() < 1 || settings.paymentLinkMaxDays() > 365) {
            errors.add(new FieldError("/settings/paymentLinkMaxDays", "between 1 and 365"));
        }
        providers(errors, settings.enabledProviders());
        seller(errors, settings.seller());
        if (!Languages.isSupported(settings.language())) {
            errors.add(new FieldError("/settings/language", "one of " + String.join(", ", Languages.SUPPORTED)));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    /** A stored numbering pattern as a format, or a 409 naming the setting: a bad setting is not a server error. */
    public static NumberingFormat storedFormat(String pointer, String pattern) {
        try {
            return NumberingFormat.parse(pattern);
        } catch (InvalidNumberingPatternException e) {
            throw new StateConflict("invalid-tenant-setting", "A tenant setting is invalid",
                    "The tenant's setting " + pointer + " is invalid (" + e.reason() + "); an operator must correct "
                            + "it before documents can be numbered", List.of(new FieldError(pointer,
                    e.reason())));
        }
    }

    private static void numberFormat(List<FieldError> errors, String pointer, String pattern) {
        try {
            NumberingFormat.parse(pattern);
        } catch (InvalidNumberingPatternException e) {
            errors.add(new FieldError(pointer, e.reason()));
        }
    }

    private static void providers(List<FieldError> errors, List<String> providers) {
        if (providers.size() > MAX_PROVIDERS) {
            errors.add(new FieldError("/settings/enabledProviders", "at most " + MAX_PROVIDERS + " providers"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < providers.size(); i++) {
            String id = providers.get(i);
            String pointer = "/settings/enabledProviders/" + i;
            if (id == null || !PROVIDER_ID.matcher(id).matches()) {
                errors.add(new FieldError(pointer, "a provider id: lowercase letters, digits or hyphens"));
            } else if (!seen.add(id)) {
                errors.add(new FieldError(pointer, "listed twice"));
            }
        }
    }

    private static void seller(List<FieldError> errors, Seller seller) {
        if (seller == null) {
            return;
        }
        String at = "/settings/seller";
        text(errors, at + "/legalName", seller.legalName(), true, 200);
        text(errors, at + "/taxId", seller.taxId(), false, TaxIds.MAX_LENGTH);
        if (seller.taxId() != null && !seller.taxId().isBlank() && !TaxIds.isWellFormed(seller.taxId())) {
            errors.add(new FieldError(at + "/taxId", TaxIds.MESSAGE));
        }
        if (seller.email() != null && (seller.email().length() > 254 || !EMAIL.matcher(seller.email()).matches())) {
            errors.add(new FieldError(at + "/email", "an email address"));
        }
        Seller.Address address = seller.address();
        if (address != null) {
            String a = at + "/address";
            text(errors, a + "/line1", address.line1(), true, 200);
            text(errors, a + "/line2", address.line2(), false, 200);
            text(errors, a + "/postalCode", address.postalCode(), false, 200);
            text(errors, a + "/city", address.city(), true, 200);
            text(errors, a + "/region", address.region(), false, 200);
            if (address.country() != null && !COUNTRIES.contains(address.country())) {
                errors.add(new FieldError(a + "/country", "an ISO 3166-1 alpha-2 country code"));
            }
        }
    }

    private static void text(List<FieldError> errors, String pointer, String value, boolean required,
                             int max) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(pointer, "required"));
            }
        } else if (value.isBlank() || value.length() > max) {
            errors.add(new FieldError(pointer, "1 to " + max + " characters"));
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The refusal of a definition with these problems: 422 {@value #INVALID}, one pointer per problem. */
    public static DomainException invalid(List<FieldError> errors) {
        return new Unprocessable(INVALID, "Invalid tenant definition",
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid", errors);
    }

    private static String bindingMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            if (type == String.class) {
                return "must be a string (in YAML, quote it)";
            }
            if (type == Integer.class || type == int.class) {
                return "must be a whole number";
            }
            if (Collection.class.isAssignableFrom(type)) {
                return "must be a list";
            }
            if (Map.class.isAssignableFrom(type) || type.isRecord()) {
                return "must be an object";
            }
        }
        return "wrong type or format";
    }
}

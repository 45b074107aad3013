package io.billingnow.platform.tenancy.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.billingnow.platform.http.ApiException;
import io.billingnow.platform.http.Problem;
import io.billingnow.platform.tenancy.TenantDefinition;
import io.billingnow.platform.tenancy.TenantSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks one tenant file, {@code <slug>.yml}. The file is checked field by field against the documented
 * schema (tenants-config/README.md, tenant.schema.json) before it becomes a {@link TenantDefinition}: unknown fields
 * and wrong types are reported with their place in the file, not silently ignored, because a typo in a setting's name
 * would otherwise leave the tenant on a default nobody chose.
 */
public final class TenantFile {

    public static final String EXTENSION = ".yml";

    static final Set<String> TENANT_FIELDS = Set.of("slug", "name", "country", "currency", "settings");
    static final Set<String> SETTINGS_FIELDS = Set.of("invoiceNumberFormat", "creditNoteNumberFormat",
            "paymentTermsDays", "paymentLinkMaxDays", "enabledProviders", "seller");
    static final Set<String> SELLER_FIELDS = Set.of("legalName", "address", "taxId", "email");
    static final Set<String> ADDRESS_FIELDS = Set.of("line1", "line2", "postalCode", "city", "region", "country");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern SEQ = Pattern.compile("SEQ(?::([1-9]|1[0-2]))?");
    private static final Set<String> DATE_PLACEHOLDERS = Set.of("YYYY", "YY", "MM");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final String fileName;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private TenantFile(String fileName) {
        this.fileName = fileName;
    }

    /** The outcome for one file: a definition when it is valid, otherwise its problems. */
    public record Result(String fileName, TenantDefinition definition, List<ConfigProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Result read(Path file) {
        TenantFile check = new TenantFile(file.getFileName().toString());
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            check.problem("/", "not valid YAML: " + e.getOriginalMessage());
            return check.result(null);
        } catch (IOException e) {
            check.problem("/", "cannot be read: " + e.getMessage());
            return check.result(null);
        }
        return check.result(check.definition(root));
    }

    private Result result(TenantDefinition definition) {
        return new Result(fileName, problems.isEmpty() ? definition : null, List.copyOf(problems));
    }

    private TenantDefinition definition(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            problem("/", "the file is empty");
            return null;
        }
        if (!root.isObject()) {
            problem("/", "must be a mapping of tenant fields");
            return null;
        }
        unknownFields(root, "", TENANT_FIELDS);
        String slug = string(root, "", "slug", true);
        String expected = fileName.substring(0, fileName.length() - EXTENSION.length());
        if (slug != null && !slug.equals(expected)) {
            problem("/slug", "must match the file name: " + fileName + " must hold slug " + expected);
        }
        String name = string(root, "", "name", true);
        String country = string(root, "", "country", true);
        String currency = string(root, "", "currency", true);
        TenantSettings settings = settings(root.get("settings"));
        TenantDefinition definition = new TenantDefinition(slug, name, country, currency, settings);
        try {
            definition.validate();
        } catch (ApiException e) {
            for (Problem.FieldError error : e.errors()) {
                if (problems.stream().noneMatch(p -> p.field().equals(error.pointer()))) {
                    problem(error.pointer(), error.message());
                }
            }
        }
        return definition;
    }

    private TenantSettings settings(JsonNode node) {
        if (node == null || node.isNull()) {
            return TenantSettings.defaults();
        }
        if (!node.isObject()) {
            problem("/settings", "must be a mapping");
            return TenantSettings.defaults();
        }
        unknownFields(node, "/settings", SETTINGS_FIELDS);
        String invoiceFormat = numberFormat(node, "invoiceNumberFormat");
        String creditNoteFormat = numberFormat(node, "creditNoteNumberFormat");
        Integer termsDays = integer(node, "/settings", "paymentTermsDays");
        Integer linkDays = integer(node, "/settings", "paymentLinkMaxDays");
        List<String> providers = providers(node.get("enabledProviders"));
        Map<String, Object> seller = seller(node.get("seller"));
        return new TenantSettings(invoiceFormat, creditNoteFormat, termsDays, linkDays, providers, seller);
    }

    private String numberFormat(JsonNode settings, String field) {
        String format = string(settings, "/settings", field, false);
        if (format == null) {
            return null;
        }
        String pointer = "/settings/" + field;
        if (format.isBlank() || format.length() > 64) {
            problem(pointer, "1 to 64 characters");
            return format;
        }
        int sequences = 0;
        Matcher m = PLACEHOLDER.matcher(format);
        while (m.find()) {
            String placeholder = m.group(1);
            if (SEQ.matcher(placeholder).matches()) {
                sequences++;
            } else if (!DATE_PLACEHOLDERS.contains(placeholder)) {
                problem(pointer, "unknown placeholder {" + placeholder + "}: use {YYYY}, {YY}, {MM}, {SEQ} or {SEQ:n}"
                        + " with n from 1 to 12");
                return format;
            }
        }
        if (sequences != 1) {
            problem(pointer, "must contain exactly one {SEQ} or {SEQ:n} placeholder");
        } else if (m.replaceAll("").contains("{") || m.replaceAll("").contains("}")) {
            problem(pointer, "has an unbalanced brace");
        }
        return format;
    }

    private List<String> providers(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            problem("/settings/enabledProviders", "must be a list of provider ids");
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            String pointer = "/settings/enabledProviders/" + i;
            if (!id.isTextual() || !PROVIDER_ID.matcher(id.asText()).matches()) {
                problem(pointer, "a provider id: lowercase letters, digits or hyphens");
            } else if (ids.contains(id.asText())) {
                problem(pointer, "listed twice");
            } else {
                ids.add(id.asText());
            }
        }
        return ids;
    }

    private Map<String, Object> seller(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problem("/settings/seller", "must be a mapping");
            return null;
        }
        String at = "/settings/seller";
        unknownFields(node, at, SELLER_FIELDS);
        String legalName = string(node, at, "legalName", true);
        if (legalName != null && (legalName.isBlank() || legalName.length() > 200)) {
            problem(at + "/legalName", "1 to 200 characters");
        }
        String taxId = string(node, at, "taxId", false);
        if (taxId != null && (taxId.isBlank() || taxId.length() > 64)) {
            problem(at + "/taxId", "1 to 64 characters");
        }
        String email = string(node, at, "email", false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problem(at + "/email", "an email address");
        }
        JsonNode address = node.get("address");
        if (address != null && !address.isNull()) {
            address(address);
        }
        return YAML.convertValue(node, new TypeReference<Map<String, Object>>() { });
    }

    private void address(JsonNode node) {
        String at = "/settings/seller/address";
        if (!node.isObject()) {
            problem(at, "must be a mapping");
            return;
        }
        unknownFields(node, at, ADDRESS_FIELDS);
        for (String field : ADDRESS_FIELDS) {
            String value = string(node, at, field, field.equals("line1") || field.equals("city"));
            if (value != null && (value.isBlank() || value.length() > 200)) {
                problem(at + "/" + field, "1 to 200 characters");
            }
        }
        String country = string(node, at, "country", false);
        if (country != null && !COUNTRIES.contains(country)) {
            problem(at + "/country", "an ISO 3166-1 alpha-2 country code");
        }
    }

    private void unknownFields(JsonNode node, String at, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(at + "/" + name, "unknown field");
            }
        }
    }

    private String string(JsonNode parent, String at, String field, boolean required) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(at + "/" + field, "required");
            }
            return null;
        }
        if (!value.isTextual()) {
            problem(at + "/" + field, "must be a string (quote it)");
            return null;
        }
        return value.asText();
    }

    private Integer integer(JsonNode parent, String at, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(at + "/" + field, "must be a whole number");
            return null;
        }
        return value.intValue();
    }

    private void problem(String field, String message) {
        if (problems.stream().noneMatch(p -> p.field().equals(field) && p.message().equals(message))) {
            problems.add(new ConfigProblem(fileName, field, message));
        }
    }
}

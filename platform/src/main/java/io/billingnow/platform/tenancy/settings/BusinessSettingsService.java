package io.billingnow.platform.tenancy.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.billingnow.platform.core.errors.FieldError;
import io.billingnow.platform.core.errors.StateConflict;
import io.billingnow.platform.core.errors.Unprocessable;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.identity.auth.Caller;
import io.billingnow.platform.json.MergePatch;
import io.billingnow.platform.tenancy.Seller;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.TenantDefinition;
import io.billingnow.platform.tenancy.TenantService;
import io.billingnow.platform.tenancy.TenantSettings;
import io.billingnow.platform.tenancy.Tenants;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * A business reads and changes its own settings. A change is a change of the tenant's definition through
 * {@link TenantService#update}: the same validation as tenants-config files and the admin console
 * ({@code TenantDefinition#validate}: numbering patterns as numbering parses them, ISO 4217, supported language, the
 * platform's tax id format), the same refusal of a field a tenants-config file owns, the same row lock and audit trail
 * (action {@value #AUDIT_ACTION}). Refusals name the settings document's own pointers.
 */
public final class BusinessSettingsService {

    public static final String AUDIT_ACTION = "tenant.settings_updated";

    private static final ObjectMapper JSON = Jackson.newObjectMapper();

    private final TenantService tenants;
    private final LogoService logos;

    public BusinessSettingsService(TenantService tenants, LogoService logos) {
        this.tenants = tenants;
        this.logos = logos;
    }

    public BusinessSettings get(TenantHandle tx) {
        return of(Tenants.current(tx), logos.info(tx));
    }

    /**
     * Applies a JSON merge patch (RFC 7396) of {@link BusinessSettingsFields} after {@code versionCheck} accepted the
     * current version (read under the tenant's row lock). {@code null} removes a field: an optional one becomes
     * empty, a setting with a default takes its default.
     */
    public BusinessSettings patch(TenantHandle tx, JsonNode patch, Caller actor, IntConsumer versionCheck) {
        MergePatch.requireObject(patch);
        return change(tx, actor, versionCheck, current -> MergePatch.applyTo(fieldsOf(current), patch,
                BusinessSettingsFields.class));
    }

    /** Replaces every editable field by {@code fields} (the settings form sends them all). */
    public BusinessSettings update(TenantHandle tx, BusinessSettingsFields fields, Caller actor,
                                   IntConsumer versionCheck) {
        return change(tx, actor, versionCheck, current -> fields);
    }

    private BusinessSettings change(TenantHandle tx, Caller actor, IntConsumer versionCheck,
                                    java.util.function.Function<TenantDefinition, BusinessSettingsFields> edit) {
        Tenant after;
        BusinessSettingsFields[] beforeAndAfter = new BusinessSettingsFields[2];
        try {
            after = tenants.update(tx, actor, AUDIT_ACTION, versionCheck, current -> {
                beforeAndAfter[0] = fieldsOf(current);
                beforeAndAfter[1] = edit.apply(current);
                return definitionWith(current, beforeAndAfter[1]);
            });
        } catch (Unprocessable refusal) {
            if (!TenantDefinition.INVALID.equals(refusal.slug())) {
                throw refusal;
            }
            List<FieldError> errors = SettingsPointers.errors(refusal.errors());
            throw new Unprocessable("invalid-tenant-definition", "Invalid settings",
                    errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid", errors);
        } catch (StateConflict refusal) {
            if (!"tenant-managed-by-config".equals(refusal.slug())) {
                throw refusal;
            }
            List<FieldError> errors = changedOnly(SettingsPointers.errors(refusal.errors()), beforeAndAfter);
            String managedBy = Tenants.current(tx).managedBy();
            throw new StateConflict("tenant-managed-by-config", refusal.title(),
                    errors.stream().map(FieldError::pointer).distinct().collect(Collectors.joining(", "))
                            + (errors.size() == 1 ? " is" : " are") + " set by " + managedBy
                            + " and can only be changed there, by your operator", errors);
        }
        return of(after, logos.info(tx));
    }

    /**
     * The file owns the seller as a whole; of its fields, name those the change touched (a field sent with its
     * current value is no change).
     */
    private static List<FieldError> changedOnly(List<FieldError> errors, BusinessSettingsFields[] beforeAndAfter) {
        if (beforeAndAfter[0] == null || beforeAndAfter[1] == null) {
            return errors;
        }
        JsonNode was = JSON.valueToTree(beforeAndAfter[0]);
        JsonNode will = JSON.valueToTree(beforeAndAfter[1]);
        List<FieldError> changed = errors.stream()
                .filter(error -> !was.at(error.pointer()).equals(will.at(error.pointer()))).toList();
        return changed.isEmpty() ? errors : changed;
    }

    static BusinessSettings of(Tenant tenant, LogoInfo logo) {
        BusinessSettingsFields fields = fieldsOf(TenantDefinition.of(tenant));
        return new BusinessSettings(fields.legalName(), fields.address(), fields.taxId(), fields.email(),
                fields.invoiceNumberFormat(), fields.creditNoteNumberFormat(), fields.paymentTermsDays(),
                fields.currency(), fields.language(), tenant.managedBy(),
                SettingsPointers.ofDefinitions(tenant.managedFields()), logo, tenant.version());
    }

    private static BusinessSettingsFields fieldsOf(TenantDefinition definition) {
        TenantSettings settings = definition.settings();
        Seller seller = settings.seller();
        return new BusinessSettingsFields(seller == null ? null : seller.legalName(),
                seller == null ? null : seller.address(), seller == null ? null : seller.taxId(),
                seller == null ? null : seller.email(), settings.invoiceNumberFormat(),
                settings.creditNoteNumberFormat(), settings.paymentTermsDays(), definition.currency(),
                settings.language());
    }

    /** The definition with the business's fields; the operator's fields (name, country, providers, ...) are kept. */
    private static TenantDefinition definitionWith(TenantDefinition current, BusinessSettingsFields fields) {
        boolean noSeller = fields.legalName() == null && fields.address() == null && fields.taxId() == null
                && fields.email() == null;
        Seller seller = noSeller ? null
                : new Seller(fields.legalName(), fields.address(), fields.taxId(), fields.email());
        TenantSettings settings = current.settings();
        return new TenantDefinition(current.slug(), current.name(), current.country(), fields.currency(),
                new TenantSettings(fields.invoiceNumberFormat(), fields.creditNoteNumberFormat(),
                        fields.paymentTermsDays(), settings.paymentLinkMaxDays(), settings.enabledProviders(),
                        seller, fields.language()));
    }

}

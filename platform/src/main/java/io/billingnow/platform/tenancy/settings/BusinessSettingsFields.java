package io.billingnow.platform.tenancy.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.billingnow.platform.tenancy.Seller;

/**
 * What a business edits of its own settings ({@code PATCH /v1/settings} and the settings page): the seller printed on
 * its invoices, its numbering patterns, payment terms, default currency and language. Only the binding: the rules are
 * the tenant definition's ({@code TenantDefinition#validate}), applied by {@link BusinessSettingsService}.
 *
 * @param legalName              the seller's legal name (required once any seller detail is set)
 * @param address                the seller's postal address
 * @param taxId                  the seller's VAT id or registration number
 * @param email                  the contact address printed on invoices
 * @param invoiceNumberFormat    the invoice numbering pattern, e.g. {@code RE-{YYYY}-{SEQ:5}}
 * @param creditNoteNumberFormat the credit-note numbering pattern
 * @param paymentTermsDays       days from issue date to due date
 * @param currency               the default currency, ISO 4217
 * @param language               the default language for what the business sends its customers
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BusinessSettingsFields(String legalName, Seller.Address address, String taxId, String email,
                                     String invoiceNumberFormat, String creditNoteNumberFormat,
                                     Integer paymentTermsDays, String currency, String language) {
}

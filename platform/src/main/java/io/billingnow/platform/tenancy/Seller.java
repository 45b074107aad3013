package io.billingnow.platform.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The seller printed on (and snapshotted into) each invoice of a tenant; {@link TenantDefinition#validate()} checks it.
 *
 * @param legalName the seller's legal name (required)
 * @param address   postal address, optional
 * @param taxId     VAT id or registration number, optional
 * @param email     contact address for invoices, optional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Seller(String legalName, Address address, String taxId, String email) {

    /** A postal address: {@code line1} and {@code city} required, {@code country} ISO 3166-1 alpha-2. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(String line1, String line2, String postalCode, String city, String region, String country) {
    }
}

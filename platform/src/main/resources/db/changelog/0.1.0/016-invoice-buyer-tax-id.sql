--liquibase formatted sql

--changeset billingnow:0.1.0-invoice-buyer-tax-id
-- A finalized invoice must carry the buyer's VAT id in full (EU VAT Directive art. 226). The customer snapshot
-- (jsonb, readable by anyone who can read the table) keeps only the masked value; the full value is a field
-- ciphertext under the tenant's data key (docs/encryption.md), bound to this invoice row.
ALTER TABLE invoices ADD COLUMN customer_tax_id_encrypted bytea;

--liquibase formatted sql

--changeset billingnow:0.1.0-customer-tax-id-encrypted
-- A customer's tax id is sensitive: it is stored only as a field ciphertext under the tenant's data key
-- (docs/encryption.md), with its last characters kept apart so lists can show a masked value without decrypting.
ALTER TABLE customers DROP COLUMN tax_id;
ALTER TABLE customers ADD COLUMN tax_id_encrypted bytea;
ALTER TABLE customers ADD COLUMN tax_id_hint text CHECK (length(tax_id_hint) <= 4);

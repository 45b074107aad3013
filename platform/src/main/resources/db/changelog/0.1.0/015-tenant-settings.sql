--liquibase formatted sql

--changeset billingnow:0.1.0-tenant-config-ownership
-- A tenant with a tenants-config file is managed by it: managed_by names the file (e.g. tenants-config/acme-gmbh.yml)
-- and managed_fields the JSON pointers of the fields the file sets (/name, /settings/paymentTermsDays, ...). The
-- admin API refuses changes to those fields; the others belong to the admin console and survive a restart.
ALTER TABLE tenants ADD COLUMN managed_by text CHECK (length(managed_by) BETWEEN 1 AND 300);
ALTER TABLE tenants ADD COLUMN managed_fields text[] NOT NULL DEFAULT '{}';

--changeset billingnow:0.1.0-tenant-settings-typed splitStatements:false
-- Tenant settings are typed since this change set. Before it, the admin API stored any JSON in the seller and any
-- scalar in a pattern, which made every finalization of the tenant fail. Values of a type the settings can no longer
-- hold are removed (the setting falls back to its default, an absent seller to the tenant's name and country); the
-- values of the right type are kept as they are, and whatever is still invalid is refused when next changed and
-- reported as a 409 naming the setting when used.
UPDATE tenants SET settings = settings - 'seller'
WHERE settings -> 'seller' IS NOT NULL AND jsonb_typeof(settings -> 'seller') <> 'object';
UPDATE tenants SET settings = settings #- '{seller,address}'
WHERE settings #> '{seller,address}' IS NOT NULL AND jsonb_typeof(settings #> '{seller,address}') <> 'object';
UPDATE tenants SET settings = settings - 'enabledProviders'
WHERE settings -> 'enabledProviders' IS NOT NULL AND (jsonb_typeof(settings -> 'enabledProviders') <> 'array'
    OR EXISTS (SELECT 1 FROM jsonb_array_elements(settings -> 'enabledProviders') AS e(v)
               WHERE jsonb_typeof(e.v) <> 'string'));
DO $$
DECLARE
    typed record;
BEGIN
    FOR typed IN SELECT * FROM (VALUES
            ('{invoiceNumberFormat}'::text[], 'string'), ('{creditNoteNumberFormat}', 'string'),
            ('{paymentTermsDays}', 'number'), ('{paymentLinkMaxDays}', 'number'),
            ('{seller,legalName}', 'string'), ('{seller,taxId}', 'string'), ('{seller,email}', 'string'),
            ('{seller,address,line1}', 'string'), ('{seller,address,line2}', 'string'),
            ('{seller,address,postalCode}', 'string'), ('{seller,address,city}', 'string'),
            ('{seller,address,region}', 'string'), ('{seller,address,country}', 'string')) AS t(path, type)
    LOOP
        UPDATE tenants SET settings = settings #- typed.path
        WHERE settings #> typed.path IS NOT NULL
          AND jsonb_typeof(settings #> typed.path) NOT IN (typed.type, 'null');
    END LOOP;
END $$;

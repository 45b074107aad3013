--liquibase formatted sql

--changeset billingnow:0.1.0-tenant-logos
-- A business's logo, set by the business itself (PUT /v1/settings/logo, the settings page). One per tenant. The image
-- is stored as the platform re-encoded it (PNG or JPEG, nothing of the upload's metadata or trailing bytes), never as
-- uploaded; it is printed on the business's pages and documents, so it is not a secret and not encrypted.
CREATE TABLE tenant_logos (
    tenant_id    uuid PRIMARY KEY REFERENCES tenants (id),
    content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
    image        bytea NOT NULL CHECK (octet_length(image) BETWEEN 1 AND 4194304),
    width        integer NOT NULL CHECK (width BETWEEN 1 AND 4096),
    height       integer NOT NULL CHECK (height BETWEEN 1 AND 4096),
    sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    updated_at   timestamptz NOT NULL
);
SELECT billingnow_protect_tenant_table('tenant_logos');

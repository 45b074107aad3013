--liquibase formatted sql

--changeset billingnow:0.1.0-tenant-context
-- The current tenant of a transaction, as set by TenantTransactions. NULL outside a tenant transaction.
CREATE FUNCTION billingnow_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('billingnow.tenant_id', true), '')::uuid $$;

--changeset billingnow:0.1.0-protect-tenant-table splitStatements:false
-- Every tenant-owned table goes through this: row-level security enabled AND forced (so even the owner is
-- filtered), one policy on the transaction's tenant for reads and writes, and grants to the application role.
CREATE FUNCTION billingnow_protect_tenant_table(tbl regclass, privileges text DEFAULT 'SELECT, INSERT, UPDATE, DELETE')
    RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (tenant_id = billingnow_current_tenant()) '
                   'WITH CHECK (tenant_id = billingnow_current_tenant())', tbl);
    EXECUTE format('GRANT %s ON %s TO billingnow_app', privileges, tbl);
END $$;

--changeset billingnow:0.1.0-tenants
-- The tenant registry is platform data, not tenant data: it has no tenant_id and no row-level policy.
CREATE TABLE tenants (
    id               uuid PRIMARY KEY,
    slug             text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    country          char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    default_currency char(3) NOT NULL CHECK (default_currency ~ '^[A-Z]{3}$'),
    status           text NOT NULL CHECK (status IN ('active', 'suspended', 'offboarded')),
    settings         jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    version          integer NOT NULL DEFAULT 1
);
GRANT SELECT, INSERT, UPDATE ON tenants TO billingnow_app;

CREATE TABLE operator_tokens (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    token_hash  bytea NOT NULL UNIQUE,
    role        text NOT NULL CHECK (role IN ('operator', 'auditor')),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz,
    revoked_at  timestamptz
);
GRANT SELECT, INSERT, UPDATE ON operator_tokens TO billingnow_app;

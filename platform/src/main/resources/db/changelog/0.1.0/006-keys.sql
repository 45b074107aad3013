--liquibase formatted sql

--changeset billingnow:0.1.0-data-keys splitStatements:false
-- Each tenant's data keys (DEKs), stored only wrapped by the master key; the wrap's associated data binds each one
-- to its tenant and version. Exactly one version per tenant is primary (encrypts); decrypt_only versions still
-- decrypt until re-encryption has moved their data to the primary; retired and destroyed rows keep their history
-- but no key material.
CREATE TABLE data_keys (
    tenant_id      uuid NOT NULL REFERENCES tenants (id),
    version        integer NOT NULL CHECK (version > 0),
    state          text NOT NULL CHECK (state IN ('primary', 'decrypt_only', 'retired', 'destroyed')),
    wrapped_key    bytea,
    master_key_id  text,
    encryptions    bigint NOT NULL DEFAULT 0 CHECK (encryptions >= 0),
    created_at     timestamptz NOT NULL,
    rotated_at     timestamptz,
    retired_at     timestamptz,
    destroyed_at   timestamptz,
    PRIMARY KEY (tenant_id, version),
    CHECK ((state IN ('primary', 'decrypt_only')) = (wrapped_key IS NOT NULL AND master_key_id IS NOT NULL))
);
CREATE UNIQUE INDEX data_keys_one_primary ON data_keys (tenant_id) WHERE state = 'primary';
SELECT billingnow_protect_tenant_table('data_keys');

--changeset billingnow:0.1.0-key-reencryption splitStatements:false
-- Progress of re-encrypting one registered column of one tenant to its primary key version. One batch and its
-- progress commit together, so a crashed job resumes after the last committed row.
CREATE TABLE key_reencryption_progress (
    tenant_id         uuid NOT NULL,
    target_version    integer NOT NULL,
    table_name        text NOT NULL,
    column_name       text NOT NULL,
    last_row_id       uuid,
    rows_reencrypted  bigint NOT NULL DEFAULT 0,
    started_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    completed_at      timestamptz,
    PRIMARY KEY (tenant_id, target_version, table_name, column_name),
    FOREIGN KEY (tenant_id, target_version) REFERENCES data_keys (tenant_id, version)
);
SELECT billingnow_protect_tenant_table('key_reencryption_progress');

--changeset billingnow:0.1.0-master-key-check
-- Platform data: one value wrapped by the master key, checked at startup so that a wrong or missing master key
-- stops the platform before it touches any tenant data.
CREATE TABLE master_key_check (
    id             smallint PRIMARY KEY CHECK (id = 1),
    master_key_id  text NOT NULL,
    check_value    bytea NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
GRANT SELECT, INSERT, UPDATE ON master_key_check TO billingnow_app;

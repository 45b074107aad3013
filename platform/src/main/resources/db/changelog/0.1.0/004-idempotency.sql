--liquibase formatted sql

--changeset billingnow:0.1.0-idempotency-keys
CREATE TABLE idempotency_keys (
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    idempotency_key  text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    credential_id    text NOT NULL,
    request_method   text NOT NULL,
    request_path     text NOT NULL,
    request_hash     bytea NOT NULL,
    response_status  integer,
    response_headers jsonb,
    response_body    bytea,
    created_at       timestamptz NOT NULL,
    completed_at     timestamptz,
    PRIMARY KEY (tenant_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
SELECT billingnow_protect_tenant_table('idempotency_keys');

--liquibase formatted sql

--changeset billingnow:0.1.0-audit-log splitStatements:false
-- Append-only, per-tenant, hash-chained. The application may only insert and read; a trigger refuses
-- updates and deletes from anyone, so an edit needs a superuser disabling triggers (and then breaks the chain).
CREATE TABLE audit_log (
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    seq          bigint NOT NULL,
    id           uuid NOT NULL,
    occurred_at  timestamptz NOT NULL,
    actor_type   text NOT NULL,
    actor_id     text NOT NULL,
    entity_type  text NOT NULL,
    entity_id    text NOT NULL,
    action       text NOT NULL,
    before_state text,
    after_state  text,
    request_id   text,
    prev_hash    bytea NOT NULL,
    hash         bytea NOT NULL,
    PRIMARY KEY (tenant_id, seq),
    UNIQUE (tenant_id, id)
);
CREATE INDEX audit_log_entity ON audit_log (tenant_id, entity_type, entity_id, seq);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

SELECT billingnow_protect_tenant_table('audit_log', 'SELECT, INSERT');

CREATE TABLE audit_chain_heads (
    tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
    seq       bigint NOT NULL,
    hash      bytea NOT NULL
);
SELECT billingnow_protect_tenant_table('audit_chain_heads', 'SELECT, INSERT, UPDATE');

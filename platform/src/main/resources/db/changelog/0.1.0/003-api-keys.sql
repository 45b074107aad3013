--liquibase formatted sql

--changeset billingnow:0.1.0-api-keys splitStatements:false
CREATE TABLE api_keys (
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    id           uuid NOT NULL,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    prefix       text NOT NULL,
    secret_hash  bytea NOT NULL UNIQUE,
    role         text NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    PRIMARY KEY (tenant_id, id)
);
SELECT billingnow_protect_tenant_table('api_keys');

-- Authentication must find a key before it knows the tenant. This one narrow function, owned by a role whose
-- only power is to read api_keys, answers "which tenant owns the key with this hash" and nothing else.
GRANT CREATE ON SCHEMA public TO billingnow_resolver;
GRANT SELECT ON api_keys TO billingnow_resolver;
CREATE POLICY resolve_by_hash ON api_keys FOR SELECT TO billingnow_resolver USING (true);
CREATE FUNCTION billingnow_resolve_api_key(p_hash bytea)
    RETURNS TABLE (tenant_id uuid, key_id uuid, role text, expires_at timestamptz, revoked_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT k.tenant_id, k.id, k.role, k.expires_at, k.revoked_at FROM api_keys k WHERE k.secret_hash = p_hash $$;
ALTER FUNCTION billingnow_resolve_api_key(bytea) OWNER TO billingnow_resolver;
REVOKE ALL ON FUNCTION billingnow_resolve_api_key(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION billingnow_resolve_api_key(bytea) TO billingnow_app;

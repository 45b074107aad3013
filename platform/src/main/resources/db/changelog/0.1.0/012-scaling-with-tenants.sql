--liquibase formatted sql

--changeset billingnow:0.1.0-resolvers-one-row splitStatements:false
-- A set-returning function is estimated at 1,000 rows unless told otherwise. Joined to tenants, that made PostgreSQL
-- hash the whole tenants table for every API request, webhook and pay page: 0.14 ms at 100 tenants, 5 to 7 ms at
-- 10,000 (load benchmark). Each resolver returns at most one row (its lookup key is unique).
ALTER FUNCTION billingnow_resolve_api_key(bytea) ROWS 1;
ALTER FUNCTION billingnow_resolve_webhook_account(text) ROWS 1;
ALTER FUNCTION billingnow_resolve_payment_link(bytea) ROWS 1;

--changeset billingnow:0.1.0-tenants-reencrypting splitStatements:false
-- The re-encryption job looked at every tenant's keys every minute, one transaction per tenant (row-level security
-- hides data_keys from a transaction without a tenant): 10,000 transactions a minute at 10,000 tenants, nearly all
-- for nothing. This resolver names the tenants that have work, i.e. a key version waiting to be re-encrypted away
-- from. It may read two columns of the rows in that state and nothing else: no key material.
GRANT SELECT (tenant_id, state) ON data_keys TO billingnow_resolver;
CREATE POLICY resolve_reencrypting ON data_keys FOR SELECT TO billingnow_resolver USING (state = 'decrypt_only');
CREATE FUNCTION billingnow_tenants_reencrypting()
    RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT DISTINCT k.tenant_id FROM data_keys k WHERE k.state = 'decrypt_only' ORDER BY 1 $$;
ALTER FUNCTION billingnow_tenants_reencrypting() OWNER TO billingnow_resolver;
REVOKE ALL ON FUNCTION billingnow_tenants_reencrypting() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION billingnow_tenants_reencrypting() TO billingnow_app;

--changeset billingnow:0.1.0-tenants-with-expired-idempotency-keys splitStatements:false
-- The hourly clean-up of idempotency keys likewise opened one transaction per tenant. This resolver names the tenants
-- with a key created before the given instant; it may read the owning tenant and creation time, nothing else.
GRANT SELECT (tenant_id, created_at) ON idempotency_keys TO billingnow_resolver;
CREATE POLICY resolve_expired ON idempotency_keys FOR SELECT TO billingnow_resolver USING (true);
CREATE FUNCTION billingnow_tenants_with_idempotency_keys_before(p_before timestamptz)
    RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT DISTINCT k.tenant_id FROM idempotency_keys k WHERE k.created_at < p_before ORDER BY 1 $$;
ALTER FUNCTION billingnow_tenants_with_idempotency_keys_before(timestamptz) OWNER TO billingnow_resolver;
REVOKE ALL ON FUNCTION billingnow_tenants_with_idempotency_keys_before(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION billingnow_tenants_with_idempotency_keys_before(timestamptz) TO billingnow_app;

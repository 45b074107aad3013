--liquibase formatted sql

--changeset billingnow:0.1.0-resolvers-plpgsql splitStatements:false
-- The three resolvers run on every API request, webhook and pay page. As SQL-language SECURITY DEFINER functions
-- they cannot be inlined, and PostgreSQL plans their body again on every call (about 0.27 ms each in the load
-- benchmark, seven times the statements around them). PL/pgSQL keeps the plan for the session, i.e. for the pooled
-- connection. Same signatures, results, owner, grants and search_path; CREATE OR REPLACE keeps the privileges.
CREATE OR REPLACE FUNCTION billingnow_resolve_api_key(p_hash bytea)
    RETURNS TABLE (tenant_id uuid, key_id uuid, role text, expires_at timestamptz, revoked_at timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
    AS $$
BEGIN
    RETURN QUERY SELECT k.tenant_id, k.id, k.role, k.expires_at, k.revoked_at FROM api_keys k
                 WHERE k.secret_hash = p_hash;
END
$$;

CREATE OR REPLACE FUNCTION billingnow_resolve_webhook_account(p_public_id text)
    RETURNS TABLE (tenant_id uuid, account_id uuid)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
    AS $$
BEGIN
    RETURN QUERY SELECT a.tenant_id, a.id FROM provider_accounts a
                 WHERE a.public_id = p_public_id AND a.deleted_at IS NULL;
END
$$;

CREATE OR REPLACE FUNCTION billingnow_resolve_payment_link(p_hash bytea)
    RETURNS TABLE (tenant_id uuid, link_id uuid)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
    AS $$
BEGIN
    RETURN QUERY SELECT l.tenant_id, l.id FROM payment_links l WHERE l.token_hash = p_hash;
END
$$;

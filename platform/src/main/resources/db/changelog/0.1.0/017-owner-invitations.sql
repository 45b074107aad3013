--liquibase formatted sql

--changeset billingnow:0.1.0-invitations-by-email splitStatements:false
-- An operator invites a new tenant's first owner by email address; the invitee signs in and finds the invitation by
-- the address their identity provider verified, before they belong to any tenant, so before a tenant is chosen.
-- Like the membership resolver, this narrow function reads invitations across tenants and returns only the open ones
-- addressed to the given email (stored lower-case). It may read the columns it needs and nothing else.
GRANT SELECT (tenant_id, id, email, role, created_at, expires_at, accepted_at, revoked_at) ON invitations
    TO billingnow_resolver;
CREATE POLICY resolve_open_invitations ON invitations FOR SELECT TO billingnow_resolver
    USING (accepted_at IS NULL AND revoked_at IS NULL);
CREATE INDEX invitations_open_by_email ON invitations (email) WHERE accepted_at IS NULL AND revoked_at IS NULL;
CREATE FUNCTION billingnow_open_invitations_for_email(p_email text, p_now timestamptz)
    RETURNS TABLE (tenant_id uuid, id uuid, role text, expires_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT i.tenant_id, i.id, i.role, i.expires_at FROM invitations i
          WHERE i.email = lower(p_email) AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > p_now
          ORDER BY i.created_at, i.id $$;
ALTER FUNCTION billingnow_open_invitations_for_email(text, timestamptz) OWNER TO billingnow_resolver;
REVOKE ALL ON FUNCTION billingnow_open_invitations_for_email(text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION billingnow_open_invitations_for_email(text, timestamptz) TO billingnow_app;

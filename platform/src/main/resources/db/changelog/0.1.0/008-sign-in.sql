--liquibase formatted sql

--changeset billingnow:0.1.0-users
-- People who sign in. Platform data: a person may belong to many tenants. A person is identified by the
-- (issuer, subject) pairs of their identity providers, never by an email address alone.
CREATE TABLE users (
    id              uuid PRIMARY KEY,
    email           text CHECK (email IS NULL OR length(email) <= 320),
    email_verified  boolean NOT NULL DEFAULT false,
    display_name    text CHECK (display_name IS NULL OR length(display_name) <= 200),
    created_at      timestamptz NOT NULL,
    last_sign_in_at timestamptz
);
GRANT SELECT, INSERT, UPDATE ON users TO billingnow_app;

CREATE TABLE user_identities (
    issuer     text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
    subject    text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    user_id    uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX user_identities_user ON user_identities (user_id);
GRANT SELECT, INSERT ON user_identities TO billingnow_app;

--changeset billingnow:0.1.0-sessions
-- Server-side sessions, keyed by the SHA-256 of the session id: a leaked table does not yield usable cookies.
CREATE TABLE sessions (
    id_hash             bytea PRIMARY KEY,
    public_id           uuid NOT NULL UNIQUE,
    user_id             uuid NOT NULL REFERENCES users (id),
    kind                text NOT NULL CHECK (kind IN ('user', 'operator', 'auditor')),
    csrf_token_hash     bytea NOT NULL,
    created_at          timestamptz NOT NULL,
    last_seen_at        timestamptz NOT NULL,
    absolute_expires_at timestamptz NOT NULL,
    revoked_at          timestamptz,
    user_agent          text
);
CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL;
CREATE INDEX sessions_expiry ON sessions (absolute_expires_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO billingnow_app;

-- A sign-in in progress: bound to the browser by a cookie, consumed exactly once by the callback.
CREATE TABLE pending_sign_ins (
    id_hash       bytea PRIMARY KEY,
    provider      text NOT NULL,
    purpose       text NOT NULL CHECK (purpose IN ('user', 'operator')),
    state         text NOT NULL,
    nonce         text NOT NULL,
    code_verifier text,
    return_to     text NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);
GRANT SELECT, INSERT, DELETE ON pending_sign_ins TO billingnow_app;

--changeset billingnow:0.1.0-memberships splitStatements:false
-- Who belongs to which tenant, with which role. Tenant data like any other: reached inside the tenant's transaction.
CREATE TABLE memberships (
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    user_id    uuid NOT NULL REFERENCES users (id),
    role       text NOT NULL CHECK (role IN ('owner', 'admin', 'accountant', 'developer', 'viewer')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
SELECT billingnow_protect_tenant_table('memberships');

CREATE TABLE invitations (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    id          uuid NOT NULL,
    email       text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    role        text NOT NULL CHECK (role IN ('owner', 'admin', 'accountant', 'developer', 'viewer')),
    invited_by  text NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    accepted_by uuid REFERENCES users (id),
    revoked_at  timestamptz,
    PRIMARY KEY (tenant_id, id)
);
SELECT billingnow_protect_tenant_table('invitations');

-- "Which tenants does this person belong to" must be answered before a tenant is chosen. Like the API-key resolver,
-- this narrow function sees memberships across tenants and returns only the signed-in person's own rows.
GRANT SELECT ON memberships TO billingnow_resolver;
CREATE POLICY resolve_own_memberships ON memberships FOR SELECT TO billingnow_resolver USING (true);
CREATE FUNCTION billingnow_user_memberships(p_user uuid)
    RETURNS TABLE (tenant_id uuid, role text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT m.tenant_id, m.role FROM memberships m WHERE m.user_id = p_user $$;
ALTER FUNCTION billingnow_user_memberships(uuid) OWNER TO billingnow_resolver;
REVOKE ALL ON FUNCTION billingnow_user_memberships(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION billingnow_user_memberships(uuid) TO billingnow_app;

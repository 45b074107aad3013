--liquibase formatted sql

--changeset billingnow:0.1.0-provider-accounts splitStatements:false
-- A tenant's account at a payment provider. Credentials are one sealed blob (see provideraccounts.CredentialSealer);
-- credential_hints holds what may be shown again (non-secret values, the last four characters of secret ones).
-- public_id is the unguessable part of the account's webhook URL.
CREATE TABLE provider_accounts (
    tenant_id         uuid NOT NULL REFERENCES tenants (id),
    id                uuid NOT NULL,
    public_id         text NOT NULL UNIQUE CHECK (public_id ~ '^whk_[A-Za-z0-9_-]{43}$'),
    provider_id       text NOT NULL,
    display_name      text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    credentials       bytea NOT NULL,
    credential_hints  jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at        timestamptz NOT NULL,
    deleted_at        timestamptz,
    PRIMARY KEY (tenant_id, id)
);
SELECT billingnow_protect_tenant_table('provider_accounts', 'SELECT, INSERT, UPDATE');

-- Webhook signing secrets of an account. During a rotation several are valid; an old one stops being offered to the
-- plugin at retire_at.
CREATE TABLE provider_webhook_secrets (
    tenant_id    uuid NOT NULL,
    id           uuid NOT NULL,
    account_id   uuid NOT NULL,
    secret       bytea NOT NULL,
    hint         text NOT NULL,
    created_at   timestamptz NOT NULL,
    retire_at    timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES provider_accounts (tenant_id, id)
);
CREATE INDEX provider_webhook_secrets_by_account ON provider_webhook_secrets (tenant_id, account_id, created_at);
SELECT billingnow_protect_tenant_table('provider_webhook_secrets', 'SELECT, INSERT, UPDATE');

-- Webhook routing happens before the tenant is known: the resolver answers "which tenant and account own this
-- public id" and nothing else (the pattern of billingnow_resolve_api_key).
GRANT SELECT ON provider_accounts TO billingnow_resolver;
CREATE POLICY resolve_by_public_id ON provider_accounts FOR SELECT TO billingnow_resolver USING (true);
CREATE FUNCTION billingnow_resolve_webhook_account(p_public_id text)
    RETURNS TABLE (tenant_id uuid, account_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT a.tenant_id, a.id FROM provider_accounts a WHERE a.public_id = p_public_id AND a.deleted_at IS NULL $$;
ALTER FUNCTION billingnow_resolve_webhook_account(text) OWNER TO billingnow_resolver;
REVOKE ALL ON FUNCTION billingnow_resolve_webhook_account(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION billingnow_resolve_webhook_account(text) TO billingnow_app;

--changeset billingnow:0.1.0-webhook-events splitStatements:false
-- Every provider event accepted once per account: the primary key is the de-duplication.
CREATE TABLE webhook_events (
    tenant_id          uuid NOT NULL,
    account_id         uuid NOT NULL,
    provider_event_id  text NOT NULL CHECK (length(provider_event_id) BETWEEN 1 AND 255),
    event_type         text NOT NULL,
    provider_type      text NOT NULL,
    invoice_id         uuid,
    amount             bigint,
    currency           char(3),
    outcome            text NOT NULL CHECK (outcome IN ('payment_recorded', 'recorded', 'review')),
    payment_id         uuid,
    occurred_at        timestamptz NOT NULL,
    received_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, account_id, provider_event_id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES provider_accounts (tenant_id, id)
);
SELECT billingnow_protect_tenant_table('webhook_events', 'SELECT, INSERT, UPDATE');

-- Authentic events the platform would not apply on its own: unknown invoice, currency mismatch, missing amount,
-- invoice not open to payment. Kept for a person to resolve; never marks an invoice paid.
CREATE TABLE webhook_reviews (
    tenant_id          uuid NOT NULL,
    id                 uuid NOT NULL,
    account_id         uuid NOT NULL,
    provider_event_id  text NOT NULL,
    reason             text NOT NULL,
    invoice_reference  text,
    payment_reference  text,
    amount             bigint,
    currency           char(3),
    created_at         timestamptz NOT NULL,
    resolved_at        timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, account_id, provider_event_id)
        REFERENCES webhook_events (tenant_id, account_id, provider_event_id)
);
SELECT billingnow_protect_tenant_table('webhook_reviews', 'SELECT, INSERT, UPDATE');

--changeset billingnow:0.1.0-payment-links splitStatements:false
-- Our own payment links: only the SHA-256 of the token is stored. The provider checkout issued for a link is kept so
-- that opening the link again reuses it while it is valid for the amount still due.
CREATE TABLE payment_links (
    tenant_id             uuid NOT NULL,
    id                    uuid NOT NULL,
    invoice_id            uuid NOT NULL,
    account_id            uuid NOT NULL,
    token_hash            bytea NOT NULL UNIQUE,
    expires_at            timestamptz NOT NULL,
    revoked_at            timestamptz,
    created_at            timestamptz NOT NULL,
    checkout_url          text,
    checkout_reference    text,
    checkout_amount       bigint,
    checkout_expires_at   timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES provider_accounts (tenant_id, id)
);
CREATE INDEX payment_links_by_invoice ON payment_links (tenant_id, invoice_id);
SELECT billingnow_protect_tenant_table('payment_links', 'SELECT, INSERT, UPDATE');

GRANT SELECT ON payment_links TO billingnow_resolver;
CREATE POLICY resolve_by_token_hash ON payment_links FOR SELECT TO billingnow_resolver USING (true);
CREATE FUNCTION billingnow_resolve_payment_link(p_hash bytea)
    RETURNS TABLE (tenant_id uuid, link_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT l.tenant_id, l.id FROM payment_links l WHERE l.token_hash = p_hash $$;
ALTER FUNCTION billingnow_resolve_payment_link(bytea) OWNER TO billingnow_resolver;
REVOKE ALL ON FUNCTION billingnow_resolve_payment_link(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION billingnow_resolve_payment_link(bytea) TO billingnow_app;

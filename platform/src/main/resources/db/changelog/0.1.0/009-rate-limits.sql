--liquibase formatted sql

--changeset billingnow:0.1.0-rate-limits
-- Token buckets of the PostgreSQL rate-limit backend (Bucket4j's select-for-update proxy manager), shared by every
-- node. Platform data: keys name a route class and a client address, credential fingerprint or tenant, never a
-- secret. expires_at (epoch milliseconds) lets a cleanup delete buckets that have refilled completely.
CREATE TABLE rate_limit_buckets (
    id         text PRIMARY KEY CHECK (length(id) <= 200),
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_buckets_expiry ON rate_limit_buckets (expires_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_buckets TO billingnow_app;

--changeset billingnow:0.1.0-security-events
-- Security events that belong to no tenant (failed sign-ins, unknown credentials, rate-limit hits before the caller
-- is known). Tenant events go to the tenant's audit log instead. Append-only for the application.
CREATE TABLE security_events (
    id          uuid PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    kind        text NOT NULL CHECK (length(kind) <= 64),
    route_class text CHECK (length(route_class) <= 32),
    address     text CHECK (length(address) <= 64),
    subject     text CHECK (length(subject) <= 200),
    detail      text CHECK (length(detail) <= 500),
    request_id  text CHECK (length(request_id) <= 64)
);
CREATE INDEX security_events_time ON security_events (occurred_at);
GRANT SELECT, INSERT ON security_events TO billingnow_app;

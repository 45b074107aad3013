--liquibase formatted sql

--changeset billingnow:0.1.0-security-lockouts
-- Lockouts and alert windows shared by every node (docs/security.md, "Lockouts"), and one list of every security
-- event for the admin console. Platform data, not tenant-scoped: targets and window keys name a route class and a
-- client address or a fingerprint, never a secret. The application may change lockouts and windows (they expire and
-- operators lift lockouts) but only append security events.
CREATE TABLE security_lockouts (
    route_class text NOT NULL CHECK (length(route_class) <= 32),
    target      text NOT NULL CHECK (length(target) <= 200),
    reason      text NOT NULL CHECK (length(reason) <= 200),
    since       timestamptz NOT NULL,
    until       timestamptz NOT NULL,
    PRIMARY KEY (route_class, target)
);
CREATE INDEX security_lockouts_until ON security_lockouts (until);
GRANT SELECT, INSERT, UPDATE, DELETE ON security_lockouts TO billingnow_app;

-- One row per alert-rule key: the times of its most recent events, at most the rule's threshold of them.
CREATE TABLE security_alert_windows (
    key        text PRIMARY KEY CHECK (length(key) <= 300),
    hits       timestamptz[] NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX security_alert_windows_expiry ON security_alert_windows (expires_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON security_alert_windows TO billingnow_app;

-- Every security event is listed here (tenant events also stay in their tenant's audit chain).
ALTER TABLE security_events ADD COLUMN tenant_id uuid;
DROP INDEX security_events_time;
CREATE INDEX security_events_time ON security_events (occurred_at, id);
CREATE INDEX security_events_tenant ON security_events (tenant_id, occurred_at, id) WHERE tenant_id IS NOT NULL;

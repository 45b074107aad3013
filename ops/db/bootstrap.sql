-- Run once as a PostgreSQL superuser before the first `billingnow db migrate`.
-- Creates the three roles the platform expects and its database (see CONTRIBUTING.md, "Database roles").
-- Replace the passwords, or use your own authentication (certificates, IAM) and drop the PASSWORD clauses.
CREATE ROLE billingnow_owner LOGIN PASSWORD 'change-me-owner' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
CREATE ROLE billingnow_app LOGIN PASSWORD 'change-me-app' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
CREATE ROLE billingnow_resolver NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
GRANT billingnow_resolver TO billingnow_owner;
CREATE DATABASE billingnow OWNER billingnow_owner;

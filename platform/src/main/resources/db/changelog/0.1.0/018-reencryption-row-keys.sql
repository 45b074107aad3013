--liquibase formatted sql

--changeset billingnow:0.1.0-reencryption-row-keys
-- Re-encryption now also covers idempotency_keys.response_body, whose rows are named by the client's idempotency key
-- (text), not a uuid: the job's cursor holds any row key as text. Existing uuid cursors keep their value.
ALTER TABLE key_reencryption_progress ALTER COLUMN last_row_id TYPE text USING last_row_id::text;

--liquibase formatted sql

--changeset billingnow:0.1.0-provider-payment-once
-- A provider announces one payment in several events (Stripe: checkout.session.completed and
-- payment_intent.succeeded, both naming the PaymentIntent). Each event id is claimed once in webhook_events, but that
-- does not stop two different events recording the same money twice. The database itself therefore refuses a second
-- payment row with the same provider reference for the same provider account, whatever code inserts it; the webhook
-- path inserts with ON CONFLICT ON CONSTRAINT payments_provider_reference_once DO NOTHING, so a concurrent second
-- delivery waits for the first and then records nothing. Payments entered by a person have no provider account
-- (NULL), which the constraint does not compare.
ALTER TABLE payments ADD COLUMN provider_account_id uuid;
ALTER TABLE payments ADD CONSTRAINT payments_provider_account_fk
    FOREIGN KEY (tenant_id, provider_account_id) REFERENCES provider_accounts (tenant_id, id);
ALTER TABLE payments ADD CONSTRAINT payments_provider_reference_present
    CHECK (provider_account_id IS NULL
           OR (provider_reference IS NOT NULL AND length(provider_reference) BETWEEN 1 AND 255));
ALTER TABLE payments ADD CONSTRAINT payments_provider_reference_once
    UNIQUE (tenant_id, provider_account_id, provider_reference);

-- The later events about an already recorded payment are kept as such (and point at that payment).
ALTER TABLE webhook_events DROP CONSTRAINT webhook_events_outcome_check;
ALTER TABLE webhook_events ADD CONSTRAINT webhook_events_outcome_check
    CHECK (outcome IN ('payment_recorded', 'duplicate_payment', 'recorded', 'review'));

-- Revoking a link asks the provider to close its checkout too; when that worked is kept, so a repeated revoke
-- retries only what is still open.
ALTER TABLE payment_links ADD COLUMN checkout_closed_at timestamptz;

--liquibase formatted sql

--changeset billingnow:0.1.0-customers
-- Every tenant table: tenant_id leads the primary key and every foreign key, so the schema can be distributed by
-- tenant later (Citus-style) and no foreign key can ever point into another tenant.
CREATE TABLE customers (
    tenant_id           uuid NOT NULL REFERENCES tenants (id),
    id                  uuid NOT NULL,
    name                text NOT NULL,
    email               text,
    address             jsonb,
    country             char(2),
    tax_id              text,
    preferred_currency  char(3),
    metadata            jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             integer NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX customers_by_created ON customers (tenant_id, created_at, id);
SELECT billingnow_protect_tenant_table('customers');

--changeset billingnow:0.1.0-invoices
CREATE TABLE invoices (
    tenant_id          uuid NOT NULL REFERENCES tenants (id),
    id                 uuid NOT NULL,
    customer_id        uuid NOT NULL,
    status             text NOT NULL CHECK (status IN ('draft', 'open', 'paid', 'void', 'uncollectible')),
    currency           char(3) NOT NULL,
    tax_behavior       text NOT NULL CHECK (tax_behavior IN ('exclusive', 'inclusive')),
    number             text,
    issue_date         date,
    due_date           date,
    memo               text,
    discount           jsonb,
    subtotal           bigint NOT NULL DEFAULT 0,
    discount_total     bigint NOT NULL DEFAULT 0,
    net_total          bigint NOT NULL DEFAULT 0,
    tax_total          bigint NOT NULL DEFAULT 0,
    total              bigint NOT NULL DEFAULT 0,
    amount_paid        bigint NOT NULL DEFAULT 0,
    amount_credited    bigint NOT NULL DEFAULT 0,
    amount_due         bigint NOT NULL DEFAULT 0,
    tax_breakdown      jsonb NOT NULL DEFAULT '[]'::jsonb,
    seller_snapshot    jsonb,
    customer_snapshot  jsonb,
    metadata           jsonb NOT NULL DEFAULT '{}'::jsonb,
    finalized_at       timestamptz,
    paid_at            timestamptz,
    voided_at          timestamptz,
    marked_uncollectible_at timestamptz,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    version            integer NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
    UNIQUE (tenant_id, number),
    CHECK ((status = 'draft') = (number IS NULL)),
    CHECK (amount_due >= 0 AND amount_paid >= 0 AND amount_credited >= 0)
);
CREATE INDEX invoices_by_created ON invoices (tenant_id, created_at, id);
CREATE INDEX invoices_by_customer ON invoices (tenant_id, customer_id, created_at, id);
CREATE INDEX invoices_by_status ON invoices (tenant_id, status, created_at, id);
SELECT billingnow_protect_tenant_table('invoices');

CREATE TABLE invoice_lines (
    tenant_id     uuid NOT NULL,
    invoice_id    uuid NOT NULL,
    position      integer NOT NULL,
    description   text NOT NULL,
    quantity      numeric(24, 6) NOT NULL,
    unit_amount   bigint NOT NULL,
    tax_rates     jsonb NOT NULL DEFAULT '[]'::jsonb,
    discount      jsonb,
    amount        bigint NOT NULL,
    discount_amount bigint NOT NULL,
    net_amount    bigint NOT NULL,
    PRIMARY KEY (tenant_id, invoice_id, position),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE
);
SELECT billingnow_protect_tenant_table('invoice_lines');

--changeset billingnow:0.1.0-numbering
-- One row per (tenant, series, period). Incrementing it takes a row lock held until commit, so numbers are assigned
-- in commit order, a rolled-back finalization gives its number back, and two app nodes can never hand out the same.
CREATE TABLE document_counters (
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    series     text NOT NULL CHECK (series IN ('invoice', 'credit_note')),
    period     integer NOT NULL,
    last_value bigint NOT NULL,
    PRIMARY KEY (tenant_id, series, period)
);
SELECT billingnow_protect_tenant_table('document_counters', 'SELECT, INSERT, UPDATE');

--changeset billingnow:0.1.0-payments
CREATE TABLE payments (
    tenant_id     uuid NOT NULL,
    id            uuid NOT NULL,
    invoice_id    uuid NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('payment', 'refund')),
    method        text NOT NULL,
    amount        bigint NOT NULL CHECK (amount > 0),
    currency      char(3) NOT NULL,
    applied_amount bigint NOT NULL CHECK (applied_amount >= 0),
    excess_amount bigint NOT NULL CHECK (excess_amount >= 0),
    reference     text,
    provider      text,
    provider_reference text,
    received_at   timestamptz NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id)
);
CREATE INDEX payments_by_invoice ON payments (tenant_id, invoice_id, created_at);
SELECT billingnow_protect_tenant_table('payments', 'SELECT, INSERT');

-- The customer's credit balance is the sum of this ledger: over-payments add, credit notes may add, use subtracts.
CREATE TABLE customer_credit_entries (
    tenant_id    uuid NOT NULL,
    id           uuid NOT NULL,
    customer_id  uuid NOT NULL,
    currency     char(3) NOT NULL,
    amount       bigint NOT NULL,
    reason       text NOT NULL,
    invoice_id   uuid,
    source_id    uuid,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX customer_credit_by_customer ON customer_credit_entries (tenant_id, customer_id, currency);
SELECT billingnow_protect_tenant_table('customer_credit_entries', 'SELECT, INSERT');

--changeset billingnow:0.1.0-credit-notes
CREATE TABLE credit_notes (
    tenant_id     uuid NOT NULL,
    id            uuid NOT NULL,
    invoice_id    uuid NOT NULL,
    number        text NOT NULL,
    currency      char(3) NOT NULL,
    reason        text,
    settlement    text NOT NULL CHECK (settlement IN ('reduce_amount_due', 'refund', 'customer_credit')),
    net_total     bigint NOT NULL,
    tax_total     bigint NOT NULL,
    total         bigint NOT NULL CHECK (total > 0),
    applied_to_due bigint NOT NULL,
    refunded      bigint NOT NULL,
    credited      bigint NOT NULL,
    lines         jsonb NOT NULL,
    tax_breakdown jsonb NOT NULL,
    issued_at     timestamptz NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id),
    UNIQUE (tenant_id, number)
);
CREATE INDEX credit_notes_by_invoice ON credit_notes (tenant_id, invoice_id);
SELECT billingnow_protect_tenant_table('credit_notes', 'SELECT, INSERT');

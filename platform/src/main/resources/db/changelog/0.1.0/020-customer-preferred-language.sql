--liquibase formatted sql

--changeset billingnow:0.1.0-customer-preferred-language
-- The language a customer reads: what documents and emails to the customer will be written in (issue #14). Which
-- languages exist is the application's list (tenancy.Languages); the database keeps the shape only.
ALTER TABLE customers ADD COLUMN preferred_language text
    CONSTRAINT customers_preferred_language_shape CHECK (preferred_language ~ '^[a-z]{2}$');

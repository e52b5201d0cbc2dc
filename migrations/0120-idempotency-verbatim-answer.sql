--liquibase formatted sql
--changeset gemba:0120-idempotency-verbatim-answer
-- A replayed answer must be the first answer byte for byte; jsonb re-orders object keys.
ALTER TABLE idempotency_keys ALTER COLUMN response_body TYPE text USING response_body::text;

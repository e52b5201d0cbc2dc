--liquibase formatted sql
--changeset gemba:0105-idempotency-keys
-- The first answer to a POST with an Idempotency-Key, replayed for 24 hours. A concurrent duplicate
-- blocks on the primary key until the first transaction commits, then reads its answer.
CREATE TABLE idempotency_keys (
    org_id          uuid NOT NULL,
    user_id         uuid NOT NULL,
    key             text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_hash    text NOT NULL,
    response_status integer,
    response_body   jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

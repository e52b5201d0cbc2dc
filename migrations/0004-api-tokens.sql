--liquibase formatted sql
--changeset gemba:0004-api-tokens
CREATE TABLE api_tokens (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id       uuid NOT NULL,
    user_id      uuid NOT NULL,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash   text NOT NULL,   -- SHA-256 of the token; the token itself is shown once and never stored
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz,
    CONSTRAINT api_tokens_user_fkey FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id),
    CONSTRAINT api_tokens_hash_key UNIQUE (token_hash)
);
CREATE INDEX api_tokens_user_idx ON api_tokens (org_id, user_id);

--liquibase formatted sql
--changeset gemba:0200-calendar-feeds
-- One private calendar feed per leader. The feed token is never stored: it is derived as
-- HMAC(server key, org, user, generation), so GET /me/calendar can show the URL again, and only its
-- SHA-256 is kept here for lookup. Rotating increments the generation, so the old token's hash no
-- longer matches any row and its URL answers 404.
CREATE TABLE calendar_feeds (
    org_id      uuid NOT NULL,
    user_id     uuid NOT NULL,
    generation  integer NOT NULL DEFAULT 1 CHECK (generation >= 1),
    token_hash  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    rotated_at  timestamptz,
    PRIMARY KEY (org_id, user_id),
    CONSTRAINT calendar_feeds_user_fkey FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id),
    CONSTRAINT calendar_feeds_token_hash_key UNIQUE (token_hash)
);

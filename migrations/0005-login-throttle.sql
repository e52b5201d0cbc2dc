--liquibase formatted sql
--changeset gemba:0005-login-throttle
-- Failed logins per e-mail (known or not, so the throttle reveals nothing about accounts).
CREATE TABLE login_throttle (
    email_key         text PRIMARY KEY,
    failures          integer NOT NULL,
    window_started_at timestamptz NOT NULL,
    locked_until      timestamptz
);

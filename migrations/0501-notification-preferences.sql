--liquibase formatted sql
--changeset gemba:0501-notification-preferences
-- Only opt-outs are stored: no row means e-mail on. Essential types are refused by the service.
CREATE TABLE notification_preferences (
    org_id     uuid NOT NULL,
    user_id    uuid NOT NULL,
    type       text NOT NULL,
    email      boolean NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, type),
    CONSTRAINT notification_preferences_user_fkey FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id)
);

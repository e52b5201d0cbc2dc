--liquibase formatted sql
--changeset gemba:0007-notifications
CREATE TABLE notifications (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id      uuid NOT NULL,
    user_id     uuid NOT NULL,
    type        text NOT NULL,
    subject     text NOT NULL,
    body        text NOT NULL,
    entity_type text,
    entity_id   uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz,
    CONSTRAINT notifications_user_fkey FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id)
);
CREATE INDEX notifications_user_idx ON notifications (org_id, user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (org_id, user_id, created_at DESC, id DESC) WHERE read_at IS NULL;

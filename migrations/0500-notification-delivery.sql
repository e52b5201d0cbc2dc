--liquibase formatted sql
--changeset gemba:0500-notification-delivery
-- E-mail delivery state lives on the notification itself, with defaults, so every feature that
-- records a notification queues its e-mail without knowing about delivery.
-- A worker claims a row by setting a lease: delivery_status = 'SENDING' and
-- next_attempt_at = claimed_until = now + lease, committed before it talks to SMTP. If the worker
-- dies, the lease runs out and the row is due again (at least once, never lost).
-- Notifications recorded before e-mail existed are not mailed now (they may be months old): they
-- get SKIPPED through the ADD COLUMN default, and only rows inserted from here on start PENDING.
ALTER TABLE notifications
    ADD COLUMN delivery_status text NOT NULL DEFAULT 'SKIPPED'
        CHECK (delivery_status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')),
    ADD COLUMN attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN claimed_until   timestamptz,
    ADD COLUMN last_error      text,
    ADD COLUMN sent_at         timestamptz;
ALTER TABLE notifications ALTER COLUMN delivery_status SET DEFAULT 'PENDING';
-- the claim query: due rows that are waiting or whose lease ran out, oldest first
CREATE INDEX notifications_delivery_due_idx ON notifications (next_attempt_at)
    WHERE delivery_status IN ('PENDING', 'SENDING');

--liquibase formatted sql
--changeset gemba:0502-scheduled-notices
-- One row per notice the scheduler has created. The primary key makes each notice happen once:
-- the scheduler inserts here with ON CONFLICT DO NOTHING in the same transaction as the
-- notification, so two app servers running the same rule at once create it once.
CREATE TABLE scheduled_notices (
    kind            text NOT NULL,   -- e.g. SHIFT_REMINDER, HOST_DAILY_LIST
    entity_id       uuid NOT NULL,   -- what it is about: a booking, a host, an observation...
    period          text NOT NULL,   -- which occurrence: a shift start, a day, a month
    org_id          uuid NOT NULL REFERENCES organisations (id),
    notification_id uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, entity_id, period)
);

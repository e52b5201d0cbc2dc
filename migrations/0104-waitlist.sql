--liquibase formatted sql
--changeset gemba:0104-waitlist
CREATE TABLE waitlist_entries (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id      uuid NOT NULL,
    shift_id    uuid NOT NULL,
    leader_id   uuid NOT NULL,
    status      text NOT NULL DEFAULT 'WAITING' CHECK (status IN ('WAITING', 'PROMOTED', 'LEFT', 'SKIPPED')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    note        text,   -- why a waiting leader was skipped
    CONSTRAINT waitlist_shift_fkey FOREIGN KEY (org_id, shift_id) REFERENCES shifts (org_id, id),
    CONSTRAINT waitlist_leader_fkey FOREIGN KEY (org_id, leader_id) REFERENCES users (org_id, id)
);
CREATE UNIQUE INDEX waitlist_one_waiting ON waitlist_entries (shift_id, leader_id) WHERE status = 'WAITING';
CREATE INDEX waitlist_queue_idx ON waitlist_entries (shift_id, created_at, id) WHERE status = 'WAITING';

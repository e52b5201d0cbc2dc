--liquibase formatted sql
--changeset gemba:0103-bookings
CREATE TABLE bookings (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id            uuid NOT NULL,
    shift_id          uuid NOT NULL,
    leader_id         uuid NOT NULL,
    status            text NOT NULL DEFAULT 'BOOKED'
                      CHECK (status IN ('BOOKED', 'ATTENDED', 'NO_SHOW', 'CANCELLED')),
    during            tstzrange NOT NULL,   -- the shift's [start, end), kept in step with the shift
    booked_by         uuid NOT NULL,
    override          boolean NOT NULL DEFAULT false,
    reason            text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    cancelled_at      timestamptz,
    cancelled_by      uuid,
    cancel_reason     text,
    late              boolean NOT NULL DEFAULT false,
    actual_start      timestamptz,
    actual_end        timestamptz,
    credited_minutes  integer CHECK (credited_minutes BETWEEN 0 AND 720),
    attendance_by     uuid,
    attendance_at     timestamptz,
    version           integer NOT NULL DEFAULT 1,
    CONSTRAINT bookings_shift_fkey FOREIGN KEY (org_id, shift_id) REFERENCES shifts (org_id, id),
    CONSTRAINT bookings_leader_fkey FOREIGN KEY (org_id, leader_id) REFERENCES users (org_id, id),
    CONSTRAINT bookings_org_id_key UNIQUE (org_id, id),
    CONSTRAINT bookings_attendance_check CHECK (
        (status = 'ATTENDED') = (actual_start IS NOT NULL AND actual_end IS NOT NULL AND credited_minutes IS NOT NULL)),
    -- a leader is never in two places at once: no two active bookings of theirs overlap
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (leader_id WITH =, during WITH &&)
        WHERE (status IN ('BOOKED', 'ATTENDED'))
);
-- one live booking per leader and shift (a cancelled one may be followed by a new one)
CREATE UNIQUE INDEX bookings_one_per_shift ON bookings (shift_id, leader_id) WHERE status <> 'CANCELLED';
CREATE INDEX bookings_shift_idx ON bookings (org_id, shift_id);
CREATE INDEX bookings_leader_idx ON bookings (org_id, leader_id, lower(during));

--liquibase formatted sql
--changeset gemba:0102-shifts
CREATE TABLE shift_series (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id           uuid NOT NULL,
    placement_id     uuid NOT NULL,
    local_start      timestamp NOT NULL,   -- wall-clock time in the site's zone
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 60 AND 720),
    rrule            text NOT NULL,
    capacity         integer NOT NULL CHECK (capacity BETWEEN 1 AND 100),
    created_by       uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT shift_series_placement_fkey FOREIGN KEY (org_id, placement_id) REFERENCES placements (org_id, id),
    CONSTRAINT shift_series_org_id_key UNIQUE (org_id, id)
);

-- Capacity is kept by a counter on the shift row: a booking increments it with
-- "UPDATE ... SET booked_count = booked_count + 1 WHERE booked_count < capacity", which takes the
-- row lock, so concurrent bookings of one shift queue up and none can overbook; the CHECK is the
-- last line of defence.
CREATE TABLE shifts (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id        uuid NOT NULL,
    placement_id  uuid NOT NULL,
    series_id     uuid,
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    capacity      integer NOT NULL CHECK (capacity BETWEEN 1 AND 100),
    booked_count  integer NOT NULL DEFAULT 0,
    status        text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CANCELLED')),
    cancel_reason text,
    sequence      integer NOT NULL DEFAULT 0,   -- iCalendar SEQUENCE: grows with every change
    version       integer NOT NULL DEFAULT 1,
    created_by    uuid,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT shifts_placement_fkey FOREIGN KEY (org_id, placement_id) REFERENCES placements (org_id, id),
    CONSTRAINT shifts_series_fkey FOREIGN KEY (org_id, series_id) REFERENCES shift_series (org_id, id),
    CONSTRAINT shifts_org_id_key UNIQUE (org_id, id),
    CONSTRAINT shifts_length_check CHECK (ends_at - starts_at BETWEEN interval '1 hour' AND interval '12 hours'),
    CONSTRAINT shifts_booked_within_capacity CHECK (booked_count BETWEEN 0 AND capacity)
);
CREATE INDEX shifts_org_start_idx ON shifts (org_id, starts_at, id);
CREATE INDEX shifts_placement_start_idx ON shifts (org_id, placement_id, starts_at);

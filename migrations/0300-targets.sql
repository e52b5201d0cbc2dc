--liquibase formatted sql
--changeset gemba:0300-targets
-- Annual hours per grade; grades are free text, so a policy is keyed by the grade's exact spelling.
CREATE TABLE target_policies (
    id           uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,   -- the audit trail's entity id
    org_id       uuid NOT NULL REFERENCES organisations (id),
    grade        text NOT NULL CHECK (length(grade) BETWEEN 1 AND 50),
    annual_hours numeric(7, 2) NOT NULL CHECK (annual_hours BETWEEN 0 AND 2000),
    updated_by   uuid,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, grade)
);

-- HR's corrections to one leader's target for one programme year (positive hours lower the target).
CREATE TABLE target_adjustments (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     uuid NOT NULL,
    user_id    uuid NOT NULL,
    year       integer NOT NULL,
    hours      numeric(7, 2) NOT NULL CHECK (hours BETWEEN -2000 AND 2000),
    reason     text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    created_by uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT target_adjustments_user_fkey FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id),
    CONSTRAINT target_adjustments_creator_fkey FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
);
CREATE INDEX target_adjustments_user_idx ON target_adjustments (org_id, user_id, year, created_at, id);
CREATE INDEX target_adjustments_year_idx ON target_adjustments (org_id, year);

-- The completion report sums a year's attended and booked hours for every leader in one grouped scan:
-- a range scan over the year's shift starts, restricted to the two statuses that count.
CREATE INDEX bookings_progress_idx ON bookings (org_id, lower(during)) WHERE status IN ('ATTENDED', 'BOOKED');

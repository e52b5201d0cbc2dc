--liquibase formatted sql
--changeset gemba:0110-booking-functions splitStatements:false
-- A booking is one statement from the application (issue 8: each round trip costs more than the
-- work it carries). These functions are the one definition of the booking rules: POST /bookings
-- calls book_shift, the waitlist's promotion calls booking_place, joining a waitlist calls
-- booking_refusal(..., static_only). A refusal comes back as the contract's error code plus the
-- details Java words the problem with (BookingRefusal), and nothing is written before it.
-- Constraint violations (bookings_no_overlap, bookings_one_per_shift) still raise: the last guard.

-- A day as Hours.window writes it with Locale.UK: "Tue 5 May 2026". The month names are spelled
-- out because to_char's 'Mon' writes "Sep" where Java writes "Sept".
CREATE FUNCTION shift_day(d timestamp) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(d, 'Dy') || ' ' || extract(day FROM d)::int || ' '
           || (ARRAY['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'])
              [extract(month FROM d)::int]
           || ' ' || to_char(d, 'YYYY')
$$;

-- Hours.window in SQL: "Tue 5 May 2026, 09:00–13:00 (Europe/London)"; the end's day is written
-- only when it differs. HoursWindowSqlTest keeps the two in step.
CREATE FUNCTION shift_window(p_start timestamptz, p_end timestamptz, p_zone text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT shift_day(s) || ', ' || to_char(s, 'HH24:MI') || '–'
           || CASE WHEN s::date = e::date THEN '' ELSE shift_day(e) || ' ' END || to_char(e, 'HH24:MI')
           || ' (' || p_zone || ')'
      FROM (SELECT p_start AT TIME ZONE p_zone AS s, p_end AT TIME ZONE p_zone AS e) AS local
$$;

-- Whether the leader may hold a place on the shift, in the order the codes are checked: cancelled,
-- already booked, trainings, own directorate, weekly cap, overlap, full. NULL refusal: allowed.
-- The caller holds the locks (placement when it has a weekly cap, then shift). static_only checks
-- only what depends on the placement and the leader (trainings, directorate), for joining a waitlist.
CREATE FUNCTION booking_refusal(p_org uuid, p_shift uuid, p_leader uuid, p_static_only boolean,
                                OUT refusal text, OUT missing text[], OUT week_start date)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    s record;
    l record;
    others int;
    mine boolean;
BEGIN
    SELECT sh.status, sh.starts_at, sh.ends_at, sh.capacity, sh.booked_count, sh.placement_id,
           p.required_trainings, p.max_leaders_per_week, p.exclude_own_directorate, p.directorate, st.time_zone
      INTO s
      FROM shifts sh
      JOIN placements p ON p.org_id = sh.org_id AND p.id = sh.placement_id
      JOIN sites st ON st.org_id = p.org_id AND st.id = p.site_id
     WHERE sh.org_id = p_org AND sh.id = p_shift;
    SELECT u.trainings, u.directorate INTO l FROM users u WHERE u.org_id = p_org AND u.id = p_leader;
    IF NOT p_static_only THEN
        IF s.status = 'CANCELLED' THEN
            refusal := 'SHIFT_CANCELLED';
            RETURN;
        END IF;
        IF EXISTS (SELECT 1 FROM bookings b
                    WHERE b.org_id = p_org AND b.shift_id = p_shift AND b.leader_id = p_leader
                      AND b.status <> 'CANCELLED') THEN
            refusal := 'ALREADY_BOOKED';
            RETURN;
        END IF;
    END IF;
    missing := ARRAY(SELECT r.t FROM unnest(s.required_trainings) WITH ORDINALITY AS r (t, i)
                      WHERE r.t <> ALL (l.trainings) ORDER BY r.i);
    IF cardinality(missing) > 0 THEN
        refusal := 'MISSING_TRAINING';
        RETURN;
    END IF;
    missing := NULL;
    -- Java's String.trim() strips every control character and space, hence the explicit set
    IF s.exclude_own_directorate
       AND lower(btrim(s.directorate, E' \t\n\r\f\v')) = lower(btrim(l.directorate, E' \t\n\r\f\v')) THEN
        refusal := 'OWN_DIRECTORATE';
        RETURN;
    END IF;
    IF p_static_only THEN
        RETURN;
    END IF;
    IF s.max_leaders_per_week IS NOT NULL THEN
        -- the week runs Monday to Monday in the site's zone
        week_start := date_trunc('week', s.starts_at AT TIME ZONE s.time_zone)::date;
        SELECT count(DISTINCT b.leader_id) FILTER (WHERE b.leader_id <> p_leader),
               coalesce(bool_or(b.leader_id = p_leader), false)
          INTO others, mine
          FROM bookings b
          JOIN shifts w ON w.org_id = b.org_id AND w.id = b.shift_id
         WHERE b.org_id = p_org AND w.placement_id = s.placement_id AND b.status IN ('BOOKED', 'ATTENDED')
           AND w.starts_at >= week_start::timestamp AT TIME ZONE s.time_zone
           AND w.starts_at < (week_start + 7)::timestamp AT TIME ZONE s.time_zone;
        IF NOT mine AND others >= s.max_leaders_per_week THEN
            refusal := 'PLACEMENT_WEEKLY_CAP';
            RETURN;
        END IF;
        week_start := NULL;
    END IF;
    IF EXISTS (SELECT 1 FROM bookings b
                WHERE b.org_id = p_org AND b.leader_id = p_leader AND b.status IN ('BOOKED', 'ATTENDED')
                  AND b.during && tstzrange(s.starts_at, s.ends_at, '[)')) THEN
        refusal := 'OVERLAPPING_BOOKING';
        RETURN;
    END IF;
    IF s.booked_count >= s.capacity THEN
        refusal := 'SHIFT_FULL';
    END IF;
END;
$$;

-- Takes a place and writes the booking when booking_refusal allows it; the caller holds the locks.
-- The booking's range is copied from its shift, so the overlap constraint sees the real window.
CREATE FUNCTION booking_place(p_org uuid, p_shift uuid, p_leader uuid, p_by uuid, p_override boolean,
                              p_reason text, p_now timestamptz,
                              OUT refusal text, OUT missing text[], OUT week_start date, OUT booking_id uuid)
LANGUAGE plpgsql AS $$
BEGIN
    SELECT r.refusal, r.missing, r.week_start INTO refusal, missing, week_start
      FROM booking_refusal(p_org, p_shift, p_leader, false) AS r;
    IF refusal IS NOT NULL THEN
        RETURN;
    END IF;
    UPDATE shifts SET booked_count = booked_count + 1
     WHERE org_id = p_org AND id = p_shift AND status = 'OPEN' AND booked_count < capacity;
    IF NOT FOUND THEN
        refusal := 'SHIFT_FULL';
        RETURN;
    END IF;
    INSERT INTO bookings (org_id, shift_id, leader_id, during, booked_by, override, reason, created_at)
    SELECT s.org_id, s.id, p_leader, tstzrange(s.starts_at, s.ends_at, '[)'), p_by, p_override, p_reason, p_now
      FROM shifts s WHERE s.org_id = p_org AND s.id = p_shift
    RETURNING id INTO booking_id;
END;
$$;

-- What book_shift answers: a refusal with its details, or the booking as BookingDao.SELECT reads it.
CREATE TYPE booking_outcome AS (
    refusal              text,
    missing              text[],
    week_start           date,
    directorate          text,
    capacity             integer,
    max_leaders_per_week integer,
    id                   uuid,
    shift_id             uuid,
    leader_id            uuid,
    leader_name          text,
    status               text,
    starts_at            timestamptz,
    ends_at              timestamptz,
    booked_by            uuid,
    override             boolean,
    reason               text,
    late                 boolean,
    created_at           timestamptz,
    cancelled_at         timestamptz,
    cancelled_by         uuid,
    cancel_reason        text,
    actual_start         timestamptz,
    actual_end           timestamptz,
    credited_minutes     integer,
    version              integer,
    placement_id         uuid,
    placement_name       text,
    site_id              uuid,
    site_name            text,
    time_zone            text
);

-- POST /bookings in one statement: the leader, the locks (placement when it has a weekly cap, then
-- shift: the order every booking, cancellation and capacity change uses), cancelled, notice (unless
-- overridden), booking_place, then the leader's waiting waitlist entry is LEFT, the audit row and the
-- BOOKING_MADE notification are written. p_by_name words "X booked this for you".
CREATE FUNCTION book_shift(p_org uuid, p_shift uuid, p_leader uuid, p_by uuid, p_by_name text,
                           p_override boolean, p_reason text, p_now timestamptz, p_min_notice interval)
RETURNS booking_outcome LANGUAGE plpgsql AS $$
DECLARE
    o booking_outcome;
    cap integer;
    placement uuid;
    placed record;
BEGIN
    SELECT u.name INTO o.leader_name
      FROM users u
     WHERE u.org_id = p_org AND u.id = p_leader AND u.active AND 'LEADER' = ANY (u.roles);
    IF NOT FOUND THEN
        o.refusal := 'UNKNOWN_LEADER';
        RETURN o;
    END IF;
    SELECT p.max_leaders_per_week, p.id INTO cap, placement
      FROM shifts s JOIN placements p ON p.org_id = s.org_id AND p.id = s.placement_id
     WHERE s.org_id = p_org AND s.id = p_shift;
    IF NOT FOUND THEN
        o.refusal := 'UNKNOWN_SHIFT';
        RETURN o;
    END IF;
    IF cap IS NOT NULL THEN
        PERFORM 1 FROM placements p WHERE p.org_id = p_org AND p.id = placement FOR UPDATE;
    END IF;
    SELECT s.id, s.status, s.starts_at, s.ends_at, s.capacity, s.placement_id, p.name, p.directorate,
           p.max_leaders_per_week, p.site_id, st.name, st.time_zone
      INTO o.shift_id, o.status, o.starts_at, o.ends_at, o.capacity, o.placement_id, o.placement_name,
           o.directorate, o.max_leaders_per_week, o.site_id, o.site_name, o.time_zone
      FROM shifts s
      JOIN placements p ON p.org_id = s.org_id AND p.id = s.placement_id
      JOIN sites st ON st.org_id = p.org_id AND st.id = p.site_id
     WHERE s.org_id = p_org AND s.id = p_shift
       FOR UPDATE OF s;
    IF o.status = 'CANCELLED' THEN
        o.refusal := 'SHIFT_CANCELLED';
        RETURN o;
    END IF;
    IF NOT p_override AND o.starts_at < p_now + p_min_notice THEN
        o.refusal := 'TOO_LATE_TO_BOOK';
        RETURN o;
    END IF;
    SELECT * INTO placed FROM booking_place(p_org, p_shift, p_leader, p_by, p_override, p_reason, p_now);
    IF placed.refusal IS NOT NULL THEN
        o.refusal := placed.refusal;
        o.missing := placed.missing;
        o.week_start := placed.week_start;
        RETURN o;
    END IF;
    UPDATE waitlist_entries w SET status = 'LEFT', resolved_at = p_now, note = 'booked directly'
     WHERE w.org_id = p_org AND w.shift_id = p_shift AND w.leader_id = p_leader AND w.status = 'WAITING';
    INSERT INTO audit_log (org_id, actor_id, entity_type, entity_id, action, changes, reason)
    VALUES (p_org, p_by, 'BOOKING', placed.booking_id, 'CREATED',
            jsonb_build_object('shiftId', p_shift, 'leaderId', p_leader, 'override', p_override), p_reason);
    INSERT INTO notifications (org_id, user_id, type, subject, body, entity_type, entity_id)
    VALUES (p_org, p_leader, 'BOOKING_MADE', 'Booked: ' || o.placement_name,
            'You are booked on ' || o.placement_name || ' at ' || o.site_name || ', '
                || shift_window(o.starts_at, o.ends_at, o.time_zone) || '.'
                || CASE WHEN p_leader = p_by THEN ''
                        ELSE ' ' || p_by_name || ' booked this for you'
                             || CASE WHEN p_reason IS NULL THEN '.' ELSE ': ' || p_reason END
                   END,
            'BOOKING', placed.booking_id);
    SELECT b.id, b.leader_id, b.status, b.booked_by, b.override, b.reason, b.late, b.created_at, b.version
      INTO o.id, o.leader_id, o.status, o.booked_by, o.override, o.reason, o.late, o.created_at, o.version
      FROM bookings b WHERE b.org_id = p_org AND b.id = placed.booking_id;
    RETURN o;
END;
$$;

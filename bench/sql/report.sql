-- ProgressQuery.report (src/main/java/org/gemba/progress/ProgressQuery.java) as the completion report's
-- first JSON page runs it; psql variables org, year, now. Regenerate if that query changes.
WITH org AS (SELECT time_zone AS tz FROM organisations WHERE id = :'org'),
yr AS (
    SELECT y.is_cur, y.year, y.d_from, y.d_to, org.tz, (y.d_to - y.d_from + 1)::numeric AS days,
           y.d_from::timestamp AT TIME ZONE org.tz AS t_from,
           (y.d_to + 1)::timestamp AT TIME ZONE org.tz AS t_to
    FROM org, (VALUES (true, CAST(:year AS int), CAST(make_date(:year, 4, 1) AS date), CAST(make_date(:year + 1, 3, 31) AS date)),
                      (false, CAST(:year AS int) - 1, CAST(make_date(:year - 1, 4, 1) AS date), CAST(make_date(:year, 3, 31) AS date)))
                  AS y (is_cur, year, d_from, d_to)
    WHERE y.is_cur OR (:year > 2025)),
lead AS (
    SELECT u.id, u.name, u.email, u.grade, u.directorate, u.fte, u.start_date, u.end_date,
           coalesce(tp.annual_hours, CAST(150 AS numeric)) AS annual
    FROM users u
    LEFT JOIN target_policies tp ON tp.org_id = u.org_id AND tp.grade = u.grade
    WHERE u.org_id = :'org' AND 'LEADER' = ANY (u.roles) /*leader*/),
hours AS (
    SELECT b.leader_id, yr.is_cur,
           sum(b.credited_minutes) FILTER (WHERE b.status = 'ATTENDED') / 60.0 AS completed,
           extract(epoch FROM sum(upper(b.during) - lower(b.during))
               FILTER (WHERE b.status = 'BOOKED' AND lower(b.during) > CAST(:'now' AS timestamptz))) / 3600.0 AS booked
    FROM yr
    JOIN bookings b ON b.org_id = :'org' AND b.status IN ('ATTENDED', 'BOOKED')
                   AND lower(b.during) >= yr.t_from AND lower(b.during) < yr.t_to /*bookingLeader*/
    GROUP BY b.leader_id, yr.is_cur),
adj AS (
    SELECT user_id, year, sum(hours) AS hours
    FROM target_adjustments
    WHERE org_id = :'org' AND year IN (:year, :year - 1)
    GROUP BY user_id, year),
inpost AS (
    SELECT l.*, yr.is_cur, yr.year, yr.d_from, yr.d_to, yr.t_to, yr.days,
           greatest(yr.d_from, coalesce(l.start_date, yr.d_from)) AS ip_from,
           least(yr.d_to, coalesce(l.end_date, yr.d_to)) AS ip_to,
           -- most leaders are in post all year: skip the zone conversion for them
           CASE WHEN l.start_date IS NULL OR l.start_date <= yr.d_from THEN yr.t_from
                ELSE l.start_date::timestamp AT TIME ZONE yr.tz END AS t_ip_from,
           CASE WHEN l.end_date IS NULL OR l.end_date >= yr.d_to THEN yr.t_to
                ELSE (l.end_date + 1)::timestamp AT TIME ZONE yr.tz END AS t_ip_to,
           coalesce(h.completed, 0) AS completed, coalesce(h.booked, 0) AS booked,
           coalesce(a.hours, 0) AS adjust
    FROM lead l CROSS JOIN yr
    LEFT JOIN hours h ON h.leader_id = l.id AND h.is_cur = yr.is_cur
    LEFT JOIN adj a ON a.user_id = l.id AND a.year = yr.year),
target AS (
    SELECT i.*,
           round(greatest(0, i.annual * i.fte * greatest(0, i.ip_to - i.ip_from + 1) / i.days - i.adjust), 2)
               AS target_h,
           CASE WHEN i.ip_to < i.ip_from THEN 0
                ELSE least(1, greatest(0,
                    extract(epoch FROM CAST(:'now' AS timestamptz) - i.t_ip_from) / extract(epoch FROM i.t_ip_to - i.t_ip_from))) END
               AS elapsed,
           round(i.completed, 2) AS completed_h, round(i.booked, 2) AS booked_h
    FROM inpost i),
expected AS (
    SELECT t.*, round(t.target_h * t.elapsed, 2) AS expected_h FROM target t),
status AS (
    SELECT e.*,
           CASE WHEN e.target_h = 0 THEN 'EXEMPT'
                WHEN e.completed_h >= e.target_h THEN 'COMPLETE'
                WHEN CAST(:'now' AS timestamptz) >= e.t_to THEN 'NOT_MET'
                WHEN e.completed_h >= e.expected_h THEN 'ON_TRACK'
                WHEN e.completed_h + e.booked_h >= e.expected_h THEN 'AT_RISK'
                ELSE 'BEHIND' END AS status
    FROM expected e),
progress AS (
    SELECT c.id AS leader_id, c.name, c.email, c.grade, c.directorate, c.year,
           c.d_from AS period_start, c.d_to AS period_end, c.target_h AS target_hours,
           c.completed_h AS completed_hours, c.booked_h AS booked_hours,
           c.expected_h AS expected_to_date_hours,
           greatest(0.00, c.target_h - c.completed_h)::numeric(12, 2) AS remaining_hours, c.status,
           coalesce(p.status = 'NOT_MET', false) AS promotion_hold,
           CASE c.status WHEN 'NOT_MET' THEN 0 WHEN 'BEHIND' THEN 1 WHEN 'AT_RISK' THEN 2
                         WHEN 'ON_TRACK' THEN 3 WHEN 'COMPLETE' THEN 4 ELSE 5 END AS severity
    FROM status c
    LEFT JOIN status p ON p.id = c.id AND NOT p.is_cur
    WHERE c.is_cur)
SELECT * FROM progress
WHERE true /*filters*/
ORDER BY severity, lower(name), leader_id
LIMIT 51;

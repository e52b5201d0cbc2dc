package org.gemba.progress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The one place progress is computed: target, completed, booked, expected to date, status and
 * promotion hold, for one leader or for every leader of an organisation, in a single statement.
 *
 * <p>Rules (SPEC "Programme years, targets and progress"):
 * <ul>
 * <li>Days in post count inclusively: a leader in post from 1 October to 31 March of year 2026 is in
 *     post 182 of its 365 days. Target = annual hours × FTE × that fraction − the year's adjustments,
 *     floored at 0.</li>
 * <li>A booking belongs to the year in which its shift starts, in the organisation's zone (bookings'
 *     {@code during} is kept in step with the shift). Completed = credited minutes of ATTENDED;
 *     booked = elapsed length of BOOKED shifts that start after now.</li>
 * <li>Expected = target × elapsed fraction of the in-post period, measured in real elapsed time
 *     between instants (so the October clock change adds an hour).</li>
 * <li>Hours are rounded to 2 places first and the status is decided on the rounded figures, so a
 *     leader shown exactly on target or on expected is never told otherwise.</li>
 * </ul>
 */
public final class ProgressQuery {
    private ProgressQuery() {}

    private static final String SQL = """
            WITH org AS (SELECT time_zone AS tz FROM organisations WHERE id = :orgId),
            yr AS (
                SELECT y.is_cur, y.year, y.d_from, y.d_to, org.tz, (y.d_to - y.d_from + 1)::numeric AS days,
                       y.d_from::timestamp AT TIME ZONE org.tz AS t_from,
                       (y.d_to + 1)::timestamp AT TIME ZONE org.tz AS t_to
                FROM org, (VALUES (true, CAST(:year AS int), CAST(:curFrom AS date), CAST(:curTo AS date)),
                                  (false, CAST(:year AS int) - 1, CAST(:prevFrom AS date), CAST(:prevTo AS date)))
                              AS y (is_cur, year, d_from, d_to)
                WHERE y.is_cur OR :hasPrev),
            lead AS (
                SELECT u.id, u.name, u.email, u.grade, u.directorate, u.fte, u.start_date, u.end_date,
                       coalesce(tp.annual_hours, CAST(:defaultHours AS numeric)) AS annual
                FROM users u
                LEFT JOIN target_policies tp ON tp.org_id = u.org_id AND tp.grade = u.grade
                WHERE u.org_id = :orgId AND 'LEADER' = ANY (u.roles) /*leader*/),
            hours AS (
                SELECT b.leader_id, yr.is_cur,
                       sum(b.credited_minutes) FILTER (WHERE b.status = 'ATTENDED') / 60.0 AS completed,
                       extract(epoch FROM sum(upper(b.during) - lower(b.during))
                           FILTER (WHERE b.status = 'BOOKED' AND lower(b.during) > :now)) / 3600.0 AS booked
                FROM yr
                JOIN bookings b ON b.org_id = :orgId AND b.status IN ('ATTENDED', 'BOOKED')
                               AND lower(b.during) >= yr.t_from AND lower(b.during) < yr.t_to /*bookingLeader*/
                GROUP BY b.leader_id, yr.is_cur),
            adj AS (
                SELECT user_id, year, sum(hours) AS hours
                FROM target_adjustments
                WHERE org_id = :orgId AND year IN (:year, :year - 1)
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
                                extract(epoch FROM :now - i.t_ip_from) / extract(epoch FROM i.t_ip_to - i.t_ip_from))) END
                           AS elapsed,
                       round(i.completed, 2) AS completed_h, round(i.booked, 2) AS booked_h
                FROM inpost i),
            expected AS (
                SELECT t.*, round(t.target_h * t.elapsed, 2) AS expected_h FROM target t),
            status AS (
                SELECT e.*,
                       CASE WHEN e.target_h = 0 THEN 'EXEMPT'
                            WHEN e.completed_h >= e.target_h THEN 'COMPLETE'
                            WHEN :now >= e.t_to THEN 'NOT_MET'
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
            /*limit*/
            """;

    /** What to compute: the organisation, the year, "now", and the report's optional filters. */
    public record Params(UUID orgId, Programme programme, int year, Instant now) {}

    public record Filters(String directorate, String grade, String status,
                          Integer afterSeverity, String afterName, UUID afterId, Integer limit) {
        public static final Filters NONE = new Filters(null, null, null, null, null, null, null);
    }

    public static Optional<ProgressRow> forLeader(Handle h, Params p, UUID leaderId) {
        String sql = SQL.replace("/*leader*/", "AND u.id = :leaderId")
                .replace("/*bookingLeader*/", "AND b.leader_id = :leaderId");
        return bind(h.createQuery(sql), p).bind("leaderId", leaderId).mapTo(ProgressRow.class).findOne();
    }

    /** The report: every leader of the organisation, filtered, in severity-name-id order. Call in a transaction. */
    public static Stream<ProgressRow> report(Handle h, Params p, Filters f, int fetchSize) {
        // JIT compilation costs ~200 ms here and buys nothing: the plan is hash joins over ~20k rows.
        // SET LOCAL needs the caller's transaction, which also lets the driver stream with a cursor.
        h.execute("SET LOCAL jit = off");
        StringBuilder where = new StringBuilder();
        if (f.directorate() != null) {
            where.append(" AND directorate = :directorate");
        }
        if (f.grade() != null) {
            where.append(" AND grade = :grade");
        }
        if (f.status() != null) {
            where.append(" AND status = :status");
        }
        if (f.afterId() != null) {
            where.append(" AND (severity, lower(name), leader_id) > (:afterSeverity, :afterName, :afterId)");
        }
        String sql = SQL.replace("/*filters*/", where).replace("/*limit*/", f.limit() == null ? "" : "LIMIT :limit");
        Query q = bind(h.createQuery(sql), p);
        if (f.directorate() != null) {
            q.bind("directorate", f.directorate());
        }
        if (f.grade() != null) {
            q.bind("grade", f.grade());
        }
        if (f.status() != null) {
            q.bind("status", f.status());
        }
        if (f.afterId() != null) {
            q.bind("afterSeverity", f.afterSeverity()).bind("afterName", f.afterName()).bind("afterId", f.afterId());
        }
        if (f.limit() != null) {
            q.bind("limit", f.limit());
        }
        return q.setFetchSize(fetchSize).mapTo(ProgressRow.class).stream();
    }

    private static Query bind(Query q, Params p) {
        Programme prog = p.programme();
        boolean hasPrev = prog.contains(p.year() - 1);
        q.registerRowMapper(ConstructorMapper.factory(ProgressRow.class));
        return q.bind("orgId", p.orgId()).bind("year", p.year())
                .bind("curFrom", prog.periodStart(p.year())).bind("curTo", prog.periodEnd(p.year()))
                .bind("prevFrom", prog.periodStart(p.year() - 1)).bind("prevTo", prog.periodEnd(p.year() - 1))
                .bind("hasPrev", hasPrev).bind("defaultHours", prog.defaultAnnualHours())
                .bind("now", OffsetDateTime.ofInstant(p.now(), ZoneOffset.UTC));
    }
}

package org.gemba.insight;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The insight summary, computed by PostgreSQL over the window's observations (never loaded into Java):
 * two passes over the covering index observations_summary_idx (index-only once the table is
 * vacuumed), one for every count and one for time to triage. Every filter is optional, so the WHERE
 * clause is assembled from fixed fragments: a catch-all "(:x IS NULL OR ...)" can get a generic plan
 * that ignores the index.
 */
public final class SummaryDao {

    /** {@code dimension}: kind, criterion, cause, theme, site or month; {@code name} only for a site. */
    public record Count(String dimension, String key, String name, long count) {}

    public record SiteCount(UUID siteId, String name, long count) {}

    public record MonthCount(String month, long count) {}

    public record Triage(BigDecimal medianHours, BigDecimal p90Hours, BigDecimal withinSlaShare, long overdue) {}

    public record Actions(long open, long overdue, long done) {}

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    private final Handle h;
    private final UUID orgId;
    private final Window window;
    private final UUID siteId;

    public SummaryDao(Handle h, UUID orgId, Window window, UUID siteId) {
        this.h = h;
        this.orgId = orgId;
        this.window = window;
        this.siteId = siteId;
        // the one-pass grouping needs a few MB of hash tables; JIT compiling costs more than it saves here
        h.execute("SET LOCAL work_mem = '64MB'");
        h.execute("SET LOCAL jit = off");
    }

    /**
     * One pass for all six breakdowns: two grouping sets whose groups are few (kind x criterion x cause
     * x month, and theme x site) are rolled up into each dimension, which hashes every row twice
     * instead of six times. A row's month is found among the window's month starts (width_bucket)
     * rather than by converting every row to local time (the text-to-timestamptz cast is only STABLE:
     * the sub-select makes it run once, not per row). Ordered by dimension, months in order, the
     * others by count (most first).
     */
    public List<Count> counts(ZoneId zone) {
        Map<String, Object> binds = new LinkedHashMap<>();
        List<Instant> starts = monthStarts(zone);
        String sql = """
                WITH g AS (
                    SELECT GROUPING(o.theme) = 0 AS by_place, o.kind, o.criterion, o.cause, o.theme, o.site_id,
                           width_bucket(o.observed_at, (SELECT CAST(:monthStarts AS timestamptz[]))) AS month, count(*) AS n
                      FROM observations o
                     WHERE\s""" + where(binds) + """
                     GROUP BY GROUPING SETS ((o.kind, o.criterion, o.cause, month), (o.theme, o.site_id)))
                SELECT d.dimension, d.key, s.name, sum(g.n) AS count
                  FROM g
                 CROSS JOIN LATERAL (VALUES ('kind', g.kind), ('criterion', g.criterion), ('cause', g.cause),
                                            ('month', (CAST(:monthNames AS text[]))[g.month]), ('theme', g.theme),
                                            ('site', CAST(g.site_id AS text))) AS d (dimension, key)
                  LEFT JOIN sites s ON d.dimension = 'site' AND s.org_id = :orgId AND s.id = g.site_id
                 WHERE d.key IS NOT NULL AND g.by_place = (d.dimension IN ('theme', 'site'))
                 GROUP BY d.dimension, d.key, s.name
                 ORDER BY d.dimension, CASE WHEN d.dimension = 'month' THEN d.key END, count DESC, s.name, d.key
                """;
        return h.createQuery(sql).bindMap(binds)
                .bind("monthStarts", starts.stream().map(Instant::toString).toArray(String[]::new))
                .bind("monthNames", starts.stream().map(i -> MONTH.format(i.atZone(zone))).toArray(String[]::new))
                .map(ConstructorMapper.of(Count.class)).list();
    }

    /** The start of every month (in the zone) the window touches; an open side ends at the org's observations. */
    private List<Instant> monthStarts(ZoneId zone) {
        Instant from = window.from();
        Instant to = window.toExclusive();
        if (from == null || to == null) {
            Instant[] range = h.createQuery(
                            "SELECT min(observed_at) AS first, max(observed_at) AS last FROM observations WHERE org_id = :orgId")
                    .bind("orgId", orgId)
                    .map((rs, ctx) -> new Instant[] {instant(rs.getTimestamp("first")), instant(rs.getTimestamp("last"))})
                    .one();
            from = from != null ? from : range[0];
            to = to != null ? to : range[1];
        }
        List<Instant> starts = new ArrayList<>();
        if (from == null || to == null) {
            return List.of(Instant.EPOCH); // no observations: every count is zero
        }
        ZonedDateTime month = from.atZone(zone).toLocalDate().withDayOfMonth(1).atStartOfDay(zone);
        while (!month.toInstant().isAfter(to)) {
            starts.add(month.toInstant());
            month = month.plusMonths(1).toLocalDate().atStartOfDay(zone);
        }
        return starts;
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /**
     * Time to triage runs from logging to the triage decision (triaged, or declined, which is a
     * decision too); percentile_cont ignores the NULLs of observations still waiting. The SLA share
     * counts, among observations triaged or already past due, those decided by their due time;
     * {@code overdue} counts those still waiting past their due time. Hours are float8 throughout
     * (percentile_cont works in float8 anyway): numeric arithmetic per row was a third of this pass.
     */
    public Triage triage(Instant now) {
        Map<String, Object> binds = new LinkedHashMap<>();
        String sql = """
                SELECT round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY t.hours) AS numeric), 2) AS median_hours,
                       round(CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY t.hours) AS numeric), 2) AS p90_hours,
                       round(count(*) FILTER (WHERE t.decided_at <= t.triage_due_at)
                             / CAST(nullif(count(*) FILTER (WHERE t.decided_at IS NOT NULL OR t.triage_due_at < :now), 0)
                                    AS numeric), 4) AS within_sla_share,
                       count(*) FILTER (WHERE t.decided_at IS NULL AND t.triage_due_at < :now) AS overdue
                  FROM (SELECT coalesce(o.triaged_at, o.declined_at) AS decided_at, o.triage_due_at,
                               date_part('epoch', coalesce(o.triaged_at, o.declined_at) - o.logged_at) / 3600 AS hours
                          FROM observations o
                         WHERE\s""" + where(binds) + """
                       ) t
                """;
        return h.createQuery(sql).bindMap(binds).bind("now", now)
                .map(ConstructorMapper.of(Triage.class)).one();
    }

    /**
     * Open and overdue as they stand now; done = completed within the window. With a site, only
     * actions linked to an observation at that site.
     */
    public Actions actions(LocalDate today) {
        List<String> done = new ArrayList<>(List.of("a.status = 'DONE'"));
        Map<String, Object> binds = new LinkedHashMap<>();
        add(done, binds, "a.completed_at >= :from", "from", window.from());
        add(done, binds, "a.completed_at < :to", "to", window.toExclusive());
        List<String> where = new ArrayList<>(List.of("a.org_id = :orgId"));
        binds.put("orgId", orgId);
        add(where, binds, """
                EXISTS (SELECT 1 FROM action_observations ao
                          JOIN observations o ON o.org_id = ao.org_id AND o.id = ao.observation_id
                         WHERE ao.org_id = a.org_id AND ao.action_id = a.id AND o.site_id = :siteId)""",
                "siteId", siteId);
        String sql = """
                SELECT count(*) FILTER (WHERE a.status IN ('OPEN', 'IN_PROGRESS')) AS open,
                       count(*) FILTER (WHERE a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_date < :today) AS overdue,
                       count(*) FILTER (WHERE\s""" + String.join(" AND ", done) + """
                ) AS done
                  FROM improvement_actions a
                 WHERE\s""" + String.join(" AND ", where);
        return h.createQuery(sql).bindMap(binds).bind("today", today)
                .map(ConstructorMapper.of(Actions.class)).one();
    }

    private String where(Map<String, Object> binds) {
        List<String> where = new ArrayList<>(List.of("o.org_id = :orgId"));
        binds.put("orgId", orgId);
        add(where, binds, "o.observed_at >= :from", "from", window.from());
        add(where, binds, "o.observed_at < :to", "to", window.toExclusive());
        add(where, binds, "o.site_id = :siteId", "siteId", siteId);
        return String.join(" AND ", where) + "\n";
    }

    private static void add(List<String> where, Map<String, Object> binds, String clause, String name, Object value) {
        if (value != null) {
            where.add(clause);
            binds.put(name, value);
        }
    }
}

package org.gemba.insight;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The insight summary, computed by PostgreSQL over the window's observations (never loaded into Java). */
@RegisterConstructorMapper(SummaryDao.Count.class)
@RegisterConstructorMapper(SummaryDao.SiteCount.class)
@RegisterConstructorMapper(SummaryDao.MonthCount.class)
@RegisterConstructorMapper(SummaryDao.Triage.class)
@RegisterConstructorMapper(SummaryDao.Actions.class)
public interface SummaryDao {

    String WINDOW = """
             o.org_id = :orgId
               AND (CAST(:from AS timestamptz) IS NULL OR o.observed_at >= :from)
               AND (CAST(:to AS timestamptz) IS NULL OR o.observed_at < :to)
               AND (CAST(:siteId AS uuid) IS NULL OR o.site_id = :siteId)
            """;

    record Count(String dimension, String key, long count) {}

    record SiteCount(UUID siteId, String name, long count) {}

    record MonthCount(String month, long count) {}

    record Triage(BigDecimal medianHours, BigDecimal p90Hours, BigDecimal withinSlaShare, long overdue) {}

    record Actions(long open, long overdue, long done) {}

    /** One scan for all four breakdowns. */
    @SqlQuery("""
            SELECT CASE WHEN GROUPING(o.kind) = 0 THEN 'kind' WHEN GROUPING(o.criterion) = 0 THEN 'criterion'
                        WHEN GROUPING(o.cause) = 0 THEN 'cause' ELSE 'theme' END AS dimension,
                   coalesce(o.kind, o.criterion, o.cause, o.theme) AS key, count(*) AS count
              FROM observations o
             WHERE""" + WINDOW + """
             GROUP BY GROUPING SETS ((o.kind), (o.criterion), (o.cause), (o.theme))
             ORDER BY count(*) DESC, 2
            """)
    List<Count> breakdown(UUID orgId, Instant from, Instant to, UUID siteId);

    @SqlQuery("""
            SELECT o.site_id, s.name, count(*) AS count
              FROM observations o JOIN sites s ON s.org_id = o.org_id AND s.id = o.site_id
             WHERE""" + WINDOW + """
             GROUP BY o.site_id, s.name
             ORDER BY count(*) DESC, s.name, o.site_id
            """)
    List<SiteCount> bySite(UUID orgId, Instant from, Instant to, UUID siteId);

    @SqlQuery("""
            SELECT to_char(o.observed_at AT TIME ZONE :zone, 'YYYY-MM') AS month, count(*) AS count
              FROM observations o
             WHERE""" + WINDOW + """
             GROUP BY 1
             ORDER BY 1
            """)
    List<MonthCount> byMonth(UUID orgId, Instant from, Instant to, UUID siteId, String zone);

    /**
     * Time to triage runs from logging to the triage decision (triaged, or declined, which is a
     * decision too); percentile_cont ignores the NULLs of observations still waiting. The SLA share
     * counts, among observations triaged or already past due, those decided by their due time;
     * {@code overdue} counts those still waiting past their due time.
     */
    @SqlQuery("""
            SELECT round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY t.hours) AS numeric), 2) AS median_hours,
                   round(CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY t.hours) AS numeric), 2) AS p90_hours,
                   round(count(*) FILTER (WHERE t.decided_at <= t.triage_due_at)
                         / CAST(nullif(count(*) FILTER (WHERE t.decided_at IS NOT NULL OR t.triage_due_at < :now), 0)
                                AS numeric), 4) AS within_sla_share,
                   count(*) FILTER (WHERE t.decided_at IS NULL AND t.triage_due_at < :now) AS overdue
              FROM (SELECT coalesce(o.triaged_at, o.declined_at) AS decided_at, o.triage_due_at,
                           extract(epoch FROM coalesce(o.triaged_at, o.declined_at) - o.logged_at) / 3600 AS hours
                      FROM observations o
                     WHERE""" + WINDOW + """
                   ) t
            """)
    Triage triage(UUID orgId, Instant from, Instant to, UUID siteId, Instant now);

    /**
     * Open and overdue as they stand now; done = completed within the window. With a site, only
     * actions linked to an observation at that site.
     */
    @SqlQuery("""
            SELECT count(*) FILTER (WHERE a.status IN ('OPEN', 'IN_PROGRESS')) AS open,
                   count(*) FILTER (WHERE a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_date < :today) AS overdue,
                   count(*) FILTER (WHERE a.status = 'DONE'
                                      AND (CAST(:from AS timestamptz) IS NULL OR a.completed_at >= :from)
                                      AND (CAST(:to AS timestamptz) IS NULL OR a.completed_at < :to)) AS done
              FROM improvement_actions a
             WHERE a.org_id = :orgId
               AND (CAST(:siteId AS uuid) IS NULL OR EXISTS (
                    SELECT 1 FROM action_observations ao
                      JOIN observations o ON o.org_id = ao.org_id AND o.id = ao.observation_id
                     WHERE ao.action_id = a.id AND o.site_id = :siteId))
            """)
    Actions actions(UUID orgId, Instant from, Instant to, UUID siteId, LocalDate today);
}

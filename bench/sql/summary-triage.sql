-- SummaryDao.triage (src/main/java/org/gemba/insight/SummaryDao.java): time to triage and the SLA share, the
-- summary's second pass; psql variables org, zone, from and to (dates, inclusive) and now.
SELECT round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY t.hours) AS numeric), 2) AS median_hours,
       round(CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY t.hours) AS numeric), 2) AS p90_hours,
       round(count(*) FILTER (WHERE t.decided_at <= t.triage_due_at)
             / CAST(nullif(count(*) FILTER (WHERE t.decided_at IS NOT NULL OR t.triage_due_at < :'now'), 0)
                    AS numeric), 4) AS within_sla_share,
       count(*) FILTER (WHERE t.decided_at IS NULL AND t.triage_due_at < :'now') AS overdue
  FROM (SELECT coalesce(o.triaged_at, o.declined_at) AS decided_at, o.triage_due_at,
               date_part('epoch', coalesce(o.triaged_at, o.declined_at) - o.logged_at) / 3600 AS hours
          FROM observations o
         WHERE o.org_id = :'org'
           AND o.observed_at >= CAST(:'from' AS timestamp) AT TIME ZONE :'zone'
           AND o.observed_at < CAST(CAST(:'to' AS date) + 1 AS timestamp) AT TIME ZONE :'zone') t;

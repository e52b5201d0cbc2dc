-- SummaryDao.counts (src/main/java/org/gemba/insight/SummaryDao.java): every count of the insight summary in
-- one pass; psql variables org, zone (the organisation's time zone), from and to (dates, inclusive). The app
-- runs it with SET LOCAL work_mem = '64MB' and jit = off, and binds the window's instants and the month
-- starts and names it computes in Java (here: months, from the first of from's month).
WITH months AS MATERIALIZED (
    SELECT array_agg(CAST(m AS timestamp) AT TIME ZONE :'zone' ORDER BY m) AS starts,
           array_agg(to_char(m, 'YYYY-MM') ORDER BY m) AS names
      FROM generate_series(date_trunc('month', CAST(:'from' AS date)), CAST(:'to' AS date), interval '1 month') AS m),
g AS (
    SELECT GROUPING(o.theme) = 0 AS by_place, o.kind, o.criterion, o.cause, o.theme, o.site_id,
           width_bucket(o.observed_at, (SELECT starts FROM months)) AS month, count(*) AS n
      FROM observations o
     WHERE o.org_id = :'org'
       AND o.observed_at >= CAST(:'from' AS timestamp) AT TIME ZONE :'zone'
       AND o.observed_at < CAST(CAST(:'to' AS date) + 1 AS timestamp) AT TIME ZONE :'zone'
     GROUP BY GROUPING SETS ((o.kind, o.criterion, o.cause, month), (o.theme, o.site_id)))
SELECT d.dimension, d.key, s.name, sum(g.n) AS count
  FROM g
 CROSS JOIN LATERAL (VALUES ('kind', g.kind), ('criterion', g.criterion), ('cause', g.cause),
                            ('month', (SELECT names FROM months)[g.month]), ('theme', g.theme),
                            ('site', CAST(g.site_id AS text))) AS d (dimension, key)
  LEFT JOIN sites s ON d.dimension = 'site' AND s.org_id = :'org' AND s.id = g.site_id
 WHERE d.key IS NOT NULL AND g.by_place = (d.dimension IN ('theme', 'site'))
 GROUP BY d.dimension, d.key, s.name
 ORDER BY d.dimension, CASE WHEN d.dimension = 'month' THEN d.key END, count DESC, s.name, d.key;

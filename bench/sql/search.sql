-- ObservationSearch.find (src/main/java/org/gemba/insight/ObservationSearch.java) for q + status + kind,
-- first page, as it runs when the walk over the newest 4,000 filtered rows finds the 100 newest matches
-- (otherwise the same ranking runs over a GIN lookup instead); psql variables org and q.
WITH words AS MATERIALIZED (SELECT insight_query(:'q') AS any_word, insight_query_all(:'q') AS all_words),
ranked AS (SELECT c.id AS pid, c.observed_at AS pat,
                  CAST(CASE WHEN c.search @@ (SELECT all_words FROM words) THEN 1 ELSE 0 END
                       + ts_rank(c.search, (SELECT any_word FROM words), 32) AS real) AS rank,
                  count(*) OVER () AS candidates
             FROM (SELECT r.* FROM (SELECT o.id, o.observed_at, o.search FROM observations o
                                     WHERE o.org_id = :'org' AND o.status = 'TRIAGED' AND o.kind = 'BARRIER'
                                     ORDER BY o.observed_at DESC, o.id DESC LIMIT 4000) r
                    WHERE r.search @@ (SELECT any_word FROM words)
                    ORDER BY r.observed_at DESC, r.id DESC LIMIT 100) c)
SELECT id, org_id, author_id, booking_id, site_id, placement_id, observed_at, logged_at, text, kind, criterion,
       cause, tags, status, priority, theme, team, triage_due_at, triaged_at, triaged_by, declined_at,
       decline_reason, closed_at, version, updated_at, p.rank, p.candidates
  FROM (SELECT * FROM ranked ORDER BY rank DESC, pat DESC, pid DESC LIMIT 51) p
  JOIN observations o ON o.org_id = :'org' AND o.id = p.pid
 ORDER BY p.rank DESC, p.pat DESC, p.pid DESC;

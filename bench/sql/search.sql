-- ObservationSearch.find (src/main/java/org/gemba/insight/ObservationSearch.java) for q + status + kind,
-- first page; psql variables org and q.
SELECT * FROM (SELECT id, org_id, author_id, booking_id, site_id, placement_id, observed_at, logged_at, text, kind, criterion,
       cause, tags, status, priority, theme, team, triage_due_at, triaged_at, triaged_by, declined_at,
       decline_reason, closed_at, version, updated_at,
       ts_rank_cd(o.search, query_ts) AS rank
  FROM observations o CROSS JOIN insight_query(:'q') AS query_ts
 WHERE o.org_id = :'org' AND o.status = 'TRIAGED' AND o.kind = 'BARRIER' AND o.search @@ insight_query(:'q')) s
 ORDER BY s.rank DESC, s.observed_at DESC, s.id DESC LIMIT 51;

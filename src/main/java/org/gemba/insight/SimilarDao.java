package org.gemba.insight;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Earlier observations and open actions that look like one observation. The score blends trigram
 * similarity of the whole text (catches the same words re-ordered or misspelt) with the full-text
 * rank of its stemmed words (catches re-wording), plus small bonuses for the same place and cause.
 * Candidates come only through the two GIN indexes (@@ and %), never a scan of the organisation.
 */
@RegisterConstructorMapper(SimilarDao.Item.class)
public interface SimilarDao {

    record Item(String type, UUID id, BigDecimal score, String title, String text, String status) {}

    @SqlQuery("""
            WITH me AS (
                SELECT id, org_id, text, site_id, placement_id, cause, logged_at,
                       insight_query(left(text, 2000)) AS q
                  FROM observations WHERE org_id = :orgId AND id = :id)
            SELECT * FROM (
                SELECT 'OBSERVATION' AS type, o.id, NULL AS title, o.text, o.status,
                       round(CAST(0.6 * similarity(o.text, me.text)
                                  + 0.4 * coalesce(ts_rank_cd(o.search, me.q, 32), 0)
                                  + CASE WHEN o.placement_id = me.placement_id THEN 0.1
                                         WHEN o.site_id = me.site_id THEN 0.05 ELSE 0 END
                                  + CASE WHEN o.cause = me.cause THEN 0.05 ELSE 0 END AS numeric), 3) AS score
                  FROM observations o, me
                 WHERE o.org_id = me.org_id AND o.id <> me.id AND o.logged_at <= me.logged_at
                   AND (o.search @@ me.q OR o.text % me.text)
                UNION ALL
                SELECT 'ACTION', a.id, a.title, a.description, a.status,
                       round(CAST(0.6 * similarity(a.title || ' ' || coalesce(a.description, ''), me.text)
                                  + 0.4 * coalesce(ts_rank_cd(a.search, me.q, 32), 0) AS numeric), 3)
                  FROM improvement_actions a, me
                 WHERE a.org_id = me.org_id AND a.status IN ('OPEN', 'IN_PROGRESS')
                   AND (a.search @@ me.q OR a.title % me.text)
                   AND NOT EXISTS (SELECT 1 FROM action_observations ao
                                    WHERE ao.action_id = a.id AND ao.observation_id = me.id)
            ) candidates
            ORDER BY score DESC, id
            LIMIT :limit
            """)
    List<Item> similar(UUID orgId, UUID id, int limit);
}

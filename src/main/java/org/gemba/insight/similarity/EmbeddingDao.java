package org.gemba.insight.similarity;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows still without an embedding, and storing them. Claims skip rows another worker holds. */
@RegisterConstructorMapper(EmbeddingDao.Pending.class)
@RegisterRowMapper(Vectors.StoredMapper.class)
public interface EmbeddingDao {

    record Pending(UUID id, String text) {}

    /** One stored vector, quantised: type is OBSERVATION or ACTION; loggedAt in epoch milliseconds. */
    record Stored(String type, UUID id, long seq, long loggedAt, byte[] values, float scale) {}

    @SqlQuery("""
            SELECT id, text FROM observations WHERE embedding IS NULL
             ORDER BY logged_at LIMIT :limit FOR UPDATE SKIP LOCKED
            """)
    List<Pending> claimObservations(int limit);

    /** An action reads as its title, description and the observations that led to it. */
    @SqlQuery("""
            SELECT a.id, concat_ws('. ', a.title, a.description,
                       (SELECT string_agg(left(o.text, 500), '. ' ORDER BY o.logged_at)
                          FROM action_observations ao
                          JOIN observations o ON o.org_id = ao.org_id AND o.id = ao.observation_id
                         WHERE ao.org_id = a.org_id AND ao.action_id = a.id)) AS text
              FROM improvement_actions a WHERE a.embedding IS NULL
             ORDER BY a.created_at LIMIT :limit FOR UPDATE OF a SKIP LOCKED
            """)
    List<Pending> claimActions(int limit);

    @SqlUpdate("""
            UPDATE observations SET embedding = CAST(:vector AS real[]), embedding_q = :values, embedding_scale = :scale,
                   embedding_seq = nextval('embedding_seq')
             WHERE id = :id""")
    void storeObservation(UUID id, String vector, byte[] values, float scale);

    @SqlUpdate("""
            UPDATE improvement_actions SET embedding = CAST(:vector AS real[]), embedding_q = :values,
                   embedding_scale = :scale, embedding_seq = nextval('embedding_seq')
             WHERE id = :id""")
    void storeAction(UUID id, String vector, byte[] values, float scale);

    @SqlQuery("""
            SELECT (SELECT count(*) FROM observations WHERE embedding IS NULL)
                 + (SELECT count(*) FROM improvement_actions WHERE embedding IS NULL)
            """)
    long pending();

    /** How many vectors the organisation has, to size the in-memory index once. */
    @SqlQuery("""
            SELECT (SELECT count(*) FROM observations WHERE org_id = :orgId AND embedding_q IS NOT NULL)
                 + (SELECT count(*) FROM improvement_actions WHERE org_id = :orgId AND embedding_q IS NOT NULL)
            """)
    long storedCount(UUID orgId);

    /** Vectors of the organisation stored after {@code afterSeq}, oldest first. */
    @SqlQuery("""
            SELECT * FROM (
                SELECT 'OBSERVATION' AS type, id, embedding_seq AS seq,
                       CAST(floor(extract(epoch FROM logged_at) * 1000) AS bigint) AS logged_at,
                       embedding_q, embedding_scale
                  FROM observations WHERE org_id = :orgId AND embedding_q IS NOT NULL AND embedding_seq > :afterSeq
                UNION ALL
                SELECT 'ACTION', id, embedding_seq, CAST(floor(extract(epoch FROM created_at) * 1000) AS bigint),
                       embedding_q, embedding_scale
                  FROM improvement_actions
                 WHERE org_id = :orgId AND embedding_q IS NOT NULL AND embedding_seq > :afterSeq) s
             ORDER BY seq LIMIT :limit
            """)
    List<Stored> storedAfter(UUID orgId, long afterSeq, int limit);
}

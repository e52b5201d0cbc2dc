package org.gemba.scheduling;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(IdempotencyDao.Stored.class)
public interface IdempotencyDao {

    record Stored(String requestHash, Integer responseStatus, String responseBody) {}

    /**
     * Claims the key for this request, or an expired claim of it. A concurrent holder of the same key
     * makes this statement wait until that transaction ends; then it claims nothing and the caller
     * reads the stored answer.
     */
    @SqlQuery("""
            INSERT INTO idempotency_keys (org_id, user_id, key, request_hash, created_at)
            VALUES (:orgId, :userId, :key, :hash, :now)
            ON CONFLICT (org_id, user_id, key) DO UPDATE
               SET request_hash = excluded.request_hash, created_at = excluded.created_at,
                   response_status = NULL, response_body = NULL
             WHERE idempotency_keys.created_at < :expiredBefore
            RETURNING true
            """)
    Optional<Boolean> claim(UUID orgId, UUID userId, String key, String hash, Instant now, Instant expiredBefore);

    @SqlQuery("""
            SELECT request_hash, response_status, response_body
              FROM idempotency_keys WHERE org_id = :orgId AND user_id = :userId AND key = :key
            """)
    Optional<Stored> find(UUID orgId, UUID userId, String key);

    @SqlUpdate("""
            UPDATE idempotency_keys SET response_status = :status, response_body = :body
             WHERE org_id = :orgId AND user_id = :userId AND key = :key
            """)
    void answer(UUID orgId, UUID userId, String key, int status, String body);
}

package org.gemba.people;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(TokenDao.Row.class)
public interface TokenDao {

    record Row(UUID id, String name, Instant createdAt, Instant revokedAt) {}

    @SqlQuery("""
            INSERT INTO api_tokens (org_id, user_id, name, token_hash) VALUES (:orgId, :userId, :name, :tokenHash)
            RETURNING id, name, created_at, revoked_at
            """)
    Row insert(UUID orgId, UUID userId, String name, String tokenHash);

    @SqlQuery("""
            SELECT id, name, created_at, revoked_at FROM api_tokens
             WHERE org_id = :orgId AND user_id = :userId AND revoked_at IS NULL
             ORDER BY created_at DESC, id DESC
            """)
    List<Row> listActive(UUID orgId, UUID userId);

    @SqlUpdate("""
            UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now())
             WHERE id = :id AND org_id = :orgId AND user_id = :userId
            """)
    int revoke(UUID orgId, UUID userId, UUID id);
}

package org.gemba.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(NotificationDao.Row.class)
public interface NotificationDao {

    record Row(UUID id, String type, String subject, String body, String entityType, UUID entityId,
               Instant createdAt, Instant readAt) {}

    @SqlUpdate("""
            INSERT INTO notifications (org_id, user_id, type, subject, body, entity_type, entity_id)
            VALUES (:orgId, :userId, :type, :subject, :body, :entityType, :entityId)
            """)
    @GetGeneratedKeys("id")
    UUID insert(UUID orgId, UUID userId, String type, String subject, String body, String entityType, UUID entityId);

    @SqlQuery("""
            SELECT id, type, subject, body, entity_type, entity_id, created_at, read_at
              FROM notifications
             WHERE org_id = :orgId AND user_id = :userId
               AND (NOT :unreadOnly OR read_at IS NULL)
               AND (CAST(:afterCreatedAt AS timestamptz) IS NULL
                    OR (created_at, id) < (:afterCreatedAt, CAST(:afterId AS uuid)))
             ORDER BY created_at DESC, id DESC
             LIMIT :limit
            """)
    List<Row> list(UUID orgId, UUID userId, boolean unreadOnly, Instant afterCreatedAt, UUID afterId, int limit);

    @SqlQuery("""
            UPDATE notifications SET read_at = coalesce(read_at, now())
             WHERE id = :id AND org_id = :orgId AND user_id = :userId
            RETURNING id, type, subject, body, entity_type, entity_id, created_at, read_at
            """)
    Optional<Row> markRead(UUID orgId, UUID userId, UUID id);
}

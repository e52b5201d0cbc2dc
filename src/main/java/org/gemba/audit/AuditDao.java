package org.gemba.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(AuditDao.Row.class)
public interface AuditDao {

    record Row(long id, UUID actorId, String actorName, Instant at, String entityType, UUID entityId,
               String action, String changes, String reason) {}

    @SqlUpdate("""
            INSERT INTO audit_log (org_id, actor_id, entity_type, entity_id, action, changes, reason)
            VALUES (:orgId, :actorId, :entityType, :entityId, :action, CAST(:changes AS jsonb), :reason)
            """)
    void insert(UUID orgId, UUID actorId, String entityType, UUID entityId, String action, String changes, String reason);

    /** Newest first; keyset on the identity column. */
    @SqlQuery("""
            SELECT a.id, a.actor_id, u.name AS actor_name, a.at, a.entity_type, a.entity_id, a.action,
                   a.changes::text AS changes, a.reason
              FROM audit_log a
              LEFT JOIN users u ON u.id = a.actor_id AND u.org_id = a.org_id
             WHERE a.org_id = :orgId
               AND (CAST(:entityId AS uuid) IS NULL OR a.entity_id = :entityId)
               AND (CAST(:actorId AS uuid) IS NULL OR a.actor_id = :actorId)
               AND (CAST(:from AS timestamptz) IS NULL OR a.at >= :from)
               AND (CAST(:to AS timestamptz) IS NULL OR a.at < :to)
               AND (CAST(:afterId AS bigint) IS NULL OR a.id < :afterId)
             ORDER BY a.id DESC
             LIMIT :limit
            """)
    List<Row> list(UUID orgId, UUID entityId, UUID actorId, Instant from, Instant to, Long afterId, int limit);
}

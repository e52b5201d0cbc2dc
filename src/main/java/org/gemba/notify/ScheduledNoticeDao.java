package org.gemba.notify;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface ScheduledNoticeDao {

    /**
     * Takes the notice's key; empty when it was already taken. A concurrent transaction holding the
     * same key makes this wait for it, then do nothing: the notice exists once.
     */
    @SqlQuery("""
            INSERT INTO scheduled_notices (kind, entity_id, period, org_id)
            VALUES (:kind, :entityId, :period, :orgId)
            ON CONFLICT DO NOTHING
            RETURNING kind
            """)
    Optional<String> take(String kind, UUID entityId, String period, UUID orgId);

    @SqlUpdate("""
            UPDATE scheduled_notices SET notification_id = :notificationId
             WHERE kind = :kind AND entity_id = :entityId AND period = :period
            """)
    void link(String kind, UUID entityId, String period, UUID notificationId);
}

package org.gemba.notify;

import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface PreferenceDao {

    @SqlQuery("SELECT type, email FROM notification_preferences WHERE org_id = :orgId AND user_id = :userId")
    @KeyColumn("type")
    @ValueColumn("email")
    Map<String, Boolean> emailByType(UUID orgId, UUID userId);

    @SqlUpdate("""
            INSERT INTO notification_preferences (org_id, user_id, type, email, updated_at)
            VALUES (:orgId, :userId, :type, :email, now())
            ON CONFLICT (user_id, type) DO UPDATE SET email = EXCLUDED.email, updated_at = now()
            """)
    void set(UUID orgId, UUID userId, String type, boolean email);
}

package org.gemba.scheduling.calendar;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(CalendarFeedDao.Feed.class)
public interface CalendarFeedDao {

    record Feed(UUID orgId, UUID userId, int generation, String tokenHash) {}

    @SqlUpdate("""
            INSERT INTO calendar_feeds (org_id, user_id, generation, token_hash)
            VALUES (:orgId, :userId, 1, :tokenHash)
            ON CONFLICT (org_id, user_id) DO NOTHING
            """)
    int insertIfAbsent(UUID orgId, UUID userId, String tokenHash);

    @SqlQuery("""
            SELECT org_id, user_id, generation, token_hash FROM calendar_feeds
             WHERE org_id = :orgId AND user_id = :userId
             FOR UPDATE
            """)
    Feed lock(UUID orgId, UUID userId);

    @SqlUpdate("""
            UPDATE calendar_feeds SET generation = :generation, token_hash = :tokenHash,
                   rotated_at = CASE WHEN generation <> :generation THEN now() ELSE rotated_at END
             WHERE org_id = :orgId AND user_id = :userId
            """)
    int update(UUID orgId, UUID userId, int generation, String tokenHash);

    /** The feed a token opens, only while its leader is still an active user. */
    @SqlQuery("""
            SELECT f.org_id, f.user_id, f.generation, f.token_hash
              FROM calendar_feeds f
              JOIN users u ON u.org_id = f.org_id AND u.id = f.user_id
             WHERE f.token_hash = :tokenHash AND u.active
            """)
    Optional<Feed> findByTokenHash(String tokenHash);
}

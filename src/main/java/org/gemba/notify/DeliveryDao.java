package org.gemba.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * E-mail delivery state of notifications. The worker is the one reader that spans organisations:
 * it serves every tenant's queue, and each row carries its own org_id.
 */
@RegisterConstructorMapper(DeliveryDao.Claimed.class)
public interface DeliveryDao {

    /** A notification this worker now holds the lease on, with what it needs to address the mail. */
    record Claimed(UUID id, UUID orgId, UUID userId, String type, String subject, String body, String entityType,
                   UUID entityId, Instant createdAt, int attempts, String email, String name, boolean active,
                   boolean optedOut) {}

    /**
     * Claims up to {@code batch} due notifications (of every organisation, or only {@code onlyOrg}):
     * waiting ones, and claimed ones whose lease ran out (their worker died). SKIP LOCKED lets concurrent workers take disjoint rows; the lease is
     * committed before any mail is sent, so nobody else takes the row while it is being sent.
     */
    @SqlQuery("""
            WITH due AS (
                SELECT id FROM notifications
                 WHERE delivery_status IN ('PENDING', 'SENDING')
                   AND next_attempt_at <= :now
                   AND attempts < :maxAttempts
                   AND (CAST(:onlyOrg AS uuid) IS NULL OR org_id = :onlyOrg)
                 ORDER BY next_attempt_at
                 LIMIT :batch
                   FOR UPDATE SKIP LOCKED)
            UPDATE notifications n
               SET delivery_status = 'SENDING', attempts = n.attempts + 1,
                   claimed_until = :leaseUntil, next_attempt_at = :leaseUntil
              FROM due, users u
             WHERE n.id = due.id AND u.org_id = n.org_id AND u.id = n.user_id
            RETURNING n.id, n.org_id, n.user_id, n.type, n.subject, n.body, n.entity_type, n.entity_id, n.created_at,
                      n.attempts, u.email, u.name, u.active,
                      EXISTS (SELECT 1 FROM notification_preferences p
                               WHERE p.user_id = n.user_id AND p.type = n.type AND NOT p.email) AS opted_out
            """)
    List<Claimed> claim(Instant now, Instant leaseUntil, int batch, int maxAttempts, UUID onlyOrg);

    /** Claims whose last permitted attempt never reported back (the worker died each time). */
    @SqlQuery("""
            UPDATE notifications
               SET delivery_status = 'FAILED', claimed_until = NULL,
                   last_error = 'gave up after ' || attempts || ' attempts that never reported back'
             WHERE delivery_status = 'SENDING' AND next_attempt_at <= :now AND attempts >= :maxAttempts
               AND (CAST(:onlyOrg AS uuid) IS NULL OR org_id = :onlyOrg)
            RETURNING id
            """)
    List<UUID> abandonExhausted(Instant now, int maxAttempts, UUID onlyOrg);

    // Outcomes are fenced by the attempt number: a worker whose lease was taken over cannot
    // overwrite the outcome of the newer attempt.

    @SqlUpdate("""
            UPDATE notifications
               SET delivery_status = 'SENT', sent_at = :now, claimed_until = NULL, last_error = NULL
             WHERE id = :id AND delivery_status = 'SENDING' AND attempts = :attempt
            """)
    int markSent(UUID id, int attempt, Instant now);

    @SqlUpdate("""
            UPDATE notifications
               SET delivery_status = 'PENDING', next_attempt_at = :nextAttemptAt, claimed_until = NULL,
                   last_error = :error
             WHERE id = :id AND delivery_status = 'SENDING' AND attempts = :attempt
            """)
    int markRetry(UUID id, int attempt, Instant nextAttemptAt, String error);

    @SqlUpdate("""
            UPDATE notifications
               SET delivery_status = 'FAILED', claimed_until = NULL, last_error = :error
             WHERE id = :id AND delivery_status = 'SENDING' AND attempts = :attempt
            """)
    int markFailed(UUID id, int attempt, String error);

    /** Claimed rows that need no mail sent, each with its reason: a whole batch in one statement. */
    @SqlUpdate("""
            UPDATE notifications n
               SET delivery_status = 'SKIPPED', claimed_until = NULL, last_error = s.reason
              FROM unnest(CAST(:ids AS uuid[]), CAST(:attempts AS int[]), CAST(:reasons AS text[]))
                   AS s(id, attempt, reason)
             WHERE n.id = s.id AND n.delivery_status = 'SENDING' AND n.attempts = s.attempt
            """)
    int markSkipped(UUID[] ids, int[] attempts, String[] reasons);

    /**
     * Hands claimed rows back untried (the attempt is not counted): the mail server is down, or the
     * lease is running out. Fenced by the lease, so rows another worker has since claimed are left alone.
     */
    @SqlUpdate("""
            UPDATE notifications
               SET delivery_status = 'PENDING', attempts = attempts - 1, next_attempt_at = :nextAttemptAt,
                   claimed_until = NULL
             WHERE id = ANY(:ids) AND delivery_status = 'SENDING' AND claimed_until = :leaseUntil
            """)
    int release(UUID[] ids, Instant leaseUntil, Instant nextAttemptAt);
}

package org.gemba.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(WaitlistDao.Entry.class)
public interface WaitlistDao {

    record Entry(UUID id, UUID shiftId, UUID leaderId, String status, Instant createdAt, int position) {}

    String SELECT = """
            SELECT w.id, w.shift_id, w.leader_id, w.status, w.created_at,
                   (SELECT count(*) FROM waitlist_entries o
                     WHERE o.shift_id = w.shift_id AND o.status = 'WAITING'
                       AND (o.created_at, o.id) <= (w.created_at, w.id)) AS position
              FROM waitlist_entries w
            """;

    /** The queue orders by arrival, so the database's own wall clock stamps it, not the business clock. */
    @SqlQuery("""
            INSERT INTO waitlist_entries (org_id, shift_id, leader_id, created_at)
            VALUES (:orgId, :shiftId, :leaderId, clock_timestamp()) RETURNING id
            """)
    UUID insert(UUID orgId, UUID shiftId, UUID leaderId);

    @SqlQuery(SELECT + " WHERE w.org_id = :orgId AND w.id = :id")
    Optional<Entry> find(UUID orgId, UUID id);

    @SqlQuery(SELECT + " WHERE w.org_id = :orgId AND w.shift_id = :shiftId AND w.leader_id = :leaderId AND w.status = 'WAITING'")
    Optional<Entry> waiting(UUID orgId, UUID shiftId, UUID leaderId);

    /** The queue in order: first come, first served (id breaks a tie of equal instants). */
    @SqlQuery(SELECT + " WHERE w.org_id = :orgId AND w.shift_id = :shiftId AND w.status = 'WAITING' ORDER BY w.created_at, w.id")
    List<Entry> queue(UUID orgId, UUID shiftId);

    @SqlUpdate("""
            UPDATE waitlist_entries SET status = :status, resolved_at = :now, note = :note
             WHERE org_id = :orgId AND id = :id AND status = 'WAITING'
            """)
    boolean resolve(UUID orgId, UUID id, String status, String note, Instant now);
}

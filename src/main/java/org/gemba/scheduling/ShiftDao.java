package org.gemba.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ShiftRow.class)
public interface ShiftDao {

    String SELECT = """
            SELECT s.id, s.org_id, s.placement_id, p.name AS placement_name, p.site_id, st.name AS site_name,
                   st.time_zone, s.series_id, s.starts_at, s.ends_at, s.capacity, s.booked_count, s.status,
                   s.cancel_reason, s.sequence, s.version, s.created_at, s.updated_at, p.required_trainings,
                   p.max_leaders_per_week, p.exclude_own_directorate, p.directorate
              FROM shifts s
              JOIN placements p ON p.org_id = s.org_id AND p.id = s.placement_id
              JOIN sites st ON st.org_id = p.org_id AND st.id = p.site_id
            """;

    @SqlQuery("""
            INSERT INTO shifts (org_id, placement_id, series_id, starts_at, ends_at, capacity, created_by)
            VALUES (:orgId, :placementId, :seriesId, :startsAt, :endsAt, :capacity, :createdBy)
            RETURNING id
            """)
    UUID insert(UUID orgId, UUID placementId, UUID seriesId, Instant startsAt, Instant endsAt, int capacity,
                UUID createdBy);

    @SqlQuery(SELECT + " WHERE s.org_id = :orgId AND s.id = :id")
    Optional<ShiftRow> find(UUID orgId, UUID id);

    @SqlQuery(SELECT + " WHERE s.org_id = :orgId AND s.id = :id FOR UPDATE OF s")
    Optional<ShiftRow> lock(UUID orgId, UUID id);

    @SqlQuery(SELECT + " WHERE s.org_id = :orgId AND s.series_id = :seriesId ORDER BY s.starts_at, s.id")
    List<ShiftRow> bySeries(UUID orgId, UUID seriesId);

    /**
     * Takes a place: the conditional increment takes the row lock, so concurrent bookings of one
     * shift queue here and none can overbook. Returns false when the shift is full or cancelled.
     */
    @SqlUpdate("""
            UPDATE shifts SET booked_count = booked_count + 1
             WHERE org_id = :orgId AND id = :id AND status = 'OPEN' AND booked_count < capacity
            """)
    boolean takePlace(UUID orgId, UUID id);

    @SqlUpdate("UPDATE shifts SET booked_count = booked_count - 1 WHERE org_id = :orgId AND id = :id AND booked_count > 0")
    void freePlace(UUID orgId, UUID id);

    /** Every change of time, capacity or status grows the calendar SEQUENCE and the version. */
    @SqlUpdate("""
            UPDATE shifts SET starts_at = :startsAt, ends_at = :endsAt, capacity = :capacity,
                   sequence = sequence + 1, version = version + 1, updated_at = :now
             WHERE org_id = :orgId AND id = :id
            """)
    void change(UUID orgId, UUID id, Instant startsAt, Instant endsAt, int capacity, Instant now);

    @SqlUpdate("""
            UPDATE shifts SET status = 'CANCELLED', cancel_reason = :reason, booked_count = 0,
                   sequence = sequence + 1, version = version + 1, updated_at = :now
             WHERE org_id = :orgId AND id = :id
            """)
    void cancel(UUID orgId, UUID id, String reason, Instant now);

    /** Keeps every booking's range equal to its shift's window (the overlap constraint reads it). */
    @SqlUpdate("""
            UPDATE bookings b SET during = tstzrange(s.starts_at, s.ends_at, '[)'), version = b.version + 1
              FROM shifts s
             WHERE s.org_id = :orgId AND s.id = :id AND b.org_id = s.org_id AND b.shift_id = s.id
            """)
    void moveBookings(UUID orgId, UUID id);

    /** Sorted by start, id as the tie-breaker; a shift is in the window when it starts inside it. */
    @SqlQuery(SELECT + """
             WHERE s.org_id = :orgId
               AND s.starts_at >= :from AND s.starts_at < :to
               AND (CAST(:siteId AS uuid) IS NULL OR p.site_id = :siteId)
               AND (CAST(:placementId AS uuid) IS NULL OR s.placement_id = :placementId)
               AND (NOT :available OR (s.status = 'OPEN' AND s.booked_count < s.capacity))
               AND (CAST(:afterStart AS timestamptz) IS NULL
                    OR (s.starts_at, s.id) > (CAST(:afterStart AS timestamptz), CAST(:afterId AS uuid)))
             ORDER BY s.starts_at, s.id
             LIMIT :limit
            """)
    List<ShiftRow> list(UUID orgId, Instant from, Instant to, UUID siteId, UUID placementId, boolean available,
                        Instant afterStart, UUID afterId, int limit);
}

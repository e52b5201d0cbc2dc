package org.gemba.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(BookingRow.class)
public interface BookingDao {

    String SELECT = """
            SELECT b.id, b.shift_id, b.leader_id, u.name AS leader_name, b.status, lower(b.during) AS starts_at,
                   upper(b.during) AS ends_at, b.booked_by, b.override, b.reason, b.late, b.created_at,
                   b.cancelled_at, b.cancelled_by, b.cancel_reason, b.actual_start, b.actual_end,
                   b.credited_minutes, b.version, s.placement_id, p.name AS placement_name, p.site_id,
                   st.name AS site_name, st.time_zone
              FROM bookings b
              JOIN users u ON u.org_id = b.org_id AND u.id = b.leader_id
              JOIN shifts s ON s.org_id = b.org_id AND s.id = b.shift_id
              JOIN placements p ON p.org_id = s.org_id AND p.id = s.placement_id
              JOIN sites st ON st.org_id = p.org_id AND st.id = p.site_id
            """;

    /** The booking's range is copied from its shift, so the overlap constraint sees the real window. */
    @SqlQuery("""
            INSERT INTO bookings (org_id, shift_id, leader_id, during, booked_by, override, reason, created_at)
            SELECT s.org_id, s.id, :leaderId, tstzrange(s.starts_at, s.ends_at, '[)'), :bookedBy, :override,
                   :reason, :now
              FROM shifts s WHERE s.org_id = :orgId AND s.id = :shiftId
            RETURNING id
            """)
    UUID insert(UUID orgId, UUID shiftId, UUID leaderId, UUID bookedBy, boolean override, String reason, Instant now);

    @SqlQuery(SELECT + " WHERE b.org_id = :orgId AND b.id = :id")
    Optional<BookingRow> find(UUID orgId, UUID id);

    @SqlQuery(SELECT + " WHERE b.org_id = :orgId AND b.id = :id FOR UPDATE OF b")
    Optional<BookingRow> lock(UUID orgId, UUID id);

    @SqlQuery(SELECT + " WHERE b.org_id = :orgId AND b.shift_id = :shiftId ORDER BY b.created_at, b.id")
    List<BookingRow> forShift(UUID orgId, UUID shiftId);

    @SqlQuery(SELECT + " WHERE b.org_id = :orgId AND b.shift_id = :shiftId AND b.status = 'BOOKED' ORDER BY b.created_at, b.id")
    List<BookingRow> bookedForShift(UUID orgId, UUID shiftId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM bookings WHERE org_id = :orgId AND shift_id = :shiftId AND leader_id = :leaderId AND status <> 'CANCELLED')")
    boolean hasLiveBooking(UUID orgId, UUID shiftId, UUID leaderId);

    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM bookings b JOIN shifts s ON s.org_id = b.org_id AND s.id = :shiftId
                            WHERE b.org_id = :orgId AND b.leader_id = :leaderId AND b.status IN ('BOOKED', 'ATTENDED')
                              AND b.during && tstzrange(s.starts_at, s.ends_at, '[)'))
            """)
    boolean overlaps(UUID orgId, UUID shiftId, UUID leaderId);

    /** Distinct leaders other than {@code leaderId} with active bookings at the placement in [from, to). */
    @SqlQuery("""
            SELECT count(DISTINCT b.leader_id) FILTER (WHERE b.leader_id <> :leaderId) AS others,
                   bool_or(b.leader_id = :leaderId) AS mine
              FROM bookings b JOIN shifts s ON s.org_id = b.org_id AND s.id = b.shift_id
             WHERE b.org_id = :orgId AND s.placement_id = :placementId AND b.status IN ('BOOKED', 'ATTENDED')
               AND s.starts_at >= :from AND s.starts_at < :to
            """)
    @RegisterConstructorMapper(WeekLoad.class)
    WeekLoad weekLoad(UUID orgId, UUID placementId, UUID leaderId, Instant from, Instant to);

    record WeekLoad(int others, Boolean mine) {}

    @SqlUpdate("""
            UPDATE bookings SET status = 'CANCELLED', cancelled_at = :now, cancelled_by = :by, cancel_reason = :reason,
                   late = :late, version = version + 1
             WHERE org_id = :orgId AND id = :id
            """)
    void cancel(UUID orgId, UUID id, UUID by, String reason, boolean late, Instant now);

    @SqlUpdate("""
            UPDATE bookings SET status = :status, actual_start = :actualStart, actual_end = :actualEnd,
                   credited_minutes = :minutes, attendance_by = :by, attendance_at = :now, version = version + 1
             WHERE org_id = :orgId AND id = :id
            """)
    void attendance(UUID orgId, UUID id, String status, Instant actualStart, Instant actualEnd, Integer minutes,
                    UUID by, Instant now);

    /** Sorted by shift start, id as the tie-breaker. */
    @SqlQuery(SELECT + """
             WHERE b.org_id = :orgId
               AND (CAST(:leaderId AS uuid) IS NULL OR b.leader_id = :leaderId)
               AND (CAST(:status AS text) IS NULL OR b.status = :status)
               AND (CAST(:from AS timestamptz) IS NULL OR lower(b.during) >= :from)
               AND (CAST(:to AS timestamptz) IS NULL OR lower(b.during) < :to)
               AND (CAST(:afterStart AS timestamptz) IS NULL
                    OR (lower(b.during), b.id) > (CAST(:afterStart AS timestamptz), CAST(:afterId AS uuid)))
             ORDER BY lower(b.during), b.id
             LIMIT :limit
            """)
    List<BookingRow> list(UUID orgId, UUID leaderId, String status, Instant from, Instant to, Instant afterStart,
                          UUID afterId, int limit);
}

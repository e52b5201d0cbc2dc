package org.gemba.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
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

    /** What book_shift answers: a refusal with what words it, or the booking. */
    record Outcome(BookingRefusal refusal, BookingRefusal.Subject subject, BookingRow booking) {

        public static final class Mapper implements RowMapper<Outcome> {
            @Override
            public Outcome map(ResultSet rs, StatementContext ctx) throws SQLException {
                BookingRefusal refusal = BookingRefusal.of(rs.getString("refusal"),
                        rs.getArray("missing") == null ? null : (String[]) rs.getArray("missing").getArray(),
                        rs.getObject("week_start", LocalDate.class));
                BookingRefusal.Subject subject = new BookingRefusal.Subject(rs.getString("leader_name"),
                        rs.getString("placement_name"), rs.getString("directorate"),
                        rs.getObject("capacity", Integer.class), rs.getObject("max_leaders_per_week", Integer.class));
                BookingRow booking = refusal != null ? null
                        : ctx.findRowMapperFor(BookingRow.class).orElseThrow().map(rs, ctx);
                return new Outcome(refusal, subject, booking);
            }
        }
    }

    /** The whole of POST /bookings in one statement (migration 0110): rules, locks, booking, audit, notification. */
    @SqlQuery("""
            SELECT * FROM book_shift(:orgId, :shiftId, :leaderId, :bookedBy, :bookedByName, :override, :reason, :now,
                                     CAST(:minNotice AS interval))
            """)
    @RegisterRowMapper(Outcome.Mapper.class)
    Outcome book(UUID orgId, UUID shiftId, UUID leaderId, UUID bookedBy, String bookedByName, boolean override,
                 String reason, Instant now, String minNotice);

    record Placed(String refusal, String[] missing, LocalDate weekStart, UUID bookingId) {}

    /** Applies the booking rules, takes a place and writes the booking; the caller holds the locks. */
    @SqlQuery("SELECT * FROM booking_place(:orgId, :shiftId, :leaderId, :bookedBy, :override, :reason, :now)")
    @RegisterConstructorMapper(Placed.class)
    Placed place(UUID orgId, UUID shiftId, UUID leaderId, UUID bookedBy, boolean override, String reason, Instant now);

    /** The rules that depend only on the placement and the leader (trainings, directorate). */
    @SqlQuery("SELECT refusal, missing, week_start, NULL::uuid AS booking_id FROM booking_refusal(:orgId, :shiftId, :leaderId, true)")
    @RegisterConstructorMapper(Placed.class)
    Placed staticRefusal(UUID orgId, UUID shiftId, UUID leaderId);

    @SqlQuery(SELECT + " WHERE b.org_id = :orgId AND b.id = :id")
    Optional<BookingRow> find(UUID orgId, UUID id);

    @SqlQuery(SELECT + " WHERE b.org_id = :orgId AND b.id = :id FOR UPDATE OF b")
    Optional<BookingRow> lock(UUID orgId, UUID id);

    @SqlQuery(SELECT + " WHERE b.org_id = :orgId AND b.shift_id = :shiftId ORDER BY b.created_at, b.id")
    List<BookingRow> forShift(UUID orgId, UUID shiftId);

    @SqlQuery(SELECT + " WHERE b.org_id = :orgId AND b.shift_id = :shiftId AND b.status = 'BOOKED' ORDER BY b.created_at, b.id")
    List<BookingRow> bookedForShift(UUID orgId, UUID shiftId);

    /** Whether joining the waitlist is pointless (booking_refusal applies the same rule when booking). */
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM bookings WHERE org_id = :orgId AND shift_id = :shiftId AND leader_id = :leaderId AND status <> 'CANCELLED')")
    boolean hasLiveBooking(UUID orgId, UUID shiftId, UUID leaderId);


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

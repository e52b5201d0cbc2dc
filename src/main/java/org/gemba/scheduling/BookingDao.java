package org.gemba.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
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

    /** What book_shift answers: a refusal with what words it, or the booking. */
    record Outcome(BookingRefusal refusal, BookingRefusal.Subject subject, BookingRow booking) {

        static Outcome map(ResultSet rs, StatementContext ctx) throws SQLException {
            BookingRefusal refusal = BookingRefusal.of(rs.getString("refusal"),
                    rs.getArray("missing") == null ? null : (String[]) rs.getArray("missing").getArray(),
                    rs.getObject("week_start", LocalDate.class));
            BookingRefusal.Subject subject = new BookingRefusal.Subject(rs.getString("leader_name"),
                    rs.getString("placement_name"), rs.getString("directorate"),
                    rs.getObject("capacity", Integer.class), rs.getObject("max_leaders_per_week", Integer.class));
            return new Outcome(refusal, subject, refusal != null ? null : new BookingRow(
                    rs.getObject("id", UUID.class), rs.getObject("shift_id", UUID.class),
                    rs.getObject("leader_id", UUID.class), rs.getString("leader_name"), rs.getString("status"),
                    instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getObject("booked_by", UUID.class),
                    rs.getBoolean("override"), rs.getString("reason"), rs.getBoolean("late"), instant(rs, "created_at"),
                    instant(rs, "cancelled_at"), rs.getObject("cancelled_by", UUID.class), rs.getString("cancel_reason"),
                    instant(rs, "actual_start"), instant(rs, "actual_end"), rs.getObject("credited_minutes", Integer.class),
                    rs.getInt("version"), rs.getObject("placement_id", UUID.class), rs.getString("placement_name"),
                    rs.getObject("site_id", UUID.class), rs.getString("site_name"), rs.getString("time_zone")));
        }

        private static Instant instant(ResultSet rs, String column) throws SQLException {
            OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
    }

    String BOOK = """
            SELECT * FROM book_shift(:orgId, :shiftId, :leaderId, :bookedBy, :bookedByName, :override, :reason, :now,
                                     CAST(:minNotice AS interval))
            """;

    /**
     * The whole of POST /bookings in one statement (migration 0110): rules, locks, booking, audit, notification.
     * Its row is either a refusal with the details that word it or the booking, hence the hand-written
     * mapper ({@link Outcome#map}).
     */
    static Outcome book(Handle h, UUID orgId, UUID shiftId, UUID leaderId, UUID bookedBy, String bookedByName,
                        boolean override, String reason, Instant now, Duration minNotice) {
        return h.createQuery(BOOK).bind("orgId", orgId).bind("shiftId", shiftId).bind("leaderId", leaderId)
                .bind("bookedBy", bookedBy).bind("bookedByName", bookedByName).bind("override", override)
                .bind("reason", reason).bind("now", now).bind("minNotice", minNotice.toString())
                .map(Outcome::map).one();
    }

    record Placed(String refusal, String[] missing, LocalDate weekStart, UUID bookingId) {
        /** Null when booking_place / booking_refusal allowed it. */
        BookingRefusal asRefusal() {
            return BookingRefusal.of(refusal, missing, weekStart);
        }
    }

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

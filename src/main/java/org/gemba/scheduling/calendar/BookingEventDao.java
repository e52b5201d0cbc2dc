package org.gemba.scheduling.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What a calendar event needs to know about a booking, its shift, placement, site and hosts. */
@RegisterConstructorMapper(BookingEventDao.EventRow.class)
public interface BookingEventDao {

    record EventRow(UUID bookingId, String bookingStatus, String bookingCancelReason, Instant startsAt,
                    Instant endsAt, int sequence, String shiftStatus, String shiftCancelReason,
                    String placementName, String siteName, String siteAddress, String hosts, Instant stamp) {}

    String SELECT = """
            SELECT b.id AS booking_id, b.status AS booking_status, b.cancel_reason AS booking_cancel_reason,
                   s.starts_at, s.ends_at, s.sequence, s.status AS shift_status,
                   s.cancel_reason AS shift_cancel_reason, p.name AS placement_name,
                   st.name AS site_name, st.address AS site_address,
                   (SELECT string_agg(u.name, ', ' ORDER BY u.name)
                      FROM placement_hosts ph JOIN users u ON u.org_id = ph.org_id AND u.id = ph.user_id
                     WHERE ph.org_id = p.org_id AND ph.placement_id = p.id) AS hosts,
                   greatest(s.updated_at, b.created_at, b.cancelled_at, b.attendance_at) AS stamp
              FROM bookings b
              JOIN shifts s ON s.org_id = b.org_id AND s.id = b.shift_id
              JOIN placements p ON p.org_id = s.org_id AND p.id = s.placement_id
              JOIN sites st ON st.org_id = p.org_id AND st.id = p.site_id
            """;

    @SqlQuery(SELECT + """
             WHERE b.org_id = :orgId AND b.leader_id = :leaderId AND s.starts_at >= :from
             ORDER BY s.starts_at, b.id
             LIMIT :limit
            """)
    List<EventRow> forLeader(UUID orgId, UUID leaderId, Instant from, int limit);

    @SqlQuery(SELECT + " WHERE b.org_id = :orgId AND b.id = :bookingId")
    Optional<EventRow> forBooking(UUID orgId, UUID bookingId);
}

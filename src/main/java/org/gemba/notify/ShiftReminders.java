package org.gemba.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * A reminder to the leader 48 hours before each booked shift. The period is the shift's start, so
 * a shift moved to another time is reminded again. A booking made inside the 48 hours gets no
 * reminder: its confirmation has just told the leader.
 */
public class ShiftReminders implements NoticeRule {
    static final String KIND = "SHIFT_REMINDER";
    static final Duration AHEAD = Duration.ofHours(48);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    public record Due(UUID orgId, UUID bookingId, UUID leaderId, Instant startsAt, Instant endsAt, String placement,
               String site, String timeZone, String address, String period) {}

    @Override
    public List<Notice> due(Handle h, Instant now, int limit) {
        return h.createQuery("""
                        SELECT b.org_id, b.id AS booking_id, b.leader_id, s.starts_at, s.ends_at,
                               p.name AS placement, si.name AS site, si.time_zone, si.address,
                               to_char(s.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS period
                          FROM shifts s
                          JOIN bookings b ON b.org_id = s.org_id AND b.shift_id = s.id
                          JOIN placements p ON p.org_id = s.org_id AND p.id = s.placement_id
                          JOIN sites si ON si.org_id = p.org_id AND si.id = p.site_id
                         WHERE s.status = 'OPEN' AND b.status = 'BOOKED'
                           AND s.starts_at > :now AND s.starts_at <= :until
                           AND b.created_at < s.starts_at - interval '48 hours'
                           AND NOT EXISTS (
                               SELECT 1 FROM scheduled_notices sn
                                WHERE sn.kind = 'SHIFT_REMINDER' AND sn.entity_id = b.id
                                  AND sn.period = to_char(s.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                         ORDER BY s.starts_at, b.id
                         LIMIT :limit
                        """)
                .bind("now", now).bind("until", now.plus(AHEAD)).bind("limit", limit)
                .map(ConstructorMapper.of(Due.class)).list().stream().map(ShiftReminders::notice).toList();
    }

    private static Notice notice(Due d) {
        ZoneId zone = zone(d.timeZone());
        String day = DAY.format(d.startsAt().atZone(zone));
        String from = TIME.format(d.startsAt().atZone(zone));
        String to = TIME.format(d.endsAt().atZone(zone));
        String subject = "Reminder: " + d.placement() + " on " + day + " at " + from;
        String body = "Your shift shadowing " + d.placement() + " at " + d.site()
                + (d.address() == null ? "" : " (" + d.address() + ")")
                + " is on " + day + ", " + from + "–" + to + " (" + zone.getId() + ").\n"
                + "We remind every leader 48 hours before a booked shift. If you can no longer go, please cancel "
                + "the booking with a reason, so the host knows and someone on the waitlist can take your place.";
        return new Notice(KIND, d.bookingId(), d.period(), d.orgId(), d.leaderId(), NotificationType.SHIFT_REMINDER,
                subject, body, "BOOKING", d.bookingId());
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("Europe/London");
        }
    }
}

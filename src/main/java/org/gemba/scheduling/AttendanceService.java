package org.gemba.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Caller;
import org.gemba.common.ApiException;
import org.gemba.common.Checks;
import org.gemba.common.ErrorCode;
import org.gemba.common.UserId;
import org.gemba.notify.NotificationType;
import org.gemba.notify.Notifications;
import org.jdbi.v3.core.Jdbi;

/**
 * Records who came. A booking may be recorded again (ATTENDED ↔ NO_SHOW, or corrected instants):
 * hosts make mistakes, and the audit trail keeps every version.
 */
public class AttendanceService {
    static final Duration EARLY = Duration.ofHours(2);
    static final Duration LATE = Duration.ofHours(4);
    static final Duration LONGEST = Duration.ofHours(12);

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Clock clock;

    AttendanceService(Jdbi jdbi, AuditLog audit, Notifications notifications, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    public BookingView record(Caller caller, UUID id, BookingRequests.Attendance req) {
        UUID org = caller.orgId().value();
        return jdbi.inTransaction(h -> {
            BookingDao bookings = h.attach(BookingDao.class);
            BookingRow b = bookings.find(org, id)
                    .filter(r -> caller.isOffice()
                            || h.attach(PlacementDao.class).isHost(org, r.placementId(), caller.id().value()))
                    .orElseThrow(() -> ApiException.notFound("Booking"));
            b = bookings.lock(org, id).orElseThrow();
            if ("CANCELLED".equals(b.status())) {
                throw new ApiException(ErrorCode.INVALID_TRANSITION, "A cancelled booking has no attendance.");
            }
            Instant now = clock.instant();
            if (now.isBefore(b.startsAt())) {
                throw new ApiException(ErrorCode.SHIFT_NOT_STARTED, "Attendance can be recorded once the shift has started.");
            }
            boolean attended = "ATTENDED".equals(req.status());
            Integer minutes = null;
            if (attended) {
                minutes = check(b, req.actualStart(), req.actualEnd());
            }
            Integer credited = minutes;
            SchedulingErrors.run(() -> bookings.attendance(org, id, req.status(), attended ? req.actualStart() : null,
                    attended ? req.actualEnd() : null, credited, caller.id().value(), now));
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("status", Map.of("from", b.status(), "to", req.status()));
            if (attended) {
                changes.put("actualStart", req.actualStart());
                changes.put("actualEnd", req.actualEnd());
                changes.put("creditedHours", Hours.minutes(credited));
            }
            audit.record(h, caller.orgId(), caller.id(), "BOOKING", id, "ATTENDANCE", changes, null);
            String what = b.placementName() + " at " + b.siteName() + ", " + Hours.window(b.startsAt(), b.endsAt(), b.zone());
            String body = attended
                    ? caller.name() + " recorded your attendance on " + what + ": " + Hours.minutes(credited)
                            + " hours credited (" + Hours.window(req.actualStart(), req.actualEnd(), b.zone()) + ")."
                    : caller.name() + " recorded you as not attending " + what
                            + ", so no hours are credited. If this is wrong, contact the host or HR.";
            notifications.notify(h, caller.orgId(), new UserId(b.leaderId()), NotificationType.ATTENDANCE_RECORDED,
                    "Attendance recorded: " + b.placementName(), body, "BOOKING", id);
            return BookingView.of(bookings.find(org, id).orElseThrow());
        });
    }

    /** Credited minutes: elapsed time between the instants, so clock changes count what was worked. */
    static int check(BookingRow b, Instant start, Instant end) {
        Instant earliest = b.startsAt().minus(EARLY);
        Instant latest = b.endsAt().plus(LATE);
        Checks.start().notNull(start, "actualStart").notNull(end, "actualEnd").orThrow();
        Checks.start()
                .require(!start.isBefore(earliest) && !start.isAfter(latest), "actualStart",
                        "must lie between 2 hours before the shift starts and 4 hours after it ends")
                .require(!end.isBefore(earliest) && !end.isAfter(latest), "actualEnd",
                        "must lie between 2 hours before the shift starts and 4 hours after it ends")
                .require(end.isAfter(start), "actualEnd", "must be after actualStart")
                .require(!end.isAfter(start) || Duration.between(start, end).compareTo(LONGEST) <= 0, "actualEnd",
                        "must be at most 12 hours after actualStart")
                .orThrow();
        return (int) Duration.between(start, end).toMinutes();
    }
}

package org.gemba.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Caller;
import org.gemba.auth.Role;
import org.gemba.common.ApiException;
import org.gemba.common.Checks;
import org.gemba.common.ErrorCode;
import org.gemba.common.UserId;
import org.gemba.common.Versions;
import org.gemba.notify.NotificationType;
import org.gemba.notify.Notifications;
import org.gemba.scheduling.PlacementDao.PlacementRow;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Publishing, changing and cancelling shifts; everyone booked hears what changed and why. */
public class ShiftService {
    static final Duration MIN_LENGTH = Duration.ofHours(1);
    static final Duration MAX_LENGTH = Duration.ofHours(12);

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Waitlist waitlist;
    private final Clock clock;

    ShiftService(Jdbi jdbi, AuditLog audit, Notifications notifications, Waitlist waitlist, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.notifications = notifications;
        this.waitlist = waitlist;
        this.clock = clock;
    }

    public ShiftRow create(Caller caller, ShiftRequests.CreateShift req) {
        UUID org = caller.orgId().value();
        return jdbi.inTransaction(h -> {
            PlacementRow p = h.attach(PlacementDao.class).find(org, req.placementId())
                    .orElseThrow(() -> ApiException.invalid("placementId", "no such placement"));
            if (!caller.isOffice()) {
                requireHost(h, caller, p.id());
            }
            checkWindow(req.start(), req.end(), caller.isOffice());
            int capacity = req.capacity() == null ? p.defaultCapacity() : req.capacity();
            UUID id = h.attach(ShiftDao.class).insert(org, p.id(), null, req.start(), req.end(), capacity,
                    caller.id().value());
            audit.record(h, caller.orgId(), caller.id(), "SHIFT", id, "CREATED", Map.of("placementId", p.id(),
                    "start", req.start(), "end", req.end(), "capacity", capacity), null);
            return h.attach(ShiftDao.class).find(org, id).orElseThrow();
        });
    }

    public ShiftRow change(Caller caller, UUID id, ShiftRequests.ChangeShift req, String ifMatch) {
        UUID org = caller.orgId().value();
        return jdbi.inTransaction(h -> {
            ShiftRow cur = lockForChange(h, caller, id);
            Versions.checkIfMatch(ifMatch, cur.version());
            if (cur.cancelled()) {
                throw new ApiException(ErrorCode.SHIFT_CANCELLED, "A cancelled shift cannot be changed.");
            }
            Instant start = req.start() == null ? cur.startsAt() : req.start();
            Instant end = req.end() == null ? cur.endsAt() : req.end();
            int capacity = req.capacity() == null ? cur.capacity() : req.capacity();
            boolean moved = !start.equals(cur.startsAt()) || !end.equals(cur.endsAt());
            checkWindow(moved && !start.equals(cur.startsAt()) ? start : null, start, end, caller.has(Role.ADMIN));
            if (capacity < cur.bookedCount()) {
                throw new ApiException(ErrorCode.CAPACITY_BELOW_BOOKINGS, "The shift has " + cur.bookedCount()
                        + " bookings; capacity cannot drop below that.");
            }
            if (!moved && capacity == cur.capacity()) {
                return cur;
            }
            Instant now = clock.instant();
            ShiftDao shifts = h.attach(ShiftDao.class);
            shifts.change(org, id, start, end, capacity, now);
            if (moved) {
                try {
                    SchedulingErrors.run(() -> shifts.moveBookings(org, id));
                } catch (ApiException e) {
                    throw new ApiException(e.code(), "A booked leader has another booking at the new time; "
                            + "the shift was not moved.");
                }
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            List<String> said = new ArrayList<>();
            if (moved) {
                changes.put("start", Map.of("from", cur.startsAt(), "to", start));
                changes.put("end", Map.of("from", cur.endsAt(), "to", end));
                said.add("the time was " + Hours.window(cur.startsAt(), cur.endsAt(), cur.zone()) + " and is now "
                        + Hours.window(start, end, cur.zone()));
            }
            if (capacity != cur.capacity()) {
                changes.put("capacity", Map.of("from", cur.capacity(), "to", capacity));
                said.add("the number of places went from " + cur.capacity() + " to " + capacity);
            }
            audit.record(h, caller.orgId(), caller.id(), "SHIFT", id, "UPDATED", changes, req.reason().trim());
            String body = caller.name() + " changed your shift " + cur.placementName() + " at " + cur.siteName() + ": "
                    + String.join("; ", said) + ". Reason: " + req.reason().trim();
            for (BookingRow b : h.attach(BookingDao.class).bookedForShift(org, id)) {
                notifications.notify(h, caller.orgId(), new UserId(b.leaderId()), NotificationType.SHIFT_CHANGED,
                        "Shift changed: " + cur.placementName(), body, "BOOKING", b.id());
            }
            if (capacity > cur.capacity()) {
                waitlist.fill(h, caller.orgId(), id, caller.id(), now);
            }
            return shifts.find(org, id).orElseThrow();
        });
    }

    public ShiftRow cancel(Caller caller, UUID id, String reason, String ifMatch) {
        UUID org = caller.orgId().value();
        String why = reason.trim();
        return jdbi.inTransaction(h -> {
            ShiftRow cur = lockForChange(h, caller, id);
            Versions.checkIfMatch(ifMatch, cur.version());
            if (cur.cancelled()) {
                throw new ApiException(ErrorCode.SHIFT_CANCELLED, "The shift is already cancelled.");
            }
            Instant now = clock.instant();
            BookingDao bookings = h.attach(BookingDao.class);
            List<BookingRow> booked = bookings.bookedForShift(org, id);
            String what = cur.placementName() + " at " + cur.siteName() + ", "
                    + Hours.window(cur.startsAt(), cur.endsAt(), cur.zone());
            for (BookingRow b : booked) {
                // not late: the leader did not cancel, the host did
                bookings.cancel(org, b.id(), caller.id().value(), why, false, now);
                audit.record(h, caller.orgId(), caller.id(), "BOOKING", b.id(), "CANCELLED",
                        Map.of("by", "shift cancellation"), why);
                notifications.notify(h, caller.orgId(), new UserId(b.leaderId()), NotificationType.SHIFT_CANCELLED,
                        "Shift cancelled: " + cur.placementName(), caller.name() + " cancelled the shift " + what
                                + ", so your booking is cancelled. Reason: " + why, "BOOKING", b.id());
            }
            WaitlistDao queue = h.attach(WaitlistDao.class);
            for (WaitlistDao.Entry e : queue.queue(org, id)) {
                queue.resolve(org, e.id(), "SKIPPED", "shift cancelled", now);
                notifications.notify(h, caller.orgId(), new UserId(e.leaderId()), NotificationType.SHIFT_CANCELLED,
                        "Shift cancelled: " + cur.placementName(), caller.name() + " cancelled the shift " + what
                                + ", so its waitlist is closed. Reason: " + why, "SHIFT", id);
            }
            h.attach(ShiftDao.class).cancel(org, id, why, now);
            audit.record(h, caller.orgId(), caller.id(), "SHIFT", id, "CANCELLED",
                    Map.of("bookingsCancelled", booked.size()), why);
            return h.attach(ShiftDao.class).find(org, id).orElseThrow();
        });
    }

    public List<BookingRow> bookings(Caller caller, UUID id) {
        UUID org = caller.orgId().value();
        return jdbi.inTransaction(h -> {
            ShiftRow s = h.attach(ShiftDao.class).find(org, id).orElseThrow(() -> ApiException.notFound("Shift"));
            if (!caller.isOffice()) {
                requireHost(h, caller, s.placementId());
            }
            return h.attach(BookingDao.class).forShift(org, id);
        });
    }

    private ShiftRow lockForChange(Handle h, Caller caller, UUID id) {
        ShiftRow cur = Booker.lockShift(h, caller.orgId().value(), id);
        if (cur == null) {
            throw ApiException.notFound("Shift");
        }
        if (!caller.has(Role.ADMIN)) {
            requireHost(h, caller, cur.placementId());
        }
        return cur;
    }

    static void requireHost(Handle h, Caller caller, UUID placementId) {
        if (!h.attach(PlacementDao.class).isHost(caller.orgId().value(), placementId, caller.id().value())) {
            throw ApiException.forbidden("You are not a host of this placement.");
        }
    }

    private void checkWindow(Instant start, Instant end, boolean mayBeInPast) {
        checkWindow(start, start, end, mayBeInPast);
    }

    /** {@code newStart} is the start to check against the clock (null when the start is unchanged). */
    private void checkWindow(Instant newStart, Instant start, Instant end, boolean mayBeInPast) {
        Duration length = Duration.between(start, end);
        Checks.start()
                .require(end.isAfter(start), "end", "must be after start")
                .require(!end.isAfter(start) || (length.compareTo(MIN_LENGTH) >= 0 && length.compareTo(MAX_LENGTH) <= 0),
                        "end", "a shift lasts between 1 and 12 hours")
                .require(mayBeInPast || newStart == null || newStart.isAfter(clock.instant()), "start",
                        "must not be in the past")
                .orThrow();
    }
}

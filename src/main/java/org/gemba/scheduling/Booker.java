package org.gemba.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.gemba.people.UserRow;
import org.jdbi.v3.core.Handle;

/**
 * The locks a booking decision needs, and the booking rules that hold for every booking (direct or
 * from the waitlist): already booked, trainings, directorate, weekly cap, overlap and a free place.
 * The rules themselves are the SQL functions of migration 0110 (one definition for every path); the
 * notice rule belongs to the direct path only (book_shift).
 */
final class Booker {
    private Booker() {}

    /**
     * Locks what a booking decision reads, always in the same order (placement, then shift) so that
     * bookings, cancellations and capacity changes cannot deadlock. The placement row is locked only
     * when it has a weekly cap: that cap counts bookings across shifts, which one shift's lock cannot guard.
     * book_shift takes the same locks in the same order.
     */
    static ShiftRow lockShift(Handle h, UUID orgId, UUID shiftId) {
        ShiftDao shifts = h.attach(ShiftDao.class);
        ShiftRow s = shifts.find(orgId, shiftId).orElse(null);
        if (s == null) {
            return null;
        }
        if (s.maxLeadersPerWeek() != null) {
            h.attach(PlacementDao.class).lock(orgId, s.placementId());
        }
        return shifts.lock(orgId, shiftId).orElseThrow();
    }

    /** The rules that depend only on the placement and the leader (checked when joining a waitlist). */
    static void checkStatic(Handle h, UUID orgId, ShiftRow shift, UserRow leader) {
        BookingRefusal refusal = h.attach(BookingDao.class).staticRefusal(orgId, shift.id(), leader.id()).asRefusal();
        if (refusal != null) {
            throw refusal.toException(BookingRefusal.Subject.of(shift, leader.name()), null);
        }
    }

    /** Takes a place and writes the booking (booking_place); the shift must have been locked by {@link #lockShift}. */
    static UUID place(Handle h, UUID orgId, ShiftRow shift, UserRow leader, UUID bookedBy, boolean override,
                      String reason, Instant now) {
        BookingDao.Placed placed = SchedulingErrors.translate(() -> h.attach(BookingDao.class)
                .place(orgId, shift.id(), leader.id(), bookedBy, override, reason, now));
        BookingRefusal refusal = placed.asRefusal();
        if (refusal != null) {
            throw refusal.toException(BookingRefusal.Subject.of(shift, leader.name()), null);
        }
        return placed.bookingId();
    }
}

package org.gemba.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.gemba.common.ApiException;
import org.gemba.common.ErrorCode;
import org.gemba.people.UserRow;
import org.jdbi.v3.core.Handle;

/**
 * Books a leader on a shift inside the caller's transaction, applying the rules that hold for every
 * booking (direct or from the waitlist): already booked, trainings, directorate, weekly cap, a free
 * place and no overlap. The notice rule belongs to the direct path only.
 */
final class Booker {
    private Booker() {}

    /**
     * Locks what a booking decision reads, always in the same order (placement, then shift) so that
     * bookings, cancellations and capacity changes cannot deadlock. The placement row is locked only
     * when it has a weekly cap: that cap counts bookings across shifts, which one shift's lock cannot guard.
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

    /** Refuses with the contract's code when the leader may not hold a place on this shift. */
    static void checkEligible(Handle h, UUID orgId, ShiftRow shift, UserRow leader) {
        if (shift.cancelled()) {
            throw new ApiException(ErrorCode.SHIFT_CANCELLED, "The shift has been cancelled.");
        }
        BookingDao bookings = h.attach(BookingDao.class);
        if (bookings.hasLiveBooking(orgId, shift.id(), leader.id())) {
            throw new ApiException(ErrorCode.ALREADY_BOOKED, leader.name() + " is already booked on this shift.");
        }
        checkStatic(shift, leader);
        if (shift.maxLeadersPerWeek() != null) {
            ZoneId zone = shift.zone();
            LocalDate monday = shift.startsAt().atZone(zone).toLocalDate()
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            Instant from = monday.atStartOfDay(zone).toInstant();
            Instant to = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
            BookingDao.WeekLoad load = bookings.weekLoad(orgId, shift.placementId(), leader.id(), from, to);
            if (!Boolean.TRUE.equals(load.mine()) && load.others() >= shift.maxLeadersPerWeek()) {
                throw new ApiException(ErrorCode.PLACEMENT_WEEKLY_CAP, shift.placementName() + " already receives "
                        + shift.maxLeadersPerWeek() + " leader(s) in the week of " + monday + ", its weekly limit.");
            }
        }
        if (bookings.overlaps(orgId, shift.id(), leader.id())) {
            throw new ApiException(ErrorCode.OVERLAPPING_BOOKING,
                    leader.name() + " already has a booking at an overlapping time.");
        }
    }

    /** The rules that depend only on the placement and the leader (checked again when joining a waitlist). */
    static void checkStatic(ShiftRow shift, UserRow leader) {
        List<String> held = Arrays.asList(leader.trainings());
        List<String> missing = Arrays.stream(shift.requiredTrainings()).filter(t -> !held.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.invalid(ErrorCode.MISSING_TRAINING, "leaderId",
                    shift.placementName() + " requires training " + String.join(", ", missing)
                            + " that " + leader.name() + " does not hold");
        }
        if (shift.excludeOwnDirectorate() && shift.directorate() != null && leader.directorate() != null
                && Objects.equals(shift.directorate().trim().toLowerCase(), leader.directorate().trim().toLowerCase())) {
            throw new ApiException(ErrorCode.OWN_DIRECTORATE, shift.placementName()
                    + " is run by " + shift.directorate() + " and is closed to leaders of that directorate.");
        }
    }

    /** Takes a place and writes the booking; the shift must have been locked by {@link #lockShift}. */
    static UUID place(Handle h, UUID orgId, ShiftRow shift, UserRow leader, UUID bookedBy, boolean override,
                      String reason, Instant now) {
        checkEligible(h, orgId, shift, leader);
        if (!h.attach(ShiftDao.class).takePlace(orgId, shift.id())) {
            throw new ApiException(ErrorCode.SHIFT_FULL, "All " + shift.capacity() + " places on this shift are taken.");
        }
        return SchedulingErrors.translate(() -> h.attach(BookingDao.class)
                .insert(orgId, shift.id(), leader.id(), bookedBy, override, reason, now));
    }
}

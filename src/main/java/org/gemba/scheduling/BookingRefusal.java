package org.gemba.scheduling;

import java.time.Duration;
import java.time.LocalDate;
import org.gemba.common.ApiException;
import org.gemba.common.ErrorCode;

/**
 * A refusal from the booking functions (migration 0110, where the rules live) and the details that
 * word it; {@link #toException} gives it the contract's code and the sentence a person reads.
 */
record BookingRefusal(String code, String[] missing, LocalDate weekStart) {

    /** What the sentences name: the leader and the shift's placement. */
    record Subject(String leaderName, String placementName, String directorate, Integer capacity,
                   Integer maxLeadersPerWeek) {

        static Subject of(ShiftRow shift, String leaderName) {
            return new Subject(leaderName, shift.placementName(), shift.directorate(), shift.capacity(),
                    shift.maxLeadersPerWeek());
        }
    }

    /** Null when the function allowed the booking (no code). */
    static BookingRefusal of(String code, String[] missing, LocalDate weekStart) {
        return code == null ? null : new BookingRefusal(code, missing, weekStart);
    }

    ApiException toException(Subject s, Duration minNotice) {
        return switch (code) {
            case "UNKNOWN_LEADER" -> ApiException.invalid("leaderId", "must be an active leader of the organisation");
            case "UNKNOWN_SHIFT" -> ApiException.invalid("shiftId", "no such shift");
            case "SHIFT_CANCELLED" -> new ApiException(ErrorCode.SHIFT_CANCELLED, "The shift has been cancelled.");
            case "TOO_LATE_TO_BOOK" -> new ApiException(ErrorCode.TOO_LATE_TO_BOOK, "Shifts must be booked at least "
                    + minNotice.toHours() + " hours before they start.");
            case "ALREADY_BOOKED" -> new ApiException(ErrorCode.ALREADY_BOOKED,
                    s.leaderName() + " is already booked on this shift.");
            case "MISSING_TRAINING" -> ApiException.invalid(ErrorCode.MISSING_TRAINING, "leaderId",
                    s.placementName() + " requires training " + String.join(", ", missing)
                            + " that " + s.leaderName() + " does not hold");
            case "OWN_DIRECTORATE" -> new ApiException(ErrorCode.OWN_DIRECTORATE, s.placementName()
                    + " is run by " + s.directorate() + " and is closed to leaders of that directorate.");
            case "PLACEMENT_WEEKLY_CAP" -> new ApiException(ErrorCode.PLACEMENT_WEEKLY_CAP, s.placementName()
                    + " already receives " + s.maxLeadersPerWeek() + " leader(s) in the week of " + weekStart
                    + ", its weekly limit.");
            case "OVERLAPPING_BOOKING" -> new ApiException(ErrorCode.OVERLAPPING_BOOKING,
                    s.leaderName() + " already has a booking at an overlapping time.");
            case "SHIFT_FULL" -> new ApiException(ErrorCode.SHIFT_FULL,
                    "All " + s.capacity() + " places on this shift are taken.");
            default -> throw new IllegalStateException("unknown booking refusal " + code);
        };
    }
}

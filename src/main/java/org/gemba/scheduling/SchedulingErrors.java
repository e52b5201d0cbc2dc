package org.gemba.scheduling;

import java.util.function.Supplier;
import org.gemba.common.ApiException;
import org.gemba.common.ErrorCode;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** The one place where scheduling's database constraints become the contract's error codes. */
final class SchedulingErrors {
    private SchedulingErrors() {}

    static <T> T translate(Supplier<T> statement) {
        try {
            return statement.get();
        } catch (UnableToExecuteStatementException e) {
            throw translate(e);
        }
    }

    static void run(Runnable statement) {
        translate(() -> {
            statement.run();
            return null;
        });
    }

    static RuntimeException translate(UnableToExecuteStatementException e) {
        if (!(e.getCause() instanceof PSQLException pg)) {
            return e;
        }
        ServerErrorMessage msg = pg.getServerErrorMessage();
        String constraint = msg == null ? null : msg.getConstraint();
        String state = pg.getSQLState();
        if ("23P01".equals(state) && "bookings_no_overlap".equals(constraint)) {
            return new ApiException(ErrorCode.OVERLAPPING_BOOKING,
                    "The leader already has a booking at an overlapping time.");
        }
        if ("23505".equals(state) && "bookings_one_per_shift".equals(constraint)) {
            return new ApiException(ErrorCode.ALREADY_BOOKED, "The leader is already booked on this shift.");
        }
        if ("23505".equals(state) && "waitlist_one_waiting".equals(constraint)) {
            return new ApiException(ErrorCode.CONFLICT, "The leader is already on this shift's waitlist.");
        }
        if ("23514".equals(state) && "shifts_booked_within_capacity".equals(constraint)) {
            return new ApiException(ErrorCode.SHIFT_FULL, "The shift is full.");
        }
        if ("23514".equals(state) && "shifts_length_check".equals(constraint)) {
            return ApiException.invalid("end", "a shift lasts between 1 and 12 hours");
        }
        return e;
    }
}

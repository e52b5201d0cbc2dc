package org.gemba.scheduling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request bodies of the booking endpoints. */
public final class BookingRequests {
    private BookingRequests() {}

    public record Book(@NotNull UUID shiftId, UUID leaderId, Boolean override, @Size(max = 1000) String reason) {}

    public record Cancel(@NotBlank @Size(max = 1000) String reason) {}

    public record Attendance(@NotNull @Pattern(regexp = "ATTENDED|NO_SHOW", message = "must be ATTENDED or NO_SHOW") String status,
                             Instant actualStart, Instant actualEnd) {}
}

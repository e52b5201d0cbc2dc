package org.gemba.scheduling;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** Request bodies of the shift endpoints. */
public final class ShiftRequests {
    private ShiftRequests() {}

    public record CreateShift(@NotNull UUID placementId, @NotNull Instant start, @NotNull Instant end,
                              @Min(1) @Max(100) Integer capacity) {}

    public record ChangeShift(Instant start, Instant end, @Min(1) @Max(100) Integer capacity,
                              @NotBlank @Size(max = 1000) String reason) {}

    public record CancelShift(@NotBlank @Size(max = 1000) String reason) {}

    public record CreateSeries(@NotNull UUID placementId, @NotNull LocalDateTime localStart,
                               @NotNull @Min(60) @Max(720) Integer durationMinutes,
                               @NotBlank @Size(max = 1000) String rrule, @Min(1) @Max(100) Integer capacity) {}
}

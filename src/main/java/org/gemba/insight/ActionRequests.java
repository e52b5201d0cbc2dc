package org.gemba.insight;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Request bodies of the improvement-action endpoints. */
public final class ActionRequests {
    private ActionRequests() {}

    public record Create(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 10_000) String description,
            @NotNull UUID ownerId,
            LocalDate dueDate,
            @Size(max = 500) List<@NotNull UUID> observationIds) {}

    /** Partial update: an absent field is left alone; {@code description} and {@code dueDate} clear with null. */
    public record Update(
            @Size(min = 1, max = 200) String title,
            Optional<@Size(max = 10_000) String> description,
            UUID ownerId,
            Optional<LocalDate> dueDate,
            InsightTypes.ActionStatus status) {}

    public record Link(@NotEmpty @Size(max = 500) List<@NotNull UUID> observationIds) {}

    public record Note(@NotBlank @Size(max = 10_000) String text) {}

    public record Complete(@NotBlank @Size(max = 10_000) String outcome) {}

    public record Cancel(@NotBlank @Size(max = 10_000) String reason) {}
}

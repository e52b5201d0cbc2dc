package org.gemba.insight;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request bodies of the observation endpoints. */
public final class ObservationRequests {
    private ObservationRequests() {}

    public record Create(
            UUID bookingId,
            UUID siteId,
            OffsetDateTime observedAt,
            @NotBlank @Size(max = 10_000) String text,
            @NotNull InsightTypes.Kind kind,
            InsightTypes.Criterion criterion,
            InsightTypes.Cause cause,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags) {}

    public record Triage(
            @NotNull InsightTypes.Priority priority,
            @NotBlank @Size(max = 100) String theme,
            @NotNull InsightTypes.Criterion criterion,
            @NotNull InsightTypes.Cause cause,
            @Size(max = 100) String team) {}

    public record Decline(@NotBlank @Size(max = 2000) String reason) {}
}

package org.gemba.scheduling;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Request bodies of the placement endpoints. */
public final class PlacementRequests {
    private PlacementRequests() {}

    static final String TRAINING = "^[A-Z][A-Z0-9_]{1,49}$";
    static final String TRAINING_MESSAGE = "must be an upper-case code such as FOOD_HYGIENE";

    public record CreatePlacement(
            @NotNull UUID siteId,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 5000) String description,
            @NotNull @Min(1) @Max(100) Integer defaultCapacity,
            @Size(max = 50) List<@NotNull @Pattern(regexp = TRAINING, message = TRAINING_MESSAGE) String> requiredTrainings,
            @Size(max = 50) List<@NotNull UUID> hostIds,
            @Min(1) @Max(1000) Integer maxLeadersPerWeek,
            Boolean excludeOwnDirectorate,
            @Size(max = 100) String directorate) {}

    /** Partial update: absent fields stay; explicit null clears the clearable ones. */
    public record UpdatePlacement(
            @Size(min = 1, max = 200) String name,
            Optional<@Size(max = 5000) String> description,
            @Min(1) @Max(100) Integer defaultCapacity,
            @Size(max = 50) List<@NotNull @Pattern(regexp = TRAINING, message = TRAINING_MESSAGE) String> requiredTrainings,
            @Size(max = 50) List<@NotNull UUID> hostIds,
            Optional<@Min(1) @Max(1000) Integer> maxLeadersPerWeek,
            Boolean excludeOwnDirectorate,
            Optional<@Size(max = 100) String> directorate) {}
}

package org.gemba.people;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A user as the API shows it. */
public record UserView(UUID id, String email, String name, List<String> roles, String grade, String directorate,
                       BigDecimal fte, LocalDate startDate, LocalDate endDate, List<String> trainings,
                       boolean active, int version, Instant createdAt, Instant updatedAt) {

    public static UserView of(UserRow r) {
        return new UserView(r.id(), r.email(), r.name(), Arrays.stream(r.roles()).sorted().toList(), r.grade(),
                r.directorate(), r.fte(), r.startDate(), r.endDate(), Arrays.stream(r.trainings()).sorted().toList(),
                r.active(), r.version(), r.createdAt(), r.updatedAt());
    }
}

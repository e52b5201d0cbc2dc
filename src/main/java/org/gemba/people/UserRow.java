package org.gemba.people;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A user as stored (without the password hash, which never leaves the auth package's queries). */
public record UserRow(UUID id, UUID orgId, String email, String name, String[] roles, String grade,
                      String directorate, BigDecimal fte, LocalDate startDate, LocalDate endDate,
                      String[] trainings, boolean active, boolean hasPassword, int version,
                      Instant createdAt, Instant updatedAt) {}

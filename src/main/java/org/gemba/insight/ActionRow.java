package org.gemba.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An improvement action as stored, with its owner's name and the ids of its linked observations. */
public record ActionRow(UUID id, UUID orgId, String title, String description, UUID ownerId, String ownerName,
                        LocalDate dueDate, String status, String outcome, String cancelReason, UUID createdBy,
                        Instant createdAt, Instant updatedAt, Instant completedAt, Instant cancelledAt, int version,
                        UUID[] observationIds) {

    public InsightTypes.ActionStatus state() {
        return InsightTypes.ActionStatus.valueOf(status);
    }

    /** Not finished and its due date is before {@code today} (in the organisation's zone). */
    public boolean overdue(LocalDate today) {
        return !state().finished() && dueDate != null && dueDate.isBefore(today);
    }
}

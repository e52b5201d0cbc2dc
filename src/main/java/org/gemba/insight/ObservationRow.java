package org.gemba.insight;

import java.time.Instant;
import java.util.UUID;

/** An observation as stored. */
public record ObservationRow(UUID id, UUID orgId, UUID authorId, UUID bookingId, UUID siteId, UUID placementId,
                             Instant observedAt, Instant loggedAt, String text, String kind, String criterion,
                             String cause, String[] tags, String status, String priority, String theme, String team,
                             Instant triageDueAt, Instant triagedAt, UUID triagedBy, Instant declinedAt,
                             String declineReason, Instant closedAt, int version, Instant updatedAt) {

    public InsightTypes.ObservationStatus state() {
        return InsightTypes.ObservationStatus.valueOf(status);
    }

    /** Waiting for triage past its due time. */
    public boolean overdue(Instant now) {
        return triagedAt == null && declinedAt == null && now.isAfter(triageDueAt);
    }
}

package org.gemba.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A shift as stored, with the placement rules and site details every booking decision needs. */
public record ShiftRow(UUID id, UUID orgId, UUID placementId, String placementName, UUID siteId, String siteName,
                       String timeZone, UUID seriesId, Instant startsAt, Instant endsAt, int capacity,
                       int bookedCount, String status, String cancelReason, int sequence, int version,
                       Instant createdAt, Instant updatedAt, String[] requiredTrainings, Integer maxLeadersPerWeek,
                       boolean excludeOwnDirectorate, String directorate) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }

    public boolean full() {
        return bookedCount >= capacity;
    }
}

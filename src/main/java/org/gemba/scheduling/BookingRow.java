package org.gemba.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A booking as stored, with its shift's placement and site for display and access checks. */
public record BookingRow(UUID id, UUID shiftId, UUID leaderId, String leaderName, String status, Instant startsAt,
                         Instant endsAt, UUID bookedBy, boolean override, String reason, boolean late,
                         Instant createdAt, Instant cancelledAt, UUID cancelledBy, String cancelReason,
                         Instant actualStart, Instant actualEnd, Integer creditedMinutes, int version,
                         UUID placementId, String placementName, UUID siteId, String siteName, String timeZone) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}

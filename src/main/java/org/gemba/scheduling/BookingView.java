package org.gemba.scheduling;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A booking as the API shows it; {@code hours} is the shift's length, {@code creditedHours} what attendance earned. */
public record BookingView(UUID id, UUID shiftId, UUID leaderId, String leaderName, String status, Instant start,
                          Instant end, BigDecimal hours, UUID placementId, String placementName, UUID siteId,
                          String siteName, String timeZone, UUID bookedBy, boolean override, String reason,
                          boolean late, Instant cancelledAt, UUID cancelledBy, String cancelReason,
                          Instant actualStart, Instant actualEnd, BigDecimal creditedHours, int version,
                          Instant createdAt) {

    public static BookingView of(BookingRow r) {
        return new BookingView(r.id(), r.shiftId(), r.leaderId(), r.leaderName(), r.status(), r.startsAt(),
                r.endsAt(), Hours.between(r.startsAt(), r.endsAt()), r.placementId(), r.placementName(), r.siteId(),
                r.siteName(), r.timeZone(), r.bookedBy(), r.override(), r.reason(), r.late(), r.cancelledAt(),
                r.cancelledBy(), r.cancelReason(), r.actualStart(), r.actualEnd(),
                r.creditedMinutes() == null ? null : Hours.minutes(r.creditedMinutes()), r.version(), r.createdAt());
    }
}

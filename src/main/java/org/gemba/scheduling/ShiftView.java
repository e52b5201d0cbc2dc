package org.gemba.scheduling;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** A shift as the API shows it: times as UTC instants plus the local wall-clock start in the site's zone. */
public record ShiftView(UUID id, UUID placementId, String placementName, UUID siteId, String siteName,
                        String timeZone, UUID seriesId, Instant start, Instant end, LocalDateTime localStart,
                        LocalDateTime localEnd, BigDecimal hours, int capacity, int bookedCount, int placesLeft,
                        String status, String cancelReason, int sequence, int version, Instant createdAt,
                        Instant updatedAt) {

    public static ShiftView of(ShiftRow r) {
        int left = r.cancelled() ? 0 : Math.max(0, r.capacity() - r.bookedCount());
        return new ShiftView(r.id(), r.placementId(), r.placementName(), r.siteId(), r.siteName(), r.timeZone(),
                r.seriesId(), r.startsAt(), r.endsAt(), LocalDateTime.ofInstant(r.startsAt(), r.zone()),
                LocalDateTime.ofInstant(r.endsAt(), r.zone()), Hours.between(r.startsAt(), r.endsAt()),
                r.capacity(), r.bookedCount(), left, r.status(), r.cancelReason(), r.sequence(), r.version(),
                r.createdAt(), r.updatedAt());
    }
}

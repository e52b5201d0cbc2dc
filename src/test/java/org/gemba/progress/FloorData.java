package org.gemba.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.gemba.support.Fixtures;
import org.gemba.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;

/**
 * Sites, placements, shifts and bookings written straight to the database (the booking endpoints
 * live in another feature). Rows respect the schema's constraints: bookings keep {@code during} equal
 * to the shift window, BOOKED/ATTENDED bookings count in {@code shifts.booked_count}, ATTENDED ones
 * carry actual times and credited minutes.
 */
final class FloorData {
    private final UUID orgId;

    FloorData(UUID orgId) {
        this.orgId = orgId;
    }

    static FloorData of(Fixtures.Org org) {
        return new FloorData(org.id());
    }

    private static Jdbi jdbi() {
        return TestDatabase.get().jdbi();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    UUID site(String name) {
        return jdbi().withHandle(h -> h.createQuery(
                        "INSERT INTO sites (org_id, name) VALUES (:org, :name) RETURNING id")
                .bind("org", orgId).bind("name", name).mapTo(UUID.class).one());
    }

    UUID placement(UUID siteId, String name) {
        return placement(siteId, name, new String[0], null, false, null);
    }

    UUID placement(UUID siteId, String name, String[] trainings, Integer maxPerWeek, boolean excludeOwn,
                   String directorate) {
        return jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO placements (org_id, site_id, name, default_capacity, required_trainings,
                                                max_leaders_per_week, exclude_own_directorate, directorate)
                        VALUES (:org, :site, :name, 5, :trainings, :cap, :excl, :dir) RETURNING id""")
                .bind("org", orgId).bind("site", siteId).bind("name", name).bind("trainings", trainings)
                .bind("cap", maxPerWeek).bind("excl", excludeOwn).bind("dir", directorate)
                .mapTo(UUID.class).one());
    }

    UUID shift(UUID placementId, Instant start, Instant end, int capacity) {
        return jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO shifts (org_id, placement_id, starts_at, ends_at, capacity)
                        VALUES (:org, :placement, :start, :end, :capacity) RETURNING id""")
                .bind("org", orgId).bind("placement", placementId).bind("start", utc(start)).bind("end", utc(end))
                .bind("capacity", capacity).mapTo(UUID.class).one());
    }

    void cancelShift(UUID shiftId) {
        jdbi().useHandle(h -> h.execute("UPDATE shifts SET status = 'CANCELLED', cancel_reason = 'test' WHERE id = ?",
                shiftId));
    }

    /** A BOOKED booking of an existing shift; takes one of its places. */
    UUID book(UUID leaderId, UUID shiftId) {
        return jdbi().inTransaction(h -> {
            h.execute("UPDATE shifts SET booked_count = booked_count + 1 WHERE id = ?", shiftId);
            return h.createQuery("""
                            INSERT INTO bookings (org_id, shift_id, leader_id, during, booked_by)
                            SELECT org_id, id, :leader, tstzrange(starts_at, ends_at), :leader FROM shifts WHERE id = :shift
                            RETURNING id""")
                    .bind("leader", leaderId).bind("shift", shiftId).mapTo(UUID.class).one();
        });
    }

    /** Marks a booking ATTENDED for the whole shift, crediting its elapsed length. */
    void attend(UUID bookingId) {
        jdbi().useHandle(h -> h.execute("""
                UPDATE bookings SET status = 'ATTENDED', actual_start = lower(during), actual_end = upper(during),
                       credited_minutes = extract(epoch FROM upper(during) - lower(during))::int / 60
                WHERE id = ?""", bookingId));
    }

    /** A shift of its own at {@code placementId} from start to end, attended in full by the leader. */
    UUID attended(UUID leaderId, UUID placementId, Instant start, Instant end) {
        UUID booking = book(leaderId, shift(placementId, start, end, 5));
        attend(booking);
        return booking;
    }

    /** A shift of its own, booked (not yet attended) by the leader. */
    UUID booked(UUID leaderId, UUID placementId, Instant start, Instant end) {
        return book(leaderId, shift(placementId, start, end, 5));
    }

    /**
     * {@code hours} of attended time (whole hours) as consecutive daily shifts of at most 10 hours
     * from {@code firstStart}.
     */
    void attendedHours(UUID leaderId, UUID placementId, Instant firstStart, int hours) {
        Instant start = firstStart;
        int left = hours;
        while (left > 0) {
            int h = Math.min(10, left);
            attended(leaderId, placementId, start, start.plus(Duration.ofHours(h)));
            left -= h;
            start = start.plus(Duration.ofDays(1));
        }
    }
}

package org.gemba.scheduling.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.gemba.support.Fixtures;
import org.gemba.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;

/**
 * Sites, placements, shifts and bookings written straight to the database, for calendar tests that
 * run without the scheduling endpoints. Mirrors what the scheduling service does to these rows
 * (e.g. a shift change bumps {@code sequence} and moves the bookings' {@code during}).
 */
final class CalendarTestData {
    private CalendarTestData() {}

    private static Jdbi jdbi() {
        return TestDatabase.get().jdbi();
    }

    static UUID site(UUID orgId, String name, String address) {
        return jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO sites (org_id, name, address) VALUES (:org, :name, :address) RETURNING id""")
                .bind("org", orgId).bind("name", name).bind("address", address).mapTo(UUID.class).one());
    }

    static UUID placement(UUID orgId, UUID siteId, String name, Fixtures.User... hosts) {
        return jdbi().inTransaction(h -> {
            UUID id = h.createQuery("""
                            INSERT INTO placements (org_id, site_id, name, default_capacity)
                            VALUES (:org, :site, :name, 3) RETURNING id""")
                    .bind("org", orgId).bind("site", siteId).bind("name", name).mapTo(UUID.class).one();
            for (Fixtures.User host : hosts) {
                h.createUpdate("INSERT INTO placement_hosts (org_id, placement_id, user_id) VALUES (:org, :p, :u)")
                        .bind("org", orgId).bind("p", id).bind("u", host.id()).execute();
            }
            return id;
        });
    }

    static UUID shift(UUID orgId, UUID placementId, Instant start, Duration length) {
        return jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO shifts (org_id, placement_id, starts_at, ends_at, capacity)
                        VALUES (:org, :p, :start, :end, 3) RETURNING id""")
                .bind("org", orgId).bind("p", placementId).bind("start", start).bind("end", start.plus(length))
                .mapTo(UUID.class).one());
    }

    static UUID book(UUID orgId, UUID shiftId, UUID leaderId) {
        return jdbi().inTransaction(h -> {
            h.createUpdate("UPDATE shifts SET booked_count = booked_count + 1 WHERE org_id = :org AND id = :id")
                    .bind("org", orgId).bind("id", shiftId).execute();
            return h.createQuery("""
                            INSERT INTO bookings (org_id, shift_id, leader_id, during, booked_by)
                            SELECT org_id, id, :leader, tstzrange(starts_at, ends_at), :leader
                              FROM shifts WHERE org_id = :org AND id = :shift
                            RETURNING id""")
                    .bind("org", orgId).bind("shift", shiftId).bind("leader", leaderId).mapTo(UUID.class).one();
        });
    }

    static void cancelBooking(UUID orgId, UUID bookingId, String reason) {
        jdbi().useHandle(h -> h.createUpdate("""
                        UPDATE bookings SET status = 'CANCELLED', cancel_reason = :reason, cancelled_at = now(),
                               cancelled_by = leader_id, version = version + 1
                         WHERE org_id = :org AND id = :id""")
                .bind("org", orgId).bind("id", bookingId).bind("reason", reason).execute());
    }

    /** What the scheduling service does on a change of time: new window, sequence + 1, bookings follow. */
    static void moveShift(UUID orgId, UUID shiftId, Instant start, Duration length) {
        jdbi().useTransaction(h -> {
            h.createUpdate("""
                            UPDATE shifts SET starts_at = :start, ends_at = :end, sequence = sequence + 1,
                                   version = version + 1, updated_at = now()
                             WHERE org_id = :org AND id = :id""")
                    .bind("org", orgId).bind("id", shiftId).bind("start", start).bind("end", start.plus(length)).execute();
            h.createUpdate("""
                            UPDATE bookings SET during = tstzrange(:start, :end)
                             WHERE org_id = :org AND shift_id = :id""")
                    .bind("org", orgId).bind("id", shiftId).bind("start", start).bind("end", start.plus(length)).execute();
        });
    }

    static void cancelShift(UUID orgId, UUID shiftId, String reason) {
        jdbi().useTransaction(h -> {
            h.createUpdate("""
                            UPDATE shifts SET status = 'CANCELLED', cancel_reason = :reason, sequence = sequence + 1,
                                   booked_count = 0, version = version + 1, updated_at = now()
                             WHERE org_id = :org AND id = :id""")
                    .bind("org", orgId).bind("id", shiftId).bind("reason", reason).execute();
            h.createUpdate("""
                            UPDATE bookings SET status = 'CANCELLED', cancel_reason = :reason, cancelled_at = now()
                             WHERE org_id = :org AND shift_id = :id AND status = 'BOOKED'""")
                    .bind("org", orgId).bind("id", shiftId).bind("reason", reason).execute();
        });
    }
}

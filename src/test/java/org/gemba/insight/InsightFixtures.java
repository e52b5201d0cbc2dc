package org.gemba.insight;

import java.time.Instant;
import java.util.UUID;
import org.gemba.support.Fixtures;
import org.gemba.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;

/**
 * Sites, placements, shifts and bookings written straight to the database: the scheduling
 * endpoints belong to another feature, and observations only need the rows to exist.
 */
final class InsightFixtures {
    private InsightFixtures() {}

    static Jdbi jdbi() {
        return TestDatabase.get().jdbi();
    }

    static UUID site(Fixtures.Org org, String name) {
        return jdbi().withHandle(h -> h.createQuery(
                        "INSERT INTO sites (org_id, name) VALUES (:org, :name) RETURNING id")
                .bind("org", org.id()).bind("name", name).mapTo(UUID.class).one());
    }

    static UUID placement(Fixtures.Org org, UUID siteId, String name) {
        return jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO placements (org_id, site_id, name, default_capacity)
                        VALUES (:org, :site, :name, 2) RETURNING id""")
                .bind("org", org.id()).bind("site", siteId).bind("name", name).mapTo(UUID.class).one());
    }

    /** A booking of {@code leader} on a new two-hour shift of the placement starting at {@code start}. */
    static UUID booking(Fixtures.Org org, UUID placementId, Fixtures.User leader, Instant start) {
        return jdbi().inTransaction(h -> {
            UUID shift = h.createQuery("""
                            INSERT INTO shifts (org_id, placement_id, starts_at, ends_at, capacity, booked_count)
                            VALUES (:org, :placement, :start, :end, 2, 1) RETURNING id""")
                    .bind("org", org.id()).bind("placement", placementId).bind("start", start)
                    .bind("end", start.plusSeconds(7200)).mapTo(UUID.class).one();
            return h.createQuery("""
                            INSERT INTO bookings (org_id, shift_id, leader_id, during, booked_by)
                            VALUES (:org, :shift, :leader, tstzrange(:start, :end), :leader) RETURNING id""")
                    .bind("org", org.id()).bind("shift", shift).bind("leader", leader.id()).bind("start", start)
                    .bind("end", start.plusSeconds(7200)).mapTo(UUID.class).one();
        });
    }

    static int notifications(UUID userId, String type) {
        return jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM notifications WHERE user_id = :user AND type = :type")
                .bind("user", userId).bind("type", type).mapTo(Integer.class).one());
    }

    static String lastNotificationBody(UUID userId, String type) {
        return jdbi().withHandle(h -> h.createQuery("""
                        SELECT body FROM notifications WHERE user_id = :user AND type = :type
                         ORDER BY created_at DESC LIMIT 1""")
                .bind("user", userId).bind("type", type).mapTo(String.class).findOne().orElse(null));
    }

    static int auditRows(UUID entityId, String action) {
        return jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM audit_log WHERE entity_id = :id AND action = :action")
                .bind("id", entityId).bind("action", action).mapTo(Integer.class).one());
    }
}

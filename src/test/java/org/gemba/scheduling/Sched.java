package org.gemba.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gemba.support.Fixtures;
import org.gemba.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;

/** Scheduling test data written straight to the database: sites, placements and shifts. */
final class Sched {
    private Sched() {}

    static Jdbi db() {
        return TestDatabase.get().jdbi();
    }

    static UUID site(Fixtures.Org org) {
        return site(org, "Europe/London");
    }

    static UUID site(Fixtures.Org org, String zone) {
        return db().withHandle(h -> h.createQuery("""
                        INSERT INTO sites (org_id, name, time_zone) VALUES (:org, :name, :tz) RETURNING id""")
                .bind("org", org.id()).bind("name", Fixtures.unique("Site")).bind("tz", zone)
                .mapTo(UUID.class).one());
    }

    /** A placement; options are given through {@link P}. */
    static UUID placement(Fixtures.Org org, UUID site, P p) {
        UUID id = db().withHandle(h -> h.createQuery("""
                        INSERT INTO placements (org_id, site_id, name, default_capacity, required_trainings,
                                                max_leaders_per_week, exclude_own_directorate, directorate)
                        VALUES (:org, :site, :name, :cap, :trainings, :max, :excl, :dir) RETURNING id""")
                .bind("org", org.id()).bind("site", site).bind("name", Fixtures.unique("Placement"))
                .bind("cap", p.capacity).bind("trainings", p.trainings.toArray(String[]::new))
                .bind("max", p.maxPerWeek).bind("excl", p.excludeOwn).bind("dir", p.directorate)
                .mapTo(UUID.class).one());
        for (Fixtures.User host : p.hosts) {
            db().useHandle(h -> h.execute("INSERT INTO placement_hosts (org_id, placement_id, user_id) VALUES (?, ?, ?)",
                    org.id(), id, host.id()));
        }
        return id;
    }

    static UUID placement(Fixtures.Org org) {
        return placement(org, site(org), new P());
    }

    static UUID shift(Fixtures.Org org, UUID placement, Instant start, Instant end, int capacity) {
        return db().withHandle(h -> h.createQuery("""
                        INSERT INTO shifts (org_id, placement_id, starts_at, ends_at, capacity)
                        VALUES (:org, :p, :s, :e, :c) RETURNING id""")
                .bind("org", org.id()).bind("p", placement).bind("s", start).bind("e", end).bind("c", capacity)
                .mapTo(UUID.class).one());
    }

    static int count(String sql, Object... args) {
        return db().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(Integer.class).one();
        });
    }

    static String text(String sql, Object... args) {
        return db().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(String.class).one();
        });
    }

    static final class P {
        int capacity = 3;
        List<String> trainings = List.of();
        Integer maxPerWeek;
        boolean excludeOwn;
        String directorate;
        List<Fixtures.User> hosts = List.of();

        P capacity(int v) { capacity = v; return this; }
        P trainings(String... v) { trainings = List.of(v); return this; }
        P maxPerWeek(int v) { maxPerWeek = v; return this; }
        P excludeOwn(String dir) { excludeOwn = true; directorate = dir; return this; }
        P hosts(Fixtures.User... v) { hosts = List.of(v); return this; }
    }
}

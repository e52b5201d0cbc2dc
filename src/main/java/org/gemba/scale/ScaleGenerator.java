package org.gemba.scale;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Fills a database with one realistic organisation at scale, deterministically for a seed, with
 * COPY only, in ONE transaction (a failed load leaves nothing behind), then ANALYZE.
 */
public final class ScaleGenerator {
    static final double ATTENDED_SHARE = 0.85;
    private static final long BULK_ROWS = 200_000;
    public static final String ADMIN_PASSWORD = "gemba-scale-admin";
    private static final Map<String, Integer> POLICY_HOURS = Map.of("PERM_SEC", 120, "SCS3", 150, "SCS2", 200, "SCS1", 250);
    private static final String[] ADJUSTMENT_REASONS = {"Long-term sick leave", "Parental leave", "Secondment abroad",
        "Joined mid-year"};

    private final Jdbi jdbi;
    private final ScaleSettings s;
    private final String passwordHash;
    private final ScalePeople people;
    private final UUID org;

    public ScaleGenerator(Jdbi jdbi, ScaleSettings s, String passwordHash) {
        this.jdbi = jdbi;
        this.s = s;
        this.passwordHash = passwordHash;
        this.people = new ScalePeople(s);
        this.org = ScaleIds.of(s.seed(), ScaleIds.ORG, 0);
    }

    public String orgName() {
        return "Gemba Scale Trust " + s.seed();
    }

    public UUID orgId() {
        return org;
    }

    public String adminEmail() {
        return people.adminEmail();
    }

    /** Loads everything and answers the row counts; refuses when the organisation already exists. */
    public Map<String, Long> load(Writer pairs) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbi.useHandle(h -> {
            if (h.createQuery("SELECT EXISTS (SELECT 1 FROM organisations WHERE id = :id OR name = :name)")
                    .bind("id", org).bind("name", orgName()).mapTo(Boolean.class).one()) {
                throw new IllegalStateException("organisation '" + orgName() + "' already exists: seed-scale needs a fresh database (or another --seed)");
            }
            h.useTransaction(t -> write(t, counts, pairs));
        });
        long t0 = System.nanoTime();
        jdbi.useHandle(h -> {
            for (String table : new String[] {"users", "sites", "placements", "shifts", "bookings", "target_policies",
                "target_adjustments", "observations", "improvement_actions", "action_observations"}) {
                h.execute("ANALYZE " + table);
            }
        });
        lap("analyze", t0);
        return counts;
    }

    private void write(Handle h, Map<String, Long> counts, Writer pairs) throws SQLException, IOException {
        Connection c = h.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL synchronous_commit = off");
            st.execute("SET LOCAL maintenance_work_mem = '512MB'");
        }
        h.createUpdate("INSERT INTO organisations (id, name, time_zone) VALUES (:id, :name, 'Europe/London')")
                .bind("id", org).bind("name", orgName()).execute();
        long t0 = System.nanoTime();
        boolean bulk = s.observations() >= BULK_ROWS || s.attendedBookings() >= BULK_ROWS;
        List<String> deferred = bulk ? dropSecondaryIndexes(h, "shifts", "bookings", "observations") : List.of();
        counts.put("users", users(c));
        lap("users", t0);
        FloorWriter floor = new FloorWriter(s, people, org);
        counts.put("sites+placements", floor.sitesAndPlacements(c));
        counts.put("target rows", targets(c));
        counts.put("shifts", floor.shifts(c));
        lap("shifts", t0);
        long[] bookings = floor.bookings(c, pairs);
        counts.put("bookings", bookings[0]);
        counts.put("attended", bookings[1]);
        lap("bookings", t0);
        InsightWriter insight = new InsightWriter(s, people, floor, org);
        counts.put("actions", insight.actions(c));
        long[] observations = insight.observations(c, bookings[1]);
        counts.put("observations", observations[0]);
        counts.put("action links", observations[1]);
        lap("observations", t0);
        deferred.forEach(h::execute);
        lap("indexes", t0);
    }

    /**
     * Building an index once over a loaded table is far cheaper than maintaining it row by row (the
     * GIN indexes over observation text above all), so a bulk load drops the plain (non-unique,
     * non-constraint) indexes of its biggest tables inside the transaction and answers their DDL.
     */
    private static List<String> dropSecondaryIndexes(Handle h, String... tables) {
        List<String> ddl = new ArrayList<>();
        for (String table : tables) {
            h.createQuery("""
                    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS ddl
                      FROM pg_index i
                     WHERE i.indrelid = CAST(:table AS regclass) AND NOT i.indisunique
                       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                    """).bind("table", table).mapToMap().forEach(row -> {
                        h.execute("DROP INDEX " + row.get("name"));
                        ddl.add((String) row.get("ddl"));
                    });
        }
        return ddl;
    }

    private static void lap(String what, long t0) {
        System.out.printf("  %s written at %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    private long users(Connection c) throws SQLException, IOException {
        Instant created = s.firstDay().minusDays(60).atStartOfDay(DayPlan.ZONE).toInstant();
        String cols = "id, org_id, email, name, password_hash, roles, grade, directorate, fte, start_date, end_date, "
                + "trainings, active, created_at, updated_at";
        try (CopyStream out = new CopyStream(c, "users", cols)) {
            for (int i = 0; i < s.leaders(); i++) {
                ScalePeople.Leader l = people.leader(i);
                boolean active = l.end() == null || !l.end().isBefore(s.today());
                out.row(people.id(i), org, people.email("leader", i), people.name(i), null, new String[] {"LEADER"},
                        l.grade(), l.directorate(), l.fte(), l.start(), l.end(), l.trainings(), active, created, created);
            }
            for (int k = 0; k < s.hosts(); k++) {
                staff(out, s.leaders() + k, people.email("host", k), new String[] {"HOST"}, created);
            }
            int base = s.leaders() + s.hosts();
            staff(out, base, people.email("hr", 0), new String[] {"HR"}, created);
            staff(out, base + 1, people.email("hr", 1), new String[] {"HR"}, created);
            for (int k = 0; k < 3; k++) {
                staff(out, base + 2 + k, people.email("improvement", k), new String[] {"IMPROVEMENT"}, created);
            }
            staff(out, base + 5, people.adminEmail(), new String[] {"ADMIN", "HR", "IMPROVEMENT"}, created);
            return out.rows();
        }
    }

    private void staff(CopyStream out, int i, String email, String[] roles, Instant created) throws IOException {
        out.row(people.id(i), org, email, people.name(i), passwordHash, roles, null, null, "1.000", null, null,
                new String[0], true, created, created);
    }

    private long targets(Connection c) throws SQLException, IOException {
        Instant at = s.firstDay().minusDays(10).atStartOfDay(DayPlan.ZONE).toInstant();
        try (CopyStream out = new CopyStream(c, "target_policies", "id, org_id, grade, annual_hours, updated_by, updated_at")) {
            int k = 0;
            for (String grade : ScalePeople.GRADES) {
                out.row(ScaleIds.of(s.seed(), ScaleIds.ADJUSTMENT, 1, k++), org, grade, POLICY_HOURS.get(grade), people.hr(0), at);
            }
        }
        try (CopyStream out = new CopyStream(c, "target_adjustments", "id, org_id, user_id, year, hours, reason, created_by, created_at")) {
            for (int i = 0; i < s.leaders(); i++) {
                SplittableRandom r = Mix.random(s.seed(), ScaleIds.ADJUSTMENT, i);
                if (r.nextInt(100) < 3) {
                    out.row(ScaleIds.of(s.seed(), ScaleIds.ADJUSTMENT, i), org, people.id(i), s.firstDay().getYear(),
                            10 + r.nextInt(40), Mix.pick(r, ADJUSTMENT_REASONS), people.hr(1), at.plusSeconds(86_400L * 30));
                }
            }
            return out.rows() + ScalePeople.GRADES.length;
        }
    }
}

package org.gemba.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.gemba.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A tiny run of the scale generator, so the benchmark's data cannot rot unnoticed. */
class ScaleGeneratorTest {
    private static final ScaleSettings SETTINGS = new ScaleSettings(4242, 40, 2000, 300, LocalDate.of(2025, 10, 1),
            LocalDate.of(2025, 4, 1), 30);
    private static Jdbi jdbi;
    private static ScaleGenerator generator;
    private static Map<String, Long> counts;
    private static String pairs;

    @BeforeAll
    static void load() throws Exception {
        jdbi = TestDatabase.get().jdbi();
        generator = new ScaleGenerator(jdbi, SETTINGS, "not-a-real-hash");
        StringWriter w = new StringWriter();
        counts = generator.load(w);
        pairs = w.toString();
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("org", generator.orgId()).mapTo(Long.class).one());
    }

    @Test
    void load_writesEveryKindOfRow() {
        assertThat(counts).allSatisfy((k, n) -> assertThat(n).as(k).isPositive());
        assertThat(count("SELECT count(*) FROM users WHERE org_id = :org AND 'LEADER' = ANY (roles)")).isEqualTo(40);
        assertThat(count("SELECT count(DISTINCT status) FROM bookings WHERE org_id = :org")).isEqualTo(4);
        assertThat(count("SELECT count(DISTINCT status) FROM observations WHERE org_id = :org")).isEqualTo(5);
        assertThat(count("SELECT count(DISTINCT status) FROM improvement_actions WHERE org_id = :org")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM observations WHERE org_id = :org")).isEqualTo(300);
        assertThat(count("SELECT count(*) FROM bookings WHERE org_id = :org AND status = 'ATTENDED'"))
                .isEqualTo(counts.get("attended")).isBetween(1400L, 2600L);
    }

    @Test
    void load_keepsBookedCountsWithinCapacityAndInStepWithBookings() {
        assertThat(count("""
                SELECT count(*) FROM shifts s
                 WHERE s.org_id = :org
                   AND (s.booked_count > s.capacity
                        OR s.booked_count <> (SELECT count(*) FROM bookings b
                                               WHERE b.shift_id = s.id AND b.status <> 'CANCELLED'))
                """)).isZero();
    }

    @Test
    void load_neverOverlapsALeadersActiveBookings() {
        assertThat(count("""
                SELECT count(*) FROM bookings a JOIN bookings b
                    ON b.org_id = a.org_id AND b.leader_id = a.leader_id AND b.id < a.id AND b.during && a.during
                 WHERE a.org_id = :org AND a.status IN ('BOOKED', 'ATTENDED') AND b.status IN ('BOOKED', 'ATTENDED')
                """)).isZero();
    }

    @Test
    void pairs_fitFreePlacesWithoutOverlaps() {
        Map<String, Integer> perShift = new HashMap<>();
        String[] lines = pairs.split("\n");
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines) {
            String[] p = line.split(",");
            perShift.merge(p[1], 1, Integer::sum);
            long clash = jdbi.withHandle(h -> h.createQuery("""
                    SELECT count(*) FROM bookings b JOIN shifts s ON s.id = :shift
                     WHERE b.leader_id = :leader AND b.status IN ('BOOKED', 'ATTENDED')
                       AND b.during && tstzrange(s.starts_at, s.ends_at)
                    """).bind("shift", UUID.fromString(p[1])).bind("leader", UUID.fromString(p[0])).mapTo(Long.class).one());
            assertThat(clash).as(line).isZero();
        }
        perShift.forEach((shift, n) -> assertThat(count("SELECT capacity - booked_count FROM shifts WHERE org_id = :org AND id = '"
                + shift + "'")).as(shift).isGreaterThanOrEqualTo(n));
    }

    @Test
    void load_whenOrganisationExists_refuses() {
        assertThatThrownBy(() -> new ScaleGenerator(jdbi, SETTINGS, "x").load(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already exists");
        assertThat(count("SELECT count(*) FROM users WHERE org_id = :org AND 'LEADER' = ANY (roles)")).isEqualTo(40);
    }
}

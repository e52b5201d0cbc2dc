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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ObservationLifecycleTest {
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
    void create_withSite_answers201NewWithLocationAndDueDate() {
        TestApplication.CLOCK.set(Instant.parse("2026-05-15T10:00:00Z")); // Friday
        Http.Res res = api.as(leader).post("/api/v1/observations", Map.of("siteId", site.toString(),
                "text", "Hand-gel dispensers empty on Ward 3", "kind", "BARRIER", "tags", java.util.List.of("infection")));
        assertThat(res.status()).isEqualTo(201);
        JsonNode body = res.json();
        assertThat(body.path("status").asText()).isEqualTo("NEW");
        assertThat(res.header("Location")).endsWith("/api/v1/observations/" + body.path("id").asText());
        // Mon 18 .. Fri 22 May: due at the end of Friday 22 May, London time
        assertThat(body.path("triageDueAt").asText()).isEqualTo("2026-05-22T23:00:00Z");
        assertThat(body.path("authorId").asText()).isEqualTo(leader.id().toString());
        assertThat(InsightFixtures.auditRows(InsightApi.id(body), "CREATED")).isEqualTo(1);
    }

    /** Every column comes back in its own field, from the single read, the plain list and a search. */
    @Test
    void everyField_readsBackInPlace_fromDetailListAndSearch() {
        TestApplication.CLOCK.set(Instant.parse("2026-05-15T10:00:00Z")); // Friday
        JsonNode created = api.observe(leader, site, "Hoist slings missing on Ward 9 again", "IDEA",
                Map.of("observedAt", "2026-05-14T08:30:00Z", "criterion", "CULTURE", "cause", "TOOLS_AND_RESOURCES",
                        "tags", java.util.List.of("hoists", "ward 9")));
        UUID obs = InsightApi.id(created);
        TestApplication.CLOCK.set(Instant.parse("2026-05-18T09:00:00Z"));
        Http.Res triaged = api.as(improver).post("/api/v1/observations/" + obs + "/triage", Map.of("priority", "P3",
                "theme", "Equipment", "criterion", "DELIVERY", "cause", "PROCESS", "team", "Manual handling"));
        assertThat(triaged.status()).as(triaged.toString()).isEqualTo(200);

        JsonNode detail = api.as(improver).get("/api/v1/observations/" + obs).json();
        JsonNode listed = api.as(improver).get("/api/v1/observations").json().path("items").get(0);
        JsonNode searched = api.as(improver).get("/api/v1/observations?q=slings").json().path("items").get(0);
        for (JsonNode o : java.util.List.of(detail, listed, searched)) {
            assertThat(o.path("id").asText()).isEqualTo(obs.toString());
            assertThat(o.path("authorId").asText()).isEqualTo(leader.id().toString());
            assertThat(o.path("siteId").asText()).isEqualTo(site.toString());
            assertThat(o.path("bookingId").isNull()).isTrue();
            assertThat(o.path("placementId").isNull()).isTrue();
            assertThat(o.path("observedAt").asText()).isEqualTo("2026-05-14T08:30:00Z");
            assertThat(o.path("loggedAt").asText()).isEqualTo("2026-05-15T10:00:00Z");
            assertThat(o.path("text").asText()).isEqualTo("Hoist slings missing on Ward 9 again");
            assertThat(o.path("kind").asText()).isEqualTo("IDEA");
            assertThat(o.path("criterion").asText()).isEqualTo("DELIVERY");
            assertThat(o.path("cause").asText()).isEqualTo("PROCESS");
            assertThat(o.path("tags").toString()).isEqualTo("[\"hoists\",\"ward 9\"]");
            assertThat(o.path("status").asText()).isEqualTo("TRIAGED");
            assertThat(o.path("priority").asText()).isEqualTo("P3");
            assertThat(o.path("theme").asText()).isEqualTo("Equipment");
            assertThat(o.path("team").asText()).isEqualTo("Manual handling");
            assertThat(o.path("triageDueAt").asText()).isEqualTo("2026-05-22T23:00:00Z");
            assertThat(o.path("triagedAt").asText()).isEqualTo("2026-05-18T09:00:00Z");
            assertThat(o.path("declinedAt").isNull()).isTrue();
            assertThat(o.path("closedAt").isNull()).isTrue();
            assertThat(o.path("version").asInt()).isEqualTo(created.path("version").asInt() + 1);
        }

        JsonNode other = api.observe(leader, site, "Sluice room door propped open");
        Http.Res declined = api.as(improver).post("/api/v1/observations/" + InsightApi.id(other) + "/decline",
                Map.of("reason", "raised with estates already"));
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        JsonNode declinedListed = api.as(improver).get("/api/v1/observations?status=DECLINED").json().path("items").get(0);
        assertThat(declinedListed.path("declinedAt").asText()).isEqualTo("2026-05-18T09:00:00Z");
        assertThat(declinedListed.path("declineReason").asText()).isEqualTo("raised with estates already");
    }

    @Test
    void triageAndDecline_withStaleIfMatch_answer412AndChangeNothing() {
        Http.Res created = api.as(leader).post("/api/v1/observations", Map.of("siteId", site.toString(),
                "text", "No spare hoist slings on Ward 9", "kind", "BARRIER"));
        UUID obs = InsightApi.id(created.json());
        String asLogged = created.header("ETag");
        Http.Res triage = api.as(improver).header("If-Match", asLogged).post("/api/v1/observations/" + obs + "/triage",
                Map.of("priority", "P2", "theme", "Equipment", "criterion", "DELIVERY", "cause", "PROCESS"));
        assertThat(triage.status()).as(triage.toString()).isEqualTo(200);

        Http.Res stale = api.as(improver).header("If-Match", asLogged).post("/api/v1/observations/" + obs + "/decline",
                Map.of("reason", "duplicate"));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("PRECONDITION_FAILED");
        assertThat(api.status(improver, obs)).isEqualTo("TRIAGED");
        assertThat(InsightFixtures.auditRows(obs, "DECLINED")).isZero();
        Http.Res staleTriage = api.as(improver).header("If-Match", asLogged).post("/api/v1/observations/" + obs
                + "/triage", Map.of("priority", "P1", "theme", "Equipment", "criterion", "DELIVERY", "cause", "PROCESS"));
        assertThat(staleTriage.status()).isEqualTo(412);

        Http.Res ok = api.as(improver).header("If-Match", triage.header("ETag")).post("/api/v1/observations/" + obs
                + "/decline", Map.of("reason", "duplicate of an earlier report"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().path("status").asText()).isEqualTo("DECLINED");
    }

    @Test
    void create_overABankHolidayWeekend_skipsTheHoliday() {
        TestApplication.CLOCK.set(Instant.parse("2026-04-30T10:00:00Z")); // Thursday; Mon 4 May is a bank holiday
        JsonNode body = api.observe(leader, site, "Reception queue with no signage");
        // Fri 1, Tue 5, Wed 6, Thu 7, Fri 8 May
        assertThat(body.path("triageDueAt").asText()).isEqualTo("2026-05-08T23:00:00Z");
    }

    @Test
    void create_safetyConcern_isDueNextWorkingDayAndTellsEveryImprovementUserAtOnce() {
        Fixtures.User secondImprover = org.user("IMPROVEMENT");
        Fixtures.User admin = org.user("ADMIN");
        Fixtures.User otherOrgImprover = Fixtures.org().user("IMPROVEMENT");
        TestApplication.CLOCK.set(Instant.parse("2026-05-15T10:00:00Z")); // Friday
        JsonNode body = api.observe(leader, site, "Theatre lift doors closing on trolleys", "SAFETY_CONCERN", Map.of());
        assertThat(body.path("triageDueAt").asText()).isEqualTo("2026-05-18T23:00:00Z");
        assertThat(InsightFixtures.notifications(improver.id(), "SAFETY_CONCERN_LOGGED")).isEqualTo(1);
        assertThat(InsightFixtures.notifications(secondImprover.id(), "SAFETY_CONCERN_LOGGED")).isEqualTo(1);
        assertThat(InsightFixtures.notifications(admin.id(), "SAFETY_CONCERN_LOGGED")).isZero();
        assertThat(InsightFixtures.notifications(otherOrgImprover.id(), "SAFETY_CONCERN_LOGGED")).isZero();
        assertThat(InsightFixtures.lastNotificationBody(improver.id(), "SAFETY_CONCERN_LOGGED"))
                .contains("Theatre lift doors");
    }

    @Test
    void create_withOwnBooking_takesSiteAndPlacementFromIt() {
        UUID placement = InsightFixtures.placement(org, site, "Catering — Ward 3 meal service");
        UUID booking = InsightFixtures.booking(org, placement, leader, Instant.parse("2026-03-02T09:00:00Z"));
        Http.Res res = api.as(leader).post("/api/v1/observations", Map.of("bookingId", booking.toString(),
                "text", "Meal trolleys late", "kind", "BARRIER"));
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        assertThat(res.json().path("siteId").asText()).isEqualTo(site.toString());
        assertThat(res.json().path("placementId").asText()).isEqualTo(placement.toString());
    }

    @Test
    void create_withAnotherLeadersBooking_refusesOnBookingId() {
        UUID placement = InsightFixtures.placement(org, site, "Portering");
        UUID booking = InsightFixtures.booking(org, placement, org.user("LEADER"), Instant.parse("2026-03-02T09:00:00Z"));
        Http.Res res = api.as(leader).post("/api/v1/observations", Map.of("bookingId", booking.toString(),
                "text", "Lift broken", "kind", "BARRIER"));
        assertThat(res.status()).isEqualTo(422);
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("bookingId");
    }

    @Test
    void create_withoutSiteOrBooking_refusesOnSiteId() {
        Http.Res res = api.as(leader).post("/api/v1/observations", Map.of("text", "Lift broken", "kind", "BARRIER"));
        assertThat(res.status()).isEqualTo(422);
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("siteId");
    }

    @Test
    void create_withAnotherOrganisationsSite_refusesOnSiteId() {
        UUID foreignSite = InsightFixtures.site(Fixtures.org(), "Elsewhere");
        Http.Res res = api.as(leader).post("/api/v1/observations", Map.of("siteId", foreignSite.toString(),
                "text", "Lift broken", "kind", "BARRIER"));
        assertThat(res.status()).isEqualTo(422);
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("siteId");
    }

    @Test
    void create_withBadFields_refusesEachWith422() {
        Http leaderHttp = api.as(leader);
        assertThat(leaderHttp.post("/api/v1/observations", Map.of("siteId", site.toString(), "text", "x".repeat(10_001),
                "kind", "BARRIER")).status()).isEqualTo(422);
        assertThat(leaderHttp.post("/api/v1/observations", Map.of("siteId", site.toString(), "text", "ok",
                "kind", "COMPLAINT")).status()).isEqualTo(422);
        assertThat(leaderHttp.post("/api/v1/observations", Map.of("siteId", site.toString(), "text", "ok")).status())
                .isEqualTo(422);
        assertThat(leaderHttp.post("/api/v1/observations", Map.of("siteId", site.toString(), "text", "ok",
                "kind", "IDEA", "colour", "red")).code()).isEqualTo("UNKNOWN_FIELD");
        assertThat(leaderHttp.post("/api/v1/observations", Map.of("siteId", site.toString(), "text", "ok",
                "kind", "IDEA", "observedAt", "2099-01-01T00:00:00Z")).status()).isEqualTo(422);
        assertThat(api.as(improver).post("/api/v1/observations", Map.of("siteId", site.toString(), "text", "ok",
                "kind", "IDEA")).status()).isEqualTo(403);
    }

    @Test
    void triage_fromNew_becomesTriagedAndTellsTheAuthor() {
        UUID id = InsightApi.id(api.observe(leader, site, "Meal trolleys late on Ward 3"));
        JsonNode body = api.triage(improver, id, "Meals");
        assertThat(body.path("status").asText()).isEqualTo("TRIAGED");
        assertThat(body.path("priority").asText()).isEqualTo("P2");
        assertThat(body.path("triagedAt").isNull()).isFalse();
        assertThat(InsightFixtures.notifications(leader.id(), "OBSERVATION_TRIAGED")).isEqualTo(1);
        assertThat(InsightFixtures.auditRows(id, "TRIAGED")).isEqualTo(1);
    }

    @Test
    void triage_whenAlreadyTriagedOrDeclined_refusesWithInvalidTransition() {
        UUID triaged = InsightApi.id(api.observe(leader, site, "one"));
        api.triage(improver, triaged, "Meals");
        assertThat(triageRes(triaged).code()).isEqualTo("INVALID_TRANSITION");
        UUID declined = InsightApi.id(api.observe(leader, site, "two"));
        assertThat(decline(declined, "duplicate").status()).isEqualTo(200);
        Http.Res res = triageRes(declined);
        assertThat(res.status()).isEqualTo(409);
        assertThat(res.code()).isEqualTo("INVALID_TRANSITION");
    }

    @Test
    void triage_whenActionedOrClosed_refusesWithInvalidTransition() {
        UUID id = InsightApi.id(api.observe(leader, site, "lift broken"));
        UUID action = InsightApi.id(api.action(improver, improver.id(), "Fix the lift", id));
        assertThat(triageRes(id).code()).isEqualTo("INVALID_TRANSITION");
        assertThat(decline(id, "no").code()).isEqualTo("INVALID_TRANSITION");
        assertThat(api.status(improver, id)).isEqualTo("ACTIONED");
        api.complete(improver, action, "Lift repaired");
        assertThat(api.status(improver, id)).isEqualTo("CLOSED");
        assertThat(triageRes(id).code()).isEqualTo("INVALID_TRANSITION");
        assertThat(decline(id, "no").code()).isEqualTo("INVALID_TRANSITION");
    }

    @Test
    void triage_withMissingFieldsOrByALeader_isRefused() {
        UUID id = InsightApi.id(api.observe(leader, site, "one"));
        Http.Res res = api.as(improver).post("/api/v1/observations/" + id + "/triage",
                Map.of("priority", "P9", "theme", "Meals", "criterion", "DELIVERY", "cause", "PROCESS"));
        assertThat(res.status()).isEqualTo(422);
        assertThat(api.as(improver).post("/api/v1/observations/" + id + "/triage",
                Map.of("priority", "P1", "criterion", "DELIVERY", "cause", "PROCESS")).status()).isEqualTo(422);
        assertThat(api.as(leader).post("/api/v1/observations/" + id + "/triage",
                Map.of("priority", "P1", "theme", "t", "criterion", "DELIVERY", "cause", "PROCESS")).status())
                .isEqualTo(403);
        assertThat(api.status(leader, id)).isEqualTo("NEW");
    }

    @Test
    void decline_fromNewAndFromTriaged_becomesDeclinedAndTellsTheAuthorWhy() {
        UUID fresh = InsightApi.id(api.observe(leader, site, "one"));
        Http.Res res = decline(fresh, "Already reported by the ward manager");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().path("status").asText()).isEqualTo("DECLINED");
        assertThat(res.json().path("declineReason").asText()).isEqualTo("Already reported by the ward manager");
        assertThat(InsightFixtures.lastNotificationBody(leader.id(), "OBSERVATION_DECLINED"))
                .contains("Already reported by the ward manager");
        UUID triaged = InsightApi.id(api.observe(leader, site, "two"));
        api.triage(improver, triaged, "Meals");
        assertThat(decline(triaged, "Out of scope").json().path("status").asText()).isEqualTo("DECLINED");
        assertThat(decline(triaged, "again").code()).isEqualTo("INVALID_TRANSITION");
    }

    @Test
    void decline_withoutReason_refusesWith422AndChangesNothing() {
        UUID id = InsightApi.id(api.observe(leader, site, "one"));
        Http.Res res = api.as(improver).post("/api/v1/observations/" + id + "/decline", Map.of("reason", "  "));
        assertThat(res.status()).isEqualTo(422);
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(api.as(improver).post("/api/v1/observations/" + id + "/decline", Map.of()).status()).isEqualTo(422);
        assertThat(api.status(leader, id)).isEqualTo("NEW");
    }

    @Test
    void get_isVisibleToAuthorImprovementAndAdminOnly() {
        UUID id = InsightApi.id(api.observe(leader, site, "one"));
        assertThat(api.as(leader).get("/api/v1/observations/" + id).status()).isEqualTo(200);
        assertThat(api.as(improver).get("/api/v1/observations/" + id).status()).isEqualTo(200);
        assertThat(api.as(org.user("ADMIN")).get("/api/v1/observations/" + id).status()).isEqualTo(200);
        assertThat(api.as(org.user("LEADER")).get("/api/v1/observations/" + id).code()).isEqualTo("NOT_FOUND");
        // a HOST can never be an author (only leaders log observations): the role may not call this at all
        assertThat(api.as(org.user("HOST")).get("/api/v1/observations/" + id).status()).isEqualTo(403);
        assertThat(api.as(Fixtures.org().user("IMPROVEMENT")).get("/api/v1/observations/" + id).status())
                .isEqualTo(404);
        assertThat(api.as(improver).get("/api/v1/observations/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void triage_ofAnotherOrganisationsObservation_is404() {
        UUID id = InsightApi.id(api.observe(leader, site, "one"));
        Fixtures.User stranger = Fixtures.org().user("IMPROVEMENT");
        Http.Res res = api.as(stranger).post("/api/v1/observations/" + id + "/triage",
                Map.of("priority", "P1", "theme", "t", "criterion", "DELIVERY", "cause", "PROCESS"));
        assertThat(res.status()).isEqualTo(404);
        assertThat(api.status(leader, id)).isEqualTo("NEW");
    }

    private Http.Res triageRes(UUID id) {
        return api.as(improver).post("/api/v1/observations/" + id + "/triage",
                Map.of("priority", "P1", "theme", "Again", "criterion", "CULTURE", "cause", "OTHER"));
    }

    private Http.Res decline(UUID id, String reason) {
        return api.as(improver).post("/api/v1/observations/" + id + "/decline", Map.of("reason", reason));
    }
}

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class SimilarAndBriefTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    Fixtures.Org org;
    Fixtures.User leader;
    Fixtures.User improver;
    UUID site;
    InsightApi api;

    @BeforeEach
    void setUp() {
        org = Fixtures.org();
        leader = org.user(new Fixtures.UserSpec("LEADER").name("Sir Visible Author"));
        improver = org.user("IMPROVEMENT");
        site = InsightFixtures.site(org, "St Mary's Hospital");
        api = new InsightApi(APP.getLocalPort());
    }

    @Test
    void similar_ranksTheNearDuplicateFirst() {
        UUID original = InsightApi.id(api.observe(leader, site,
                "Meal trolleys arrive late on Ward 3, so patients' lunches are cold by the time they are served"));
        api.observe(leader, site, "Hand-gel dispensers empty at the main entrance of Ward 3");
        api.observe(leader, site, "Theatre lift broken and porters waiting with patients");
        api.observe(leader, site, "Reception queue with no signage to outpatients");
        UUID duplicate = InsightApi.id(api.observe(org.user("LEADER"), site,
                "On Ward 3 the lunch trolley came late again and the patients' meals were served cold"));
        Http.Res res = api.as(improver).get("/api/v1/observations/" + duplicate + "/similar");
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        JsonNode first = res.json().path("items").get(0);
        assertThat(first.path("type").asText()).isEqualTo("OBSERVATION");
        assertThat(first.path("id").asText()).isEqualTo(original.toString());
        assertThat(first.path("score").asDouble()).isGreaterThan(res.json().path("items").get(1).path("score").asDouble());
        for (JsonNode item : res.json().path("items")) {
            assertThat(item.path("id").asText()).isNotEqualTo(duplicate.toString());
        }
    }

    @Test
    void similar_limit_takesTheListRange_andRefusesOutsideIt() {
        api.observe(leader, site, "Meal trolleys arrive late on Ward 3");
        api.observe(leader, site, "Lunch trolley late on Ward 3 again");
        UUID probe = InsightApi.id(api.observe(leader, site, "Ward 3 meal trolley was late today"));
        String path = "/api/v1/observations/" + probe + "/similar";

        assertThat(api.as(improver).get(path + "?limit=1").json().path("items")).hasSize(1);
        Http.Res all = api.as(improver).get(path + "?limit=500");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().path("items")).hasSize(2);
        for (String limit : new String[] {"0", "501", "many"}) {
            Http.Res bad = api.as(improver).get(path + "?limit=" + limit);
            assertThat(bad.status()).as(limit).isEqualTo(422);
            assertThat(bad.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("limit");
        }
    }

    @Test
    void similar_offersOpenActionsAndMarksDeclinedObservations() {
        UUID declined = InsightApi.id(api.observe(leader, site, "Hand gel dispensers are empty by the ward doors"));
        api.as(improver).post("/api/v1/observations/" + declined + "/decline", Map.of("reason", "Reported to estates"));
        UUID action = InsightApi.id(api.action(improver, improver.id(), "Refill hand gel dispensers daily"));
        UUID doneAction = InsightApi.id(api.action(improver, improver.id(), "Hand gel dispensers audit"));
        api.complete(improver, doneAction, "Audit finished");
        UUID fresh = InsightApi.id(api.observe(leader, site, "Empty hand gel dispensers at the ward entrance"));
        JsonNode items = api.as(improver).get("/api/v1/observations/" + fresh + "/similar").json().path("items");
        boolean sawDeclined = false;
        boolean sawAction = false;
        for (JsonNode item : items) {
            if (item.path("id").asText().equals(declined.toString())) {
                sawDeclined = true;
                assertThat(item.path("status").asText()).isEqualTo("DECLINED");
            }
            if (item.path("id").asText().equals(action.toString())) {
                sawAction = true;
                assertThat(item.path("type").asText()).isEqualTo("ACTION");
                assertThat(item.path("title").asText()).isEqualTo("Refill hand gel dispensers daily");
            }
            assertThat(item.path("id").asText()).isNotEqualTo(doneAction.toString());
        }
        assertThat(sawDeclined).isTrue();
        assertThat(sawAction).isTrue();
        assertThat(api.as(leader).get("/api/v1/observations/" + fresh + "/similar").status()).isEqualTo(403);
        assertThat(api.as(Fixtures.org().user("IMPROVEMENT")).get("/api/v1/observations/" + fresh + "/similar")
                .status()).isEqualTo(404);
    }

    @Test
    void brief_showsTriagedObservationsAndTheirActionsWithoutAuthors() {
        UUID placement = InsightFixtures.placement(org, site, "Catering — Ward 3 meal service");
        UUID booking1 = InsightFixtures.booking(org, placement, leader, Instant.parse("2026-01-05T09:00:00Z"));
        UUID booking2 = InsightFixtures.booking(org, placement, leader, Instant.parse("2026-01-12T09:00:00Z"));
        UUID booking3 = InsightFixtures.booking(org, placement, leader, Instant.parse("2026-01-19T09:00:00Z"));
        UUID older = observeOnBooking(booking1, "Trolleys late", "2026-01-05T10:00:00Z");
        UUID newer = observeOnBooking(booking2, "No allergen labels on desserts", "2026-01-12T10:00:00Z");
        UUID untriaged = observeOnBooking(booking3, "Fresh and not yet triaged", "2026-01-19T10:00:00Z");
        api.triage(improver, older, "Meals");
        UUID action = InsightApi.id(api.action(improver, improver.id(), "Earlier trolley round", older));
        api.complete(improver, action, "Trolleys leave at 11:45");
        api.triage(improver, newer, "Allergens");

        Http.Res res = api.as(org.user("HOST")).get("/api/v1/placements/" + placement + "/brief");
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        JsonNode obs = res.json().path("observations");
        assertThat(obs.size()).isEqualTo(2);
        assertThat(obs.get(0).path("id").asText()).isEqualTo(newer.toString());
        assertThat(obs.get(1).path("status").asText()).isEqualTo("CLOSED");
        assertThat(obs.get(1).path("actions").get(0).path("outcome").asText()).isEqualTo("Trolleys leave at 11:45");
        assertThat(res.json().path("actions").get(0).path("id").asText()).isEqualTo(action.toString());
        assertThat(res.body()).doesNotContain(untriaged.toString()).doesNotContain(leader.id().toString())
                .doesNotContain("Sir Visible Author").doesNotContain("authorId");
        assertThat(api.as(Fixtures.org().user("LEADER")).get("/api/v1/placements/" + placement + "/brief").status())
                .isEqualTo(404);
        assertThat(api.as(leader).get("/api/v1/placements/" + UUID.randomUUID() + "/brief").status()).isEqualTo(404);
    }

    @Test
    void openApi_describesTheInsightEndpoints() {
        Http.Res res = Http.at(APP.getLocalPort()).get("/openapi.json");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body()).contains("/api/v1/observations/{id}/similar", "/api/v1/actions/{id}/complete",
                "/api/v1/placements/{id}/brief", "/api/v1/insights/summary");
    }

    private UUID observeOnBooking(UUID booking, String text, String observedAt) {
        Http.Res res = api.as(leader).post("/api/v1/observations", Map.of("bookingId", booking.toString(),
                "text", text, "kind", "BARRIER", "observedAt", observedAt));
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        return InsightApi.id(res.json());
    }
}

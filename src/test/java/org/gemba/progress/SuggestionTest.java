package org.gemba.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
class SuggestionTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();
    /** Monday 5 October 2026, 09:00 London: the shifts below fall in this ISO week. */
    static final Instant MONDAY = Instant.parse("2026-10-05T08:00:00Z");

    private Fixtures.Org org;
    private FloorData floor;
    private Fixtures.User leader;
    private Fixtures.User other;
    private UUID siteA;

    @BeforeEach
    void setUp() {
        TestApplication.CLOCK.set(MONDAY);
        org = Fixtures.org();
        floor = FloorData.of(org);
        leader = org.user(new Fixtures.UserSpec("LEADER").directorate("Finance").trainings("FOOD_HYGIENE"));
        other = org.user(new Fixtures.UserSpec("LEADER").directorate("Estates"));
        siteA = floor.site("Site A");
    }

    @AfterEach
    void resetClock() {
        TestApplication.CLOCK.reset();
    }

    private static Instant at(int days, int hour) {
        return MONDAY.plus(Duration.ofDays(days)).plus(Duration.ofHours(hour - 9));
    }

    private UUID shift(UUID placement, int days, int hour, int hours) {
        return floor.shift(placement, at(days, hour), at(days, hour + hours), 2);
    }

    private List<String> suggestedIds(Fixtures.User caller, UUID forLeader) {
        Http.Res res = caller.http(APP.getLocalPort()).get("/api/v1/users/" + forLeader + "/suggestions?limit=50");
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        res.json().path("items").forEach(i -> ids.add(i.path("shiftId").asText()));
        return ids;
    }

    @Test
    void suggestions_neverIncludeAShiftTheLeaderCouldNotBook() {
        UUID known = floor.placement(siteA, "Known kitchen", new String[] {"FOOD_HYGIENE"}, null, false, null);
        UUID open = floor.placement(floor.site("Site B"), "Porters");
        UUID hazardous = floor.placement(siteA, "Isolation ward", new String[] {"INFECTION_CONTROL"}, null, false, null);
        UUID ownDirectorate = floor.placement(siteA, "Finance desk", new String[0], null, true, "Finance");
        UUID capped = floor.placement(siteA, "Small team", new String[0], 1, false, null);

        floor.attended(leader.id(), known, at(-30, 9), at(-30, 13));
        UUID ok = shift(open, 2, 9, 4);
        UUID okKnown = shift(known, 3, 9, 4);
        UUID full = floor.shift(open, at(2, 14), at(2, 18), 1);
        floor.book(other.id(), full);
        UUID mine = shift(known, 4, 9, 4);
        floor.book(leader.id(), mine);
        UUID overlapping = shift(open, 4, 11, 4);
        UUID tooSoon = shift(open, 0, 20, 4);           // 11 hours ahead; notice is 24
        UUID cancelled = shift(open, 3, 14, 4);
        floor.cancelShift(cancelled);
        UUID needsTraining = shift(hazardous, 2, 9, 4);
        UUID ownDir = shift(ownDirectorate, 2, 9, 4);
        UUID cappedBooked = shift(capped, 1, 14, 4);
        floor.book(other.id(), cappedBooked);
        UUID cappedSameWeek = shift(capped, 3, 9, 4);
        UUID past = shift(open, -1, 9, 4);

        List<String> ids = suggestedIds(leader, leader.id());
        assertThat(ids).containsExactly(ok.toString(), okKnown.toString());
        assertThat(ids).doesNotContain(full.toString(), mine.toString(), overlapping.toString(), tooSoon.toString(),
                cancelled.toString(), needsTraining.toString(), ownDir.toString(), cappedBooked.toString(),
                cappedSameWeek.toString(), past.toString());
    }

    @Test
    void suggestions_cappedPlacement_isOfferedInAWeekWithRoom() {
        UUID capped = floor.placement(siteA, "Small team", new String[0], 1, false, null);
        floor.book(other.id(), shift(capped, 1, 14, 4));
        UUID nextWeek = shift(capped, 8, 9, 4);
        assertThat(suggestedIds(leader, leader.id())).containsExactly(nextWeek.toString());
    }

    @Test
    void suggestions_preferUnseenPlacementsOverSooner_andSpreadLeadersAcrossHosts() {
        UUID seen = floor.placement(siteA, "Seen");
        UUID unseenBusy = floor.placement(siteA, "Busy");
        UUID unseenQuiet = floor.placement(siteA, "Quiet");
        floor.attended(leader.id(), seen, at(-10, 9), at(-10, 12));
        Fixtures.User third = org.user("LEADER");
        floor.attended(other.id(), unseenBusy, at(-5, 9), at(-5, 12));
        floor.attended(third.id(), unseenBusy, at(-6, 9), at(-6, 12));
        UUID seenSoonest = shift(seen, 2, 9, 3);
        UUID busy = shift(unseenBusy, 3, 9, 3);
        UUID quiet = shift(unseenQuiet, 5, 9, 3);

        Http.Res res = leader.http(APP.getLocalPort()).get("/api/v1/users/" + leader.id() + "/suggestions");
        JsonNode items = res.json().path("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("shiftId").asText()).isEqualTo(quiet.toString());
        assertThat(items.get(1).path("shiftId").asText()).isEqualTo(busy.toString());
        assertThat(items.get(2).path("shiftId").asText()).isEqualTo(seenSoonest.toString());
        assertThat(items.get(0).path("placementName").asText()).isEqualTo("Quiet");
        assertThat(items.get(0).path("siteName").asText()).isEqualTo("Site A");
        assertThat(items.get(0).path("reason").asText()).isNotBlank();
        assertThat(items.get(0).path("score").asDouble()).isGreaterThan(items.get(2).path("score").asDouble());
        assertThat(res.json().has("gapHours")).isTrue();
    }

    @Test
    void suggestions_limitIsRespected_andValidated() {
        UUID p = floor.placement(siteA, "Any");
        shift(p, 2, 9, 3);
        shift(p, 3, 9, 3);
        Http http = leader.http(APP.getLocalPort());
        assertThat(http.get("/api/v1/users/" + leader.id() + "/suggestions?limit=1").json().path("items")).hasSize(1);
        // the range of every list (API.md): 1..500, refused outside it, not clamped
        assertThat(http.get("/api/v1/users/" + leader.id() + "/suggestions?limit=500").json().path("items")).hasSize(2);
        assertThat(http.get("/api/v1/users/" + leader.id() + "/suggestions?limit=").json().path("items")).hasSize(2);
        for (String limit : new String[] {"0", "501", "ten"}) {
            Http.Res bad = http.get("/api/v1/users/" + leader.id() + "/suggestions?limit=" + limit);
            assertThat(bad.status()).as(limit).isEqualTo(422);
            assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("limit");
        }
    }

    @Test
    void suggestions_forAnotherLeader_areNotFound_butHrMayAsk_andHostIsForbidden() {
        UUID p = floor.placement(siteA, "Any");
        UUID s = shift(p, 2, 9, 3);
        assertThat(leader.http(APP.getLocalPort()).get("/api/v1/users/" + other.id() + "/suggestions").status())
                .isEqualTo(404);
        assertThat(suggestedIds(org.user("HR"), other.id())).containsExactly(s.toString());
        assertThat(org.user("HOST").http(APP.getLocalPort()).get("/api/v1/users/" + leader.id() + "/suggestions")
                .status()).isEqualTo(403);
        assertThat(org.user("HR").http(APP.getLocalPort())
                .get("/api/v1/users/" + Fixtures.org().user("LEADER").id() + "/suggestions").status()).isEqualTo(404);
    }
}

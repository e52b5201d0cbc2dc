package org.gemba.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.gemba.support.TestApplication;
import org.gemba.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ProgressTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();
    /** 1 October 2026, 00:00 in London (BST): 183 of year 2026's 365 days have passed. */
    static final Instant OCT_1 = Instant.parse("2026-09-30T23:00:00Z");
    static final Instant APRIL_2 = Instant.parse("2026-04-02T08:00:00Z");

    private Fixtures.Org org;
    private Fixtures.User hr;
    private FloorData floor;
    private UUID placement;

    @BeforeEach
    void setUp() {
        TestApplication.CLOCK.set(OCT_1);
        org = Fixtures.org();
        hr = org.user("HR");
        floor = FloorData.of(org);
        placement = floor.placement(floor.site("Ward block"), "Ward 3 meals");
    }

    @AfterEach
    void resetClock() {
        TestApplication.CLOCK.reset();
    }

    private Http as(Fixtures.User u) {
        return u.http(APP.getLocalPort());
    }

    private JsonNode progress(UUID leader, int year) {
        Http.Res res = as(hr).get("/api/v1/users/" + leader + "/progress?year=" + year);
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        return res.json();
    }

    private String hours(JsonNode n, String field) {
        return n.path(field).decimalValue().setScale(2).toPlainString();
    }

    /** A grade whose annual hours equal the year's days, so expected-to-date is whole hours. */
    private Fixtures.User leader365() {
        assertThat(as(hr).put("/api/v1/target-policies/DAY", Map.of("annualHours", 365)).status()).isEqualTo(200);
        return org.user(new Fixtures.UserSpec("LEADER").grade("DAY"));
    }

    // --- target arithmetic -------------------------------------------------------------------------

    @Test
    void target_fullTimeDefaultGrade_isDefaultAnnualHours() {
        JsonNode p = progress(org.user("LEADER").id(), 2026);
        assertThat(hours(p, "targetHours")).isEqualTo("150.00");
        assertThat(p.path("periodStart").asText()).isEqualTo("2026-04-01");
        assertThat(p.path("periodEnd").asText()).isEqualTo("2027-03-31");
        assertThat(p.path("year").asInt()).isEqualTo(2026);
    }

    @Test
    void target_halfTime_isHalved_andGradePolicyApplies() {
        assertThat(as(hr).put("/api/v1/target-policies/SCS3", Map.of("annualHours", 200)).status()).isEqualTo(200);
        UUID half = org.user(new Fixtures.UserSpec("LEADER").fte("0.5")).id();
        UUID scs3 = org.user(new Fixtures.UserSpec("LEADER").grade("SCS3").fte("0.8")).id();
        assertThat(hours(progress(half, 2026), "targetHours")).isEqualTo("75.00");
        assertThat(hours(progress(scs3, 2026), "targetHours")).isEqualTo("160.00");
    }

    @Test
    void target_midYearStarter_countsInPostDaysInclusively() {
        // in post 1 Oct 2026 .. 31 Mar 2027 = 182 of 365 days: 150 * 182 / 365 = 74.79
        UUID starter = org.user(new Fixtures.UserSpec("LEADER").startDate(LocalDate.of(2026, 10, 1))).id();
        JsonNode p = progress(starter, 2026);
        assertThat(hours(p, "targetHours")).isEqualTo("74.79");
        assertThat(hours(p, "expectedToDateHours")).isEqualTo("0.00");
        assertThat(p.path("status").asText()).isEqualTo("ON_TRACK");
    }

    @Test
    void target_leaver_countsDaysUpToTheLeavingDate() {
        // in post 1 Apr .. 30 Sep 2026 = 183 days: 150 * 183 / 365 = 75.21; by 1 October all of it is expected
        UUID leaver = org.user(new Fixtures.UserSpec("LEADER").endDate(LocalDate.of(2026, 9, 30))).id();
        JsonNode p = progress(leaver, 2026);
        assertThat(hours(p, "targetHours")).isEqualTo("75.21");
        assertThat(hours(p, "expectedToDateHours")).isEqualTo("75.21");
        assertThat(p.path("status").asText()).isEqualTo("BEHIND");
    }

    @Test
    void target_leaverBeforeTheYear_isExempt() {
        UUID gone = org.user(new Fixtures.UserSpec("LEADER").startDate(LocalDate.of(2025, 1, 1))
                .endDate(LocalDate.of(2026, 3, 31))).id();
        JsonNode p = progress(gone, 2026);
        assertThat(hours(p, "targetHours")).isEqualTo("0.00");
        assertThat(p.path("status").asText()).isEqualTo("EXEMPT");
    }

    @Test
    void target_adjustmentsOfTheYearAreSubtracted_otherYearsIgnored() {
        UUID leader = org.user("LEADER").id();
        Http http = as(hr);
        assertThat(http.post("/api/v1/users/" + leader + "/adjustments",
                Map.of("year", 2026, "hours", 20, "reason", "long-term leave")).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/users/" + leader + "/adjustments",
                Map.of("year", 2026, "hours", 10.5, "reason", "secondment")).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/users/" + leader + "/adjustments",
                Map.of("year", 2027, "hours", 100, "reason", "next year")).status()).isEqualTo(201);
        assertThat(hours(progress(leader, 2026), "targetHours")).isEqualTo("119.50");
        assertThat(hours(progress(leader, 2027), "targetHours")).isEqualTo("50.00");
    }

    @Test
    void target_adjustedBelowZero_isFlooredAtZero_andExempt() {
        UUID leader = org.user("LEADER").id();
        assertThat(as(hr).post("/api/v1/users/" + leader + "/adjustments",
                Map.of("year", 2026, "hours", 200, "reason", "career break")).status()).isEqualTo(201);
        JsonNode p = progress(leader, 2026);
        assertThat(hours(p, "targetHours")).isEqualTo("0.00");
        assertThat(hours(p, "remainingHours")).isEqualTo("0.00");
        assertThat(p.path("status").asText()).isEqualTo("EXEMPT");
    }

    // --- statuses ----------------------------------------------------------------------------------

    @Test
    void status_completedExactlyOnExpected_isOnTrack() {
        Fixtures.User leader = leader365();
        floor.attendedHours(leader.id(), placement, APRIL_2, 183);
        JsonNode p = progress(leader.id(), 2026);
        assertThat(hours(p, "expectedToDateHours")).isEqualTo("183.00");
        assertThat(hours(p, "completedHours")).isEqualTo("183.00");
        assertThat(hours(p, "remainingHours")).isEqualTo("182.00");
        assertThat(p.path("status").asText()).isEqualTo("ON_TRACK");
    }

    @Test
    void status_completedPlusBookedExactlyOnExpected_isAtRisk() {
        Fixtures.User leader = leader365();
        floor.attendedHours(leader.id(), placement, APRIL_2, 180);
        Instant next = Instant.parse("2026-10-10T08:00:00Z");
        floor.booked(leader.id(), placement, next, next.plus(Duration.ofHours(3)));
        JsonNode p = progress(leader.id(), 2026);
        assertThat(hours(p, "bookedHours")).isEqualTo("3.00");
        assertThat(p.path("status").asText()).isEqualTo("AT_RISK");
    }

    @Test
    void status_completedPlusBookedShortOfExpected_isBehind() {
        Fixtures.User leader = leader365();
        floor.attendedHours(leader.id(), placement, APRIL_2, 180);
        Instant next = Instant.parse("2026-10-10T08:00:00Z");
        floor.booked(leader.id(), placement, next, next.plus(Duration.ofHours(2)));
        // a booking in the past that was never attended is not "booked" time
        floor.booked(leader.id(), placement, Instant.parse("2026-09-20T08:00:00Z"), Instant.parse("2026-09-20T12:00:00Z"));
        JsonNode p = progress(leader.id(), 2026);
        assertThat(hours(p, "bookedHours")).isEqualTo("2.00");
        assertThat(p.path("status").asText()).isEqualTo("BEHIND");
    }

    @Test
    void status_completedExactlyOnTarget_isComplete() {
        Fixtures.User leader = org.user("LEADER");
        assertThat(as(hr).post("/api/v1/users/" + leader.id() + "/adjustments",
                Map.of("year", 2026, "hours", 140, "reason", "part year")).status()).isEqualTo(201);
        floor.attendedHours(leader.id(), placement, APRIL_2, 10);
        JsonNode p = progress(leader.id(), 2026);
        assertThat(hours(p, "targetHours")).isEqualTo("10.00");
        assertThat(hours(p, "remainingHours")).isEqualTo("0.00");
        assertThat(p.path("status").asText()).isEqualTo("COMPLETE");
    }

    @Test
    void status_finishedYearShort_isNotMet_andNextYearHoldsPromotion() {
        Fixtures.User shortOf = org.user("LEADER");
        Fixtures.User done = org.user("LEADER");
        Instant may2025 = Instant.parse("2025-05-01T08:00:00Z");
        floor.attendedHours(shortOf.id(), placement, may2025, 149);
        floor.attendedHours(done.id(), placement, may2025, 150);

        JsonNode lastYear = progress(shortOf.id(), 2025);
        assertThat(lastYear.path("status").asText()).isEqualTo("NOT_MET");
        assertThat(hours(lastYear, "completedHours")).isEqualTo("149.00");
        assertThat(progress(done.id(), 2025).path("status").asText()).isEqualTo("COMPLETE");

        assertThat(progress(shortOf.id(), 2026).path("promotionHold").asBoolean()).isTrue();
        assertThat(progress(done.id(), 2026).path("promotionHold").asBoolean()).isFalse();
        assertThat(lastYear.path("promotionHold").asBoolean()).isFalse(); // 2024 is outside the programme
    }

    @Test
    void status_beforeTheYearHasEnded_isNeverNotMet_andTheNextYearHasNoHoldYet() {
        Fixtures.User leader = org.user("LEADER");
        assertThat(progress(leader.id(), 2026).path("status").asText()).isEqualTo("BEHIND");
        assertThat(progress(leader.id(), 2027).path("promotionHold").asBoolean()).isFalse();
    }

    // --- time zones and clock changes --------------------------------------------------------------

    @Test
    void booked_shiftAcrossTheOctoberClockChange_countsElapsedHours() {
        Fixtures.User leader = org.user("LEADER");
        // 22:00 BST on 24 Oct to 07:00 GMT on 25 Oct 2026: 10 elapsed hours, not 9
        floor.booked(leader.id(), placement, Instant.parse("2026-10-24T21:00:00Z"), Instant.parse("2026-10-25T07:00:00Z"));
        assertThat(hours(progress(leader.id(), 2026), "bookedHours")).isEqualTo("10.00");
    }

    @Test
    void expected_afterTheOctoberClockChange_countsTheExtraElapsedHour() {
        Fixtures.User leader = leader365();
        // 1 Nov 2026 00:00 GMT: 214 days and 1 hour have elapsed since 1 Apr 00:00 BST
        TestApplication.CLOCK.set(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(hours(progress(leader.id(), 2026), "expectedToDateHours")).isEqualTo("214.04");
    }

    @Test
    void completed_shiftStartingAt2300OnThirtyFirstMarchLocal_belongsToTheYearItStartsIn() {
        Fixtures.User leader = org.user("LEADER");
        TestApplication.CLOCK.set(Instant.parse("2027-06-01T00:00:00Z"));
        // 31 Mar 2027 23:00 BST (22:00Z) to 01 Apr 00:30 BST: year 2026
        floor.attended(leader.id(), placement, Instant.parse("2027-03-31T22:00:00Z"), Instant.parse("2027-03-31T23:30:00Z"));
        // 1 Apr 2027 00:30 BST is still 31 March in UTC, but year 2027 locally
        floor.attended(leader.id(), placement, Instant.parse("2027-03-31T23:30:00Z"), Instant.parse("2027-04-01T05:30:00Z"));
        // 31 Mar 2026 23:00 BST: year 2025
        floor.attended(leader.id(), placement, Instant.parse("2026-03-31T22:00:00Z"), Instant.parse("2026-04-01T01:00:00Z"));
        assertThat(hours(progress(leader.id(), 2026), "completedHours")).isEqualTo("1.50");
        assertThat(hours(progress(leader.id(), 2027), "completedHours")).isEqualTo("6.00");
        assertThat(hours(progress(leader.id(), 2025), "completedHours")).isEqualTo("3.00");
    }

    @Test
    void year_defaultsToTheCurrentProgrammeYearInTheOrganisationsZone() {
        // 31 March 2027 23:30 UTC is already 1 April (year 2027) in London
        TestApplication.CLOCK.set(Instant.parse("2027-03-31T23:30:00Z"));
        Fixtures.User leader = org.user("LEADER");
        Http.Res res = as(leader).get("/api/v1/users/" + leader.id() + "/progress");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().path("year").asInt()).isEqualTo(2027);
        assertThat(res.json().path("leaderId").asText()).isEqualTo(leader.id().toString());
    }

    // --- who may see what --------------------------------------------------------------------------

    @Test
    void progress_leaderSeesOwn_butAnotherLeadersIsNotFound() {
        Fixtures.User me = org.user("LEADER");
        Fixtures.User other = org.user("LEADER");
        assertThat(as(me).get("/api/v1/users/" + me.id() + "/progress?year=2026").status()).isEqualTo(200);
        Http.Res res = as(me).get("/api/v1/users/" + other.id() + "/progress?year=2026");
        assertThat(res.status()).isEqualTo(404);
        assertThat(res.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void progress_ofAnotherOrganisationsLeader_isNotFoundEvenForHr() {
        Fixtures.User stranger = Fixtures.org().user("LEADER");
        Http.Res res = as(hr).get("/api/v1/users/" + stranger.id() + "/progress?year=2026");
        assertThat(res.status()).isEqualTo(404);
        assertThat(as(org.user("ADMIN")).get("/api/v1/users/" + stranger.id() + "/progress").status()).isEqualTo(404);
    }

    @Test
    void progress_ofSomeoneWhoIsNotALeader_isNotFound() {
        Fixtures.User host = org.user("HOST");
        assertThat(as(hr).get("/api/v1/users/" + host.id() + "/progress").status()).isEqualTo(404);
        assertThat(as(hr).get("/api/v1/users/not-a-uuid/progress").status()).isEqualTo(404);
    }

    @Test
    void progress_forHostOrImprovementOnly_isForbidden() {
        Fixtures.User leader = org.user("LEADER");
        for (String role : new String[] {"HOST", "IMPROVEMENT"}) {
            Http.Res res = as(org.user(role)).get("/api/v1/users/" + leader.id() + "/progress");
            assertThat(res.status()).isEqualTo(403);
            assertThat(res.code()).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void progress_forAYearOutsideTheProgramme_is422NamingYear() {
        Fixtures.User leader = org.user("LEADER");
        for (String year : new String[] {"2024", "2031", "abc"}) {
            Http.Res res = as(hr).get("/api/v1/users/" + leader.id() + "/progress?year=" + year);
            assertThat(res.status()).as(year).isEqualTo(422);
            assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("year");
        }
    }

    @Test
    void programme_describesTheYearsAndTheCurrentPeriod() {
        Http.Res res = as(org.user("HOST")).get("/api/v1/programme");
        assertThat(res.status()).isEqualTo(200);
        JsonNode p = res.json();
        assertThat(p.path("yearStart").asText()).isEqualTo("04-01");
        assertThat(p.path("years").asInt()).isEqualTo(6);
        assertThat(p.path("firstYear").asInt()).isEqualTo(2025);
        assertThat(p.path("defaultAnnualHours").decimalValue()).isEqualByComparingTo("150");
        assertThat(p.path("currentYear").asInt()).isEqualTo(2026);
        assertThat(p.path("currentPeriodStart").asText()).isEqualTo("2026-04-01");
    }

    @Test
    void status_atTheFirstInstantAfterTheYear_isNotMet_andOneSecondBeforeItIsStillBehind() {
        Fixtures.User leader = org.user("LEADER");
        Instant yearEnd = Instant.parse("2027-03-31T23:00:00Z"); // 1 April 2027 00:00 BST
        TestApplication.CLOCK.set(yearEnd.minusSeconds(1));
        assertThat(progress(leader.id(), 2026).path("status").asText()).isEqualTo("BEHIND");
        TestApplication.CLOCK.set(yearEnd);
        assertThat(progress(leader.id(), 2026).path("status").asText()).isEqualTo("NOT_MET");
        assertThat(progress(leader.id(), 2027).path("promotionHold").asBoolean()).isTrue();
    }

    @Test
    void progress_responseCarriesEveryContractField() {
        Fixtures.User leader = org.user("LEADER");
        JsonNode p = progress(leader.id(), 2026);
        java.util.List<String> fields = new java.util.ArrayList<>();
        p.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).contains("leaderId", "year", "periodStart", "periodEnd", "targetHours", "completedHours",
                "bookedHours", "expectedToDateHours", "remainingHours", "status", "promotionHold");
        assertThat(p.path("targetHours").isNumber()).isTrue();
        assertThat(p.path("promotionHold").isBoolean()).isTrue();
    }

    @Test
    void putPolicy_concurrentlyForOneGrade_leavesOnePolicy() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int hours = 100 + i;
                results.add(pool.submit(() -> as(hr).put("/api/v1/target-policies/RACE",
                        Map.of("annualHours", hours)).status()));
            }
            for (java.util.concurrent.Future<Integer> r : results) {
                assertThat(r.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        int rows = TestDatabase.get().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM target_policies WHERE org_id = :org AND grade = 'RACE'")
                .bind("org", org.id()).mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void openApi_describesTheProgressEndpoints() {
        Http.Res res = Http.at(APP.getLocalPort()).get("/openapi.json");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body()).contains("/api/v1/users/{id}/progress", "/api/v1/reports/completion",
                "/api/v1/target-policies/{grade}", "/api/v1/users/{id}/suggestions", "/api/v1/programme");
    }
}

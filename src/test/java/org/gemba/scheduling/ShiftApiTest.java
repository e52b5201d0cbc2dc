package org.gemba.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ShiftApiTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();
    static final Instant START = Instant.now().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    final Fixtures.Org org = Fixtures.org();
    final Fixtures.User host = org.user(new Fixtures.UserSpec("HOST").name("Maureen Host"));
    final UUID site = Sched.site(org);
    final UUID placement = Sched.placement(org, site, new Sched.P().capacity(4).hosts(host));

    Http as(Fixtures.User u) {
        return u.http(APP.getLocalPort());
    }

    Map<String, Object> shiftBody(Instant start, Instant end) {
        return new HashMap<>(Map.of("placementId", placement.toString(), "start", start.toString(), "end", end.toString()));
    }

    String book(Fixtures.User leader, UUID shift) {
        Http.Res res = as(leader).post("/api/v1/bookings", Map.of("shiftId", shift.toString()));
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().path("id").asText();
    }

    @Test
    void list_withDates_takesThemAsWholeDaysInTheOrganisationsZone() {
        Fixtures.Org london = Fixtures.org();
        UUID placement = Sched.placement(london);
        // 00:30 and 22:30 on Wed 1 July 2026 in London (BST): 23:30 UTC on 30 June, 21:30 UTC on 1 July; the third
        // starts at 00:30 on 2 July
        UUID early = Sched.shift(london, placement, Instant.parse("2026-06-30T23:30:00Z"), Instant.parse("2026-07-01T02:00:00Z"), 1);
        UUID late = Sched.shift(london, placement, Instant.parse("2026-07-01T21:30:00Z"), Instant.parse("2026-07-01T22:45:00Z"), 1);
        Sched.shift(london, placement, Instant.parse("2026-07-01T23:30:00Z"), Instant.parse("2026-07-02T02:00:00Z"), 1);
        Fixtures.User leader = london.user("LEADER");
        Http.Res day = Http.at(APP.getLocalPort()).basic(leader.email(), Fixtures.PASSWORD)
                .get("/api/v1/shifts?from=2026-07-01&to=2026-07-01");
        assertThat(day.status()).as(day.toString()).isEqualTo(200);
        assertThat(day.json().path("items").findValuesAsText("id")).containsExactly(early.toString(), late.toString());
    }

    @Test
    void create_byHost_answers201WithThePlacementsDefaultCapacity() {
        Http.Res res = as(host).post("/api/v1/shifts", shiftBody(START, START.plus(4, ChronoUnit.HOURS)));
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        assertThat(res.header("Location")).endsWith("/api/v1/shifts/" + res.json().path("id").asText());
        assertThat(res.json().path("capacity").asInt()).isEqualTo(4);
        assertThat(res.json().path("bookedCount").asInt()).isZero();
        assertThat(res.json().path("placesLeft").asInt()).isEqualTo(4);
        assertThat(res.json().path("status").asText()).isEqualTo("OPEN");
        assertThat(res.json().path("timeZone").asText()).isEqualTo("Europe/London");
        assertThat(res.json().path("placementName").asText()).startsWith("Placement");
        assertThat(res.json().path("siteName").asText()).startsWith("Site");
    }

    @Test
    void create_refusals_403ForOtherHostsAndLeaders_422ForBadWindowsAndUnknownPlacement() {
        assertThat(as(org.user("HOST")).post("/api/v1/shifts", shiftBody(START, START.plus(4, ChronoUnit.HOURS))).status())
                .isEqualTo(403);
        assertThat(as(org.user("LEADER")).post("/api/v1/shifts", shiftBody(START, START.plus(4, ChronoUnit.HOURS))).status())
                .isEqualTo(403);
        Http.Res past = as(host).post("/api/v1/shifts", shiftBody(START.minus(30, ChronoUnit.DAYS),
                START.minus(30, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS)));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().path("errors").get(0).path("field").asText()).isEqualTo("start");
        Http.Res tooLong = as(host).post("/api/v1/shifts", shiftBody(START, START.plus(13, ChronoUnit.HOURS)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().path("errors").get(0).path("field").asText()).isEqualTo("end");
        assertThat(as(host).post("/api/v1/shifts", shiftBody(START, START.plus(30, ChronoUnit.MINUTES))).status())
                .isEqualTo(422);
        Map<String, Object> unknown = shiftBody(START, START.plus(2, ChronoUnit.HOURS));
        unknown.put("placementId", UUID.randomUUID().toString());
        Http.Res res = as(host).post("/api/v1/shifts", unknown);
        assertThat(res.status()).isEqualTo(422);
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("placementId");
        // ADMIN and HR may record a past shift
        assertThat(as(org.user("HR")).post("/api/v1/shifts", shiftBody(START.minus(30, ChronoUnit.DAYS),
                START.minus(30, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS))).status()).isEqualTo(201);
    }

    @Test
    void list_filtersByPlacementSiteAvailabilityAndWindow() {
        UUID free = Sched.shift(org, placement, START, START.plus(2, ChronoUnit.HOURS), 2);
        UUID full = Sched.shift(org, placement, START.plus(1, ChronoUnit.DAYS), START.plus(1, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS), 1);
        UUID later = Sched.shift(org, placement, START.plus(100, ChronoUnit.DAYS), START.plus(100, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS), 1);
        UUID elsewhere = Sched.shift(org, Sched.placement(org), START, START.plus(2, ChronoUnit.HOURS), 2);
        book(org.user("LEADER"), full);
        Fixtures.User leader = org.user("LEADER");
        Http.Res all = as(leader).get("/api/v1/shifts?placementId=" + placement);
        assertThat(all.json().path("items")).hasSize(2);
        assertThat(all.json().path("items").get(0).path("id").asText()).isEqualTo(free.toString());
        assertThat(all.json().path("items").get(1).path("placesLeft").asInt()).isZero();
        Http.Res available = as(leader).get("/api/v1/shifts?placementId=" + placement + "&available=true");
        assertThat(available.json().path("items")).hasSize(1);
        assertThat(as(leader).get("/api/v1/shifts?siteId=" + site).json().path("items")).hasSize(2);
        assertThat(as(leader).get("/api/v1/shifts").json().path("items")).hasSize(3);
        Http.Res wide = as(leader).get("/api/v1/shifts?placementId=" + placement + "&to="
                + START.plus(200, ChronoUnit.DAYS));
        assertThat(wide.json().path("items")).hasSize(3);
        assertThat(wide.json().path("items").get(2).path("id").asText()).isEqualTo(later.toString());
        Http.Res paged = as(leader).get("/api/v1/shifts?limit=1");
        assertThat(paged.json().path("items")).hasSize(1);
        String cursor = paged.json().path("nextCursor").asText();
        assertThat(as(leader).get("/api/v1/shifts?limit=1&cursor=" + cursor).json().path("items").get(0).path("id").asText())
                .isIn(free.toString(), elsewhere.toString());
        assertThat(as(leader).get("/api/v1/shifts?from=yesterday").status()).isEqualTo(422);
        assertThat(as(leader).get("/api/v1/shifts?siteId=x").status()).isEqualTo(422);
    }

    @Test
    void change_time_movesBookingsNotifiesLeadersAndAuditsTheReason() {
        UUID shift = Sched.shift(org, placement, START, START.plus(4, ChronoUnit.HOURS), 3);
        Fixtures.User leader = org.user("LEADER");
        book(leader, shift);
        Instant newStart = START.plus(1, ChronoUnit.HOURS);
        Http.Res res = as(host).patch("/api/v1/shifts/" + shift, Map.of("start", newStart.toString(),
                "end", newStart.plus(4, ChronoUnit.HOURS).toString(), "reason", "ward round moved"));
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        assertThat(res.json().path("start").asText()).isEqualTo(newStart.toString());
        assertThat(res.json().path("sequence").asInt()).isEqualTo(1);
        assertThat(res.json().path("version").asInt()).isEqualTo(2);
        assertThat(res.header("ETag")).isEqualTo("\"2\"");
        assertThat(Sched.count("SELECT count(*) FROM bookings WHERE shift_id = ? AND lower(during) = ? AND upper(during) = ?",
                shift, java.sql.Timestamp.from(newStart), java.sql.Timestamp.from(newStart.plus(4, ChronoUnit.HOURS))))
                .isEqualTo(1);
        String body = Sched.text("SELECT body FROM notifications WHERE user_id = ? AND type = 'SHIFT_CHANGED'", leader.id());
        assertThat(body).contains("ward round moved").contains("Maureen Host").contains("is now");
        assertThat(Sched.text("SELECT reason FROM audit_log WHERE entity_id = ? AND action = 'UPDATED'", shift))
                .isEqualTo("ward round moved");
        Http.Res stale = as(host).header("If-Match", "\"1\"").patch("/api/v1/shifts/" + shift,
                Map.of("capacity", 5, "reason", "more room"));
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void change_capacityBelowBookings_refusesWithCapacityBelowBookings() {
        UUID shift = Sched.shift(org, placement, START, START.plus(4, ChronoUnit.HOURS), 3);
        book(org.user("LEADER"), shift);
        book(org.user("LEADER"), shift);
        Http.Res res = as(host).patch("/api/v1/shifts/" + shift, Map.of("capacity", 1, "reason", "short staffed"));
        assertThat(res.status()).isEqualTo(409);
        assertThat(res.code()).isEqualTo("CAPACITY_BELOW_BOOKINGS");
        assertThat(as(host).patch("/api/v1/shifts/" + shift, Map.of("capacity", 2)).status()).isEqualTo(422);
        assertThat(as(org.user("HOST")).patch("/api/v1/shifts/" + shift, Map.of("capacity", 2, "reason", "x")).status())
                .isEqualTo(403);
        assertThat(Sched.count("SELECT capacity FROM shifts WHERE id = ?", shift)).isEqualTo(3);
    }

    @Test
    void cancel_cancelsBookingsTellsLeadersAndClosesTheWaitlist() {
        UUID shift = Sched.shift(org, placement, START, START.plus(4, ChronoUnit.HOURS), 1);
        Fixtures.User leader = org.user("LEADER");
        Fixtures.User waiting = org.user("LEADER");
        book(leader, shift);
        assertThat(as(waiting).post("/api/v1/shifts/" + shift + "/waitlist", Map.of()).status()).isEqualTo(201);
        Http.Res res = as(host).post("/api/v1/shifts/" + shift + "/cancel", Map.of("reason", "ward closed for deep clean"));
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        assertThat(res.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(res.json().path("bookedCount").asInt()).isZero();
        assertThat(res.json().path("sequence").asInt()).isEqualTo(1);
        assertThat(Sched.text("SELECT status FROM bookings WHERE shift_id = ?", shift)).isEqualTo("CANCELLED");
        assertThat(Sched.text("SELECT body FROM notifications WHERE user_id = ? AND type = 'SHIFT_CANCELLED'", leader.id()))
                .contains("ward closed for deep clean");
        assertThat(Sched.count("SELECT count(*) FROM notifications WHERE user_id = ? AND type = 'SHIFT_CANCELLED'",
                waiting.id())).isEqualTo(1);
        assertThat(Sched.text("SELECT status FROM waitlist_entries WHERE shift_id = ?", shift)).isEqualTo("SKIPPED");
        assertThat(Sched.text("SELECT reason FROM audit_log WHERE entity_id = ? AND action = 'CANCELLED'", shift))
                .isEqualTo("ward closed for deep clean");
        assertThat(as(host).post("/api/v1/shifts/" + shift + "/cancel", Map.of("reason", "again")).code())
                .isEqualTo("SHIFT_CANCELLED");
        assertThat(as(org.user("LEADER")).post("/api/v1/bookings", Map.of("shiftId", shift.toString())).code())
                .isEqualTo("SHIFT_CANCELLED");
    }

    @Test
    void bookings_visibleToHostsOfThePlacementAndOffice_only() {
        UUID shift = Sched.shift(org, placement, START, START.plus(4, ChronoUnit.HOURS), 3);
        book(org.user("LEADER"), shift);
        assertThat(as(host).get("/api/v1/shifts/" + shift + "/bookings").json().path("items")).hasSize(1);
        assertThat(as(org.user("HR")).get("/api/v1/shifts/" + shift + "/bookings").status()).isEqualTo(200);
        assertThat(as(org.user("HOST")).get("/api/v1/shifts/" + shift + "/bookings").status()).isEqualTo(403);
        assertThat(as(org.user("LEADER")).get("/api/v1/shifts/" + shift + "/bookings").status()).isEqualTo(403);
        assertThat(as(host).get("/api/v1/shifts/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void change_intoAnotherBookingOfABookedLeader_refusesWithOverlappingBooking_andChangesNothing() {
        UUID shift = Sched.shift(org, placement, START, START.plus(3, ChronoUnit.HOURS), 3);
        Fixtures.User leader = org.user("LEADER");
        book(leader, shift);
        book(leader, Sched.shift(org, Sched.placement(org), START.plus(4, ChronoUnit.HOURS), START.plus(8, ChronoUnit.HOURS), 3));
        Http.Res res = as(host).patch("/api/v1/shifts/" + shift, Map.of("end", START.plus(5, ChronoUnit.HOURS).toString(),
                "reason", "longer service"));
        assertThat(res.status()).isEqualTo(409);
        assertThat(res.code()).isEqualTo("OVERLAPPING_BOOKING");
        assertThat(Sched.count("SELECT sequence FROM shifts WHERE id = ?", shift)).isZero();
        assertThat(Sched.count("SELECT count(*) FROM notifications WHERE user_id = ? AND type = 'SHIFT_CHANGED'",
                leader.id())).isZero();
        assertThat(as(org.user("HR")).patch("/api/v1/shifts/" + shift, Map.of("capacity", 5, "reason", "x")).status())
                .isEqualTo(403);
    }

    @Test
    void change_capacityOnly_notifiesBookedLeadersWithTheReason() {
        UUID shift = Sched.shift(org, placement, START, START.plus(3, ChronoUnit.HOURS), 3);
        Fixtures.User leader = org.user("LEADER");
        book(leader, shift);
        Http.Res res = as(org.user("ADMIN")).patch("/api/v1/shifts/" + shift, Map.of("capacity", 2, "reason", "fewer beds"));
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().path("capacity").asInt()).isEqualTo(2);
        assertThat(res.json().path("sequence").asInt()).isEqualTo(1);
        assertThat(Sched.text("SELECT body FROM notifications WHERE user_id = ? AND type = 'SHIFT_CHANGED'", leader.id()))
                .contains("3 to 2").contains("fewer beds");
    }
}

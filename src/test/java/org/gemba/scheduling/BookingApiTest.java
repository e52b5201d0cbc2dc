package org.gemba.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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

@ExtendWith(DropwizardExtensionsSupport.class)
class BookingApiTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();
    static final Instant IN_3_DAYS = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    final Fixtures.Org org = Fixtures.org();

    @AfterEach
    void resetClock() {
        TestApplication.CLOCK.reset();
    }

    Http as(Fixtures.User u) {
        return u.http(APP.getLocalPort());
    }

    UUID shift(UUID placement, Instant start, int capacity) {
        return Sched.shift(org, placement, start, start.plus(4, ChronoUnit.HOURS), capacity);
    }

    Http.Res book(Fixtures.User u, UUID shift) {
        return as(u).post("/api/v1/bookings", Map.of("shiftId", shift.toString()));
    }

    @Test
    void book_happyPath_answers201WithHoursAndNotifiesTheLeader() {
        Fixtures.User leader = org.user("LEADER");
        UUID shift = shift(Sched.placement(org), IN_3_DAYS, 2);
        Http.Res res = book(leader, shift);
        assertThat(res.status()).isEqualTo(201);
        assertThat(res.header("Location")).endsWith("/api/v1/bookings/" + res.json().path("id").asText());
        assertThat(res.json().path("status").asText()).isEqualTo("BOOKED");
        assertThat(res.json().path("leaderId").asText()).isEqualTo(leader.id().toString());
        assertThat(res.json().path("shiftId").asText()).isEqualTo(shift.toString());
        assertThat(res.json().path("hours").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(res.json().path("start").asText()).isEqualTo(IN_3_DAYS.toString());
        assertThat(Sched.count("SELECT booked_count FROM shifts WHERE id = ?", shift)).isEqualTo(1);
        assertThat(Sched.count("SELECT count(*) FROM notifications WHERE user_id = ? AND type = 'BOOKING_MADE'",
                leader.id())).isEqualTo(1);
        assertThat(as(leader).get("/api/v1/shifts/" + shift).json().path("placesLeft").asInt()).isEqualTo(1);
    }

    @Test
    void book_whenShiftFull_refusesWithShiftFull() {
        UUID shift = shift(Sched.placement(org), IN_3_DAYS, 1);
        assertThat(book(org.user("LEADER"), shift).status()).isEqualTo(201);
        Http.Res res = book(org.user("LEADER"), shift);
        assertThat(res.status()).isEqualTo(409);
        assertThat(res.code()).isEqualTo("SHIFT_FULL");
    }

    @Test
    void book_twice_refusesWithAlreadyBooked() {
        Fixtures.User leader = org.user("LEADER");
        UUID shift = shift(Sched.placement(org), IN_3_DAYS, 3);
        assertThat(book(leader, shift).status()).isEqualTo(201);
        Http.Res res = book(leader, shift);
        assertThat(res.status()).isEqualTo(409);
        assertThat(res.code()).isEqualTo("ALREADY_BOOKED");
    }

    @Test
    void book_whenOverlappingAnotherBooking_refusesWithOverlappingBooking() {
        Fixtures.User leader = org.user("LEADER");
        UUID placement = Sched.placement(org);
        assertThat(book(leader, shift(placement, IN_3_DAYS, 3)).status()).isEqualTo(201);
        Http.Res res = book(leader, shift(placement, IN_3_DAYS.plus(2, ChronoUnit.HOURS), 3));
        assertThat(res.status()).isEqualTo(409);
        assertThat(res.code()).isEqualTo("OVERLAPPING_BOOKING");
        // back to back is not an overlap: ranges are half-open
        assertThat(book(leader, shift(placement, IN_3_DAYS.plus(4, ChronoUnit.HOURS), 3)).status()).isEqualTo(201);
    }

    @Test
    void book_withoutRequiredTraining_refusesWithMissingTraining() {
        UUID placement = Sched.placement(org, Sched.site(org), new Sched.P().trainings("FOOD_HYGIENE"));
        UUID shift = shift(placement, IN_3_DAYS, 3);
        Http.Res res = book(org.user("LEADER"), shift);
        assertThat(res.status()).isEqualTo(422);
        assertThat(res.code()).isEqualTo("MISSING_TRAINING");
        Fixtures.User trained = org.user(new Fixtures.UserSpec("LEADER").trainings("FOOD_HYGIENE"));
        assertThat(book(trained, shift).status()).isEqualTo(201);
    }

    @Test
    void book_inOwnDirectorate_refusesWithOwnDirectorate() {
        UUID placement = Sched.placement(org, Sched.site(org), new Sched.P().excludeOwn("Finance"));
        UUID shift = shift(placement, IN_3_DAYS, 3);
        Http.Res res = book(org.user(new Fixtures.UserSpec("LEADER").directorate("Finance")), shift);
        assertThat(res.status()).isEqualTo(409);
        assertThat(res.code()).isEqualTo("OWN_DIRECTORATE");
        assertThat(book(org.user(new Fixtures.UserSpec("LEADER").directorate("Digital")), shift).status()).isEqualTo(201);
    }

    @Test
    void book_beyondWeeklyCap_refusesWithPlacementWeeklyCap() {
        UUID placement = Sched.placement(org, Sched.site(org), new Sched.P().maxPerWeek(1));
        // a Wednesday 10:00 London, next week and beyond the notice period
        Instant wed = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).plusWeeks(1)
                .with(java.time.DayOfWeek.WEDNESDAY).atTime(10, 0).atZone(java.time.ZoneId.of("Europe/London")).toInstant();
        Fixtures.User first = org.user("LEADER");
        assertThat(book(first, shift(placement, wed, 3)).status()).isEqualTo(201);
        UUID thursday = shift(placement, wed.plus(1, ChronoUnit.DAYS), 3);
        Http.Res res = book(org.user("LEADER"), thursday);
        assertThat(res.status()).isEqualTo(409);
        assertThat(res.code()).isEqualTo("PLACEMENT_WEEKLY_CAP");
        // the leader already counted that week may come again
        assertThat(book(first, thursday).status()).isEqualTo(201);
        // and the next week is a new week
        assertThat(book(org.user("LEADER"), shift(placement, wed.plus(7, ChronoUnit.DAYS), 3)).status()).isEqualTo(201);
    }

    @Test
    void book_withinNotice_refusesWithTooLateToBook_butHrMayOverrideWithReason() {
        Fixtures.User leader = org.user("LEADER");
        UUID soon = shift(Sched.placement(org), Instant.now().plus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES), 3);
        Http.Res res = book(leader, soon);
        assertThat(res.status()).isEqualTo(409);
        assertThat(res.code()).isEqualTo("TOO_LATE_TO_BOOK");

        Fixtures.User hr = org.user("HR");
        Http.Res noReason = as(hr).post("/api/v1/bookings", Map.of("shiftId", soon.toString(),
                "leaderId", leader.id().toString(), "override", true));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");

        Http.Res ok = as(hr).post("/api/v1/bookings", Map.of("shiftId", soon.toString(),
                "leaderId", leader.id().toString(), "override", true, "reason", "agreed with the ward manager"));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(Sched.text(
                "SELECT body FROM notifications WHERE user_id = ? AND type = 'BOOKING_MADE'", leader.id())).contains("agreed with the ward manager");
    }

    @Test
    void book_pastShiftByAdminWithOverride_isAllowedForRecords() {
        Fixtures.User leader = org.user("LEADER");
        UUID past = shift(Sched.placement(org), Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), 3);
        Http.Res res = as(org.user("ADMIN")).post("/api/v1/bookings", Map.of("shiftId", past.toString(),
                "leaderId", leader.id().toString(), "override", true, "reason", "paper record from the ward"));
        assertThat(res.status()).isEqualTo(201);
        assertThat(res.json().path("override").asBoolean()).isTrue();
    }

    @Test
    void book_cancelledShift_refusesWithShiftCancelled() {
        UUID shift = shift(Sched.placement(org), IN_3_DAYS, 3);
        Sched.db().useHandle(h -> h.execute("UPDATE shifts SET status = 'CANCELLED' WHERE id = ?", shift));
        Http.Res res = book(org.user("LEADER"), shift);
        assertThat(res.status()).isEqualTo(409);
        assertThat(res.code()).isEqualTo("SHIFT_CANCELLED");
    }

    @Test
    void book_forAnotherLeaderAsLeader_is403_andOverrideAsLeaderIs403() {
        UUID shift = shift(Sched.placement(org), IN_3_DAYS, 3);
        Fixtures.User leader = org.user("LEADER");
        Http.Res res = as(leader).post("/api/v1/bookings", Map.of("shiftId", shift.toString(),
                "leaderId", org.user("LEADER").id().toString()));
        assertThat(res.status()).isEqualTo(403);
        Http.Res override = as(leader).post("/api/v1/bookings", Map.of("shiftId", shift.toString(),
                "override", true, "reason", "please"));
        assertThat(override.status()).isEqualTo(403);
        assertThat(as(org.user("HOST")).post("/api/v1/bookings", Map.of("shiftId", shift.toString())).status())
                .isEqualTo(403);
    }

    @Test
    void book_unknownIds_are422NamingTheField() {
        Fixtures.User hr = org.user("HR");
        Http.Res unknownShift = book(org.user("LEADER"), UUID.randomUUID());
        assertThat(unknownShift.status()).isEqualTo(422);
        assertThat(unknownShift.json().path("errors").get(0).path("field").asText()).isEqualTo("shiftId");
        UUID shift = shift(Sched.placement(org), IN_3_DAYS, 3);
        Fixtures.User otherOrgLeader = Fixtures.org().user("LEADER");
        Http.Res unknownLeader = as(hr).post("/api/v1/bookings", Map.of("shiftId", shift.toString(),
                "leaderId", otherOrgLeader.id().toString()));
        assertThat(unknownLeader.status()).isEqualTo(422);
        assertThat(unknownLeader.json().path("errors").get(0).path("field").asText()).isEqualTo("leaderId");
        Http.Res otherOrgShift = book(otherOrgLeader, shift);
        assertThat(otherOrgShift.status()).isEqualTo(422);
        Http.Res bad = as(hr).post("/api/v1/bookings", Map.of("shiftId", "nope"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(Sched.count("SELECT count(*) FROM bookings WHERE shift_id = ?", shift)).isZero();
    }

    @Test
    void cancel_lessThan48HoursBefore_isLate_andMoreIsNot() {
        Fixtures.User leader = org.user("LEADER");
        UUID placement = Sched.placement(org);
        String early = book(leader, shift(placement, IN_3_DAYS.plus(2, ChronoUnit.DAYS), 3)).json().path("id").asText();
        String soon = book(leader, shift(placement, Instant.now().plus(30, ChronoUnit.HOURS), 3)).json().path("id").asText();
        Http.Res notLate = as(leader).post("/api/v1/bookings/" + early + "/cancel", Map.of("reason", "diary clash"));
        assertThat(notLate.status()).isEqualTo(200);
        assertThat(notLate.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(notLate.json().path("late").asBoolean()).isFalse();
        Http.Res late = as(leader).post("/api/v1/bookings/" + soon + "/cancel", Map.of("reason", "unwell"));
        assertThat(late.json().path("late").asBoolean()).isTrue();
        assertThat(Sched.count("SELECT count(*) FROM audit_log WHERE entity_id = CAST(? AS uuid) AND reason = 'unwell'",
                soon)).isEqualTo(1);
    }

    @Test
    void cancel_byLeaderAfterStart_refusesWithTooLateToCancel_butHrMay() {
        Fixtures.User leader = org.user("LEADER");
        UUID shift = shift(Sched.placement(org), IN_3_DAYS, 3);
        String id = book(leader, shift).json().path("id").asText();
        TestApplication.CLOCK.set(IN_3_DAYS.plus(1, ChronoUnit.HOURS));
        Http.Res res = as(leader).post("/api/v1/bookings/" + id + "/cancel", Map.of("reason", "too late"));
        assertThat(res.status()).isEqualTo(409);
        assertThat(res.code()).isEqualTo("TOO_LATE_TO_CANCEL");
        Fixtures.User hr = org.user(new Fixtures.UserSpec("HR").name("Fiona HR"));
        Http.Res byHr = as(hr).post("/api/v1/bookings/" + id + "/cancel", Map.of("reason", "sent home ill"));
        assertThat(byHr.status()).isEqualTo(200);
        assertThat(Sched.text(
                "SELECT body FROM notifications WHERE user_id = ? AND type = 'BOOKING_CANCELLED'", leader.id())).contains("Fiona HR").contains("sent home ill");
        assertThat(as(hr).post("/api/v1/bookings/" + id + "/cancel", Map.of("reason", "again")).code())
                .isEqualTo("INVALID_TRANSITION");
    }

    @Test
    void cancel_withoutReason_is422() {
        Fixtures.User leader = org.user("LEADER");
        String id = book(leader, shift(Sched.placement(org), IN_3_DAYS, 3)).json().path("id").asText();
        Http.Res res = as(leader).post("/api/v1/bookings/" + id + "/cancel", Map.of());
        assertThat(res.status()).isEqualTo(422);
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");
    }

    @Test
    void get_isVisibleToItsLeaderHostAndHr_only() {
        Fixtures.User leader = org.user("LEADER");
        Fixtures.User host = org.user("HOST");
        UUID placement = Sched.placement(org, Sched.site(org), new Sched.P().hosts(host));
        String id = book(leader, shift(placement, IN_3_DAYS, 3)).json().path("id").asText();
        String path = "/api/v1/bookings/" + id;
        assertThat(as(leader).get(path).status()).isEqualTo(200);
        assertThat(as(host).get(path).status()).isEqualTo(200);
        assertThat(as(org.user("HR")).get(path).status()).isEqualTo(200);
        assertThat(as(org.user("LEADER")).get(path).status()).isEqualTo(404);
        assertThat(as(org.user("HOST")).get(path).status()).isEqualTo(404);
        assertThat(as(Fixtures.org().user("ADMIN")).get(path).status()).isEqualTo(404);
    }

    @Test
    void list_leaderSeesOwnOnly_andAnotherLeadersIdIs403() {
        Fixtures.User leader = org.user("LEADER");
        Fixtures.User other = org.user("LEADER");
        UUID placement = Sched.placement(org);
        book(leader, shift(placement, IN_3_DAYS, 3));
        book(other, shift(placement, IN_3_DAYS, 3));
        Http.Res mine = as(leader).get("/api/v1/bookings");
        assertThat(mine.json().path("items")).hasSize(1);
        assertThat(mine.json().path("items").get(0).path("leaderId").asText()).isEqualTo(leader.id().toString());
        assertThat(as(leader).get("/api/v1/bookings?leaderId=" + other.id()).status()).isEqualTo(403);
        Http.Res hr = as(org.user("HR")).get("/api/v1/bookings?leaderId=" + other.id() + "&status=BOOKED");
        assertThat(hr.json().path("items")).hasSize(1);
        assertThat(as(org.user("HR")).get("/api/v1/bookings?status=CANCELLED").json().path("items")).isEmpty();
        assertThat(as(org.user("HR")).get("/api/v1/bookings?status=nope").status()).isEqualTo(422);
    }

    @Test
    void idempotencyKey_replaysTheFirstAnswer_andRefusesADifferentBody() {
        Fixtures.User leader = org.user("LEADER");
        UUID placement = Sched.placement(org);
        UUID shift = shift(placement, IN_3_DAYS, 3);
        Http http = as(leader).header("Idempotency-Key", "key-" + UUID.randomUUID());
        Map<String, Object> body = new HashMap<>(Map.of("shiftId", shift.toString()));
        Http.Res first = http.post("/api/v1/bookings", body);
        Http.Res again = http.post("/api/v1/bookings", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(Sched.count("SELECT count(*) FROM bookings WHERE shift_id = ?", shift)).isEqualTo(1);
        Http.Res reused = http.post("/api/v1/bookings", Map.of("shiftId", shift(placement, IN_3_DAYS.plus(Duration.ofDays(1)), 3).toString()));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void anotherOrganisation_gets404ForShiftsAndBookings() {
        Fixtures.User leader = org.user("LEADER");
        UUID shift = shift(Sched.placement(org), IN_3_DAYS, 3);
        String booking = book(leader, shift).json().path("id").asText();
        Fixtures.Org other = Fixtures.org();
        Fixtures.User outsider = other.user("ADMIN", "LEADER", "HR");
        assertThat(as(outsider).get("/api/v1/shifts/" + shift).status()).isEqualTo(404);
        assertThat(as(outsider).get("/api/v1/bookings/" + booking).status()).isEqualTo(404);
        assertThat(as(outsider).post("/api/v1/bookings/" + booking + "/cancel", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(as(outsider).patch("/api/v1/shifts/" + shift, Map.of("capacity", 5, "reason", "x")).status()).isEqualTo(404);
        assertThat(as(outsider).post("/api/v1/shifts/" + shift + "/waitlist", Map.of()).status()).isEqualTo(404);
        assertThat(as(outsider).get("/api/v1/shifts").json().path("items")).isEmpty();
    }

    @Test
    void book_byHrOnBehalfWithoutOverride_needsNoReason_andTellsTheLeaderWhoBooked() {
        Fixtures.User leader = org.user("LEADER");
        Fixtures.User hr = org.user(new Fixtures.UserSpec("HR").name("Programme Office"));
        UUID shift = shift(Sched.placement(org), IN_3_DAYS, 3);
        Http.Res res = as(hr).post("/api/v1/bookings", Map.of("shiftId", shift.toString(), "leaderId", leader.id().toString()));
        assertThat(res.status()).isEqualTo(201);
        assertThat(res.json().path("leaderId").asText()).isEqualTo(leader.id().toString());
        assertThat(res.json().path("bookedBy").asText()).isEqualTo(hr.id().toString());
        assertThat(Sched.text("SELECT body FROM notifications WHERE user_id = ? AND type = 'BOOKING_MADE'", leader.id()))
                .contains("Programme Office booked this for you");
        Http.Res noLeader = as(hr).post("/api/v1/bookings", Map.of("shiftId", shift.toString()));
        assertThat(noLeader.status()).isEqualTo(422);
        assertThat(noLeader.json().path("errors").get(0).path("field").asText()).isEqualTo("leaderId");
    }

    @Test
    void list_filtersByShiftStartWindow_andPages() {
        Fixtures.User leader = org.user("LEADER");
        UUID placement = Sched.placement(org);
        String first = book(leader, shift(placement, IN_3_DAYS, 3)).json().path("id").asText();
        String second = book(leader, shift(placement, IN_3_DAYS.plus(1, ChronoUnit.DAYS), 3)).json().path("id").asText();
        Http http = as(leader);
        Http.Res from = http.get("/api/v1/bookings?from=" + IN_3_DAYS.plus(1, ChronoUnit.HOURS));
        assertThat(from.json().path("items")).hasSize(1);
        assertThat(from.json().path("items").get(0).path("id").asText()).isEqualTo(second);
        Http.Res to = http.get("/api/v1/bookings?to=" + IN_3_DAYS.plus(1, ChronoUnit.HOURS));
        assertThat(to.json().path("items")).hasSize(1);
        assertThat(to.json().path("items").get(0).path("id").asText()).isEqualTo(first);
        Http.Res page = http.get("/api/v1/bookings?limit=1");
        assertThat(page.json().path("items").get(0).path("id").asText()).isEqualTo(first);
        Http.Res next = http.get("/api/v1/bookings?limit=1&cursor=" + page.json().path("nextCursor").asText());
        assertThat(next.json().path("items").get(0).path("id").asText()).isEqualTo(second);
        assertThat(next.json().path("nextCursor").isNull()).isTrue();
        assertThat(http.get("/api/v1/bookings?cursor=forged").status()).isEqualTo(422);
    }
}

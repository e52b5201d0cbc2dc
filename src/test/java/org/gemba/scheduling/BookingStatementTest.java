package org.gemba.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /bookings is one SQL statement (book_shift, migration 0110): each refusal keeps its code and
 * wording and writes nothing; a booking writes its audit row, notification and waitlist resolution.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BookingStatementTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant IN_3_DAYS = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    final Fixtures.Org org = Fixtures.org();

    Http as(Fixtures.User u) {
        return u.http(APP.getLocalPort());
    }

    Http.Res book(Fixtures.User u, UUID shift) {
        return as(u).post("/api/v1/bookings", Map.of("shiftId", shift.toString()));
    }

    UUID shift(UUID placement, Instant start, int capacity) {
        return Sched.shift(org, placement, start, start.plus(4, ChronoUnit.HOURS), capacity);
    }

    Fixtures.User leader(String name) {
        return org.user(new Fixtures.UserSpec("LEADER").name(name));
    }

    static String placementName(UUID placement) {
        return Sched.text("SELECT name FROM placements WHERE id = ?", placement);
    }

    /** Bookings, booking audit rows, notifications and places taken in the organisation. */
    List<Integer> written() {
        return List.of(
                Sched.count("SELECT count(*) FROM bookings WHERE org_id = ?", org.id()),
                Sched.count("SELECT count(*) FROM audit_log WHERE org_id = ? AND entity_type = 'BOOKING'", org.id()),
                Sched.count("SELECT count(*) FROM notifications WHERE org_id = ?", org.id()),
                Sched.count("SELECT coalesce(sum(booked_count), 0)::int FROM shifts WHERE org_id = ?", org.id()));
    }

    void assertRefused(Http.Res res, int status, String code, String detail) {
        assertThat(res.status()).as(res.json().toString()).isEqualTo(status);
        assertThat(res.code()).isEqualTo(code);
        assertThat(res.json().path("detail").asText()).isEqualTo(detail);
    }

    @Test
    void book_eachRefusal_answersItsCodeAndWording_andWritesNothing() {
        Fixtures.User ann = leader("Ann Refused");
        UUID placement = Sched.placement(org);
        String pName = placementName(placement);
        UUID full = shift(placement, IN_3_DAYS, 1);
        assertThat(book(ann, full).status()).isEqualTo(201);
        UUID trained = Sched.placement(org, Sched.site(org), new Sched.P().trainings("FOOD_HYGIENE", "MANUAL_HANDLING"));
        UUID finance = Sched.placement(org, Sched.site(org), new Sched.P().excludeOwn("Finance"));
        UUID capped = Sched.placement(org, Sched.site(org), new Sched.P().maxPerWeek(1));
        LocalDate monday = LocalDate.now(LONDON).plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant wednesday = monday.plusDays(2).atTime(10, 0).atZone(LONDON).toInstant();
        assertThat(book(leader("First Of Week"), shift(capped, wednesday, 3)).status()).isEqualTo(201);
        UUID cancelled = shift(placement, IN_3_DAYS.plus(20, ChronoUnit.DAYS), 3);
        Sched.db().useHandle(h -> h.execute("UPDATE shifts SET status = 'CANCELLED' WHERE id = ?", cancelled));
        List<Integer> before = written();

        assertRefused(book(leader("Bob Late"), full), 409, "SHIFT_FULL", "All 1 places on this shift are taken.");
        assertRefused(book(ann, full), 409, "ALREADY_BOOKED", "Ann Refused is already booked on this shift.");
        assertRefused(book(ann, shift(placement, IN_3_DAYS.plus(1, ChronoUnit.HOURS), 3)), 409, "OVERLAPPING_BOOKING",
                "Ann Refused already has a booking at an overlapping time.");
        Fixtures.User halfTrained = org.user(new Fixtures.UserSpec("LEADER").name("Cat Trained").trainings("MANUAL_HANDLING"));
        Http.Res training = book(halfTrained, shift(trained, IN_3_DAYS, 3));
        assertRefused(training, 422, "MISSING_TRAINING", "leaderId: " + placementName(trained)
                + " requires training FOOD_HYGIENE that Cat Trained does not hold");
        assertThat(training.json().path("errors").get(0).path("field").asText()).isEqualTo("leaderId");
        // the directorate rule ignores case and surrounding space, as before
        Fixtures.User financeLeader = org.user(new Fixtures.UserSpec("LEADER").directorate(" finance "));
        assertRefused(book(financeLeader, shift(finance, IN_3_DAYS, 3)), 409, "OWN_DIRECTORATE",
                placementName(finance) + " is run by Finance and is closed to leaders of that directorate.");
        assertRefused(book(leader("Dan Capped"), shift(capped, wednesday.plus(1, ChronoUnit.DAYS), 3)), 409,
                "PLACEMENT_WEEKLY_CAP", placementName(capped) + " already receives 1 leader(s) in the week of "
                        + monday + ", its weekly limit.");
        assertRefused(book(ann, shift(placement, Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES), 3)),
                409, "TOO_LATE_TO_BOOK", "Shifts must be booked at least 24 hours before they start.");
        assertRefused(book(ann, cancelled), 409, "SHIFT_CANCELLED", "The shift has been cancelled.");
        Http.Res notALeader = as(org.user("HR")).post("/api/v1/bookings", Map.of("shiftId", full.toString(),
                "leaderId", org.user("HOST").id().toString()));
        assertRefused(notALeader, 422, "VALIDATION_FAILED", "leaderId: must be an active leader of the organisation");
        assertRefused(book(ann, UUID.randomUUID()), 422, "VALIDATION_FAILED", "shiftId: no such shift");
        assertThat(pName).isNotBlank();

        assertThat(written()).isEqualTo(before);
    }

    @Test
    void book_onBehalfWithOverride_writesAuditNotificationAndLeavesTheWaitlist_andAnswersAsGetDoes() {
        Fixtures.User leader = leader("Eve Booked");
        Fixtures.User hr = org.user(new Fixtures.UserSpec("HR").name("Programme Office"));
        UUID site = Sched.site(org, "America/New_York");
        UUID placement = Sched.placement(org, site, new Sched.P());
        Instant start = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        UUID shift = Sched.shift(org, placement, start, start.plus(9, ChronoUnit.HOURS), 2);
        Sched.db().useHandle(h -> h.execute(
                "INSERT INTO waitlist_entries (org_id, shift_id, leader_id) VALUES (?, ?, ?)", org.id(), shift, leader.id()));

        Http.Res res = as(hr).post("/api/v1/bookings", Map.of("shiftId", shift.toString(),
                "leaderId", leader.id().toString(), "override", true, "reason", "  agreed with the ward  "));

        assertThat(res.status()).isEqualTo(201);
        String id = res.json().path("id").asText();
        JsonNode got = as(hr).get("/api/v1/bookings/" + id).json();
        assertThat(res.json()).isEqualTo(got);
        assertThat(got.path("reason").asText()).isEqualTo("agreed with the ward");
        assertThat(got.path("override").asBoolean()).isTrue();
        assertThat(Sched.text("SELECT changes::text FROM audit_log WHERE entity_id = ?::uuid AND action = 'CREATED'"
                + " AND actor_id = ?", id, hr.id()))
                .isEqualTo("{\"shiftId\": \"" + shift + "\", \"leaderId\": \"" + leader.id() + "\", \"override\": true}");
        assertThat(Sched.text("SELECT reason FROM audit_log WHERE entity_id = ?::uuid", id)).isEqualTo("agreed with the ward");
        String placementName = placementName(placement);
        String siteName = Sched.text("SELECT name FROM sites WHERE id = ?", site);
        assertThat(Sched.text("SELECT subject || ' | ' || body FROM notifications WHERE entity_id = ?::uuid"
                + " AND user_id = ? AND type = 'BOOKING_MADE'", id, leader.id()))
                .isEqualTo("Booked: " + placementName + " | You are booked on " + placementName + " at " + siteName + ", "
                        + Hours.window(start, start.plus(9, ChronoUnit.HOURS), ZoneId.of("America/New_York"))
                        + ". Programme Office booked this for you: agreed with the ward");
        assertThat(Sched.text("SELECT status || ' ' || note FROM waitlist_entries WHERE shift_id = ? AND leader_id = ?",
                shift, leader.id())).isEqualTo("LEFT booked directly");
    }

    @Test
    void shiftWindowInSql_writesWhatHoursWindowWrites() {
        List<String[]> cases = new ArrayList<>();
        for (String zone : List.of("Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "UTC")) {
            ZoneId z = ZoneId.of(zone);
            for (int month = 1; month <= 12; month++) {
                LocalDateTime local = LocalDateTime.of(2026, month, month * 2, month % 2 == 0 ? 9 : 22, month * 4);
                Instant s = local.atZone(z).toInstant();
                cases.add(new String[] {s.toString(), s.plus(4, ChronoUnit.HOURS).toString(), zone});
                cases.add(new String[] {s.toString(), s.plus(9, ChronoUnit.HOURS).toString(), zone});
            }
            // across the clock changes, and a start five minutes after midnight
            for (LocalDateTime local : List.of(LocalDateTime.of(2026, 3, 28, 23, 30), LocalDateTime.of(2026, 10, 24, 23, 0),
                    LocalDateTime.of(2026, 11, 1, 0, 5), LocalDateTime.of(2026, 4, 4, 20, 0))) {
                Instant s = local.atZone(z).toInstant();
                cases.add(new String[] {s.toString(), s.plus(6, ChronoUnit.HOURS).toString(), zone});
            }
        }
        for (String[] c : cases) {
            String sql = Sched.db().withHandle(h -> h.createQuery(
                            "SELECT shift_window(CAST(:s AS timestamptz), CAST(:e AS timestamptz), :z)")
                    .bind("s", c[0]).bind("e", c[1]).bind("z", c[2]).mapTo(String.class).one());
            assertThat(sql).as("%s to %s in %s", c[0], c[1], c[2])
                    .isEqualTo(Hours.window(Instant.parse(c[0]), Instant.parse(c[1]), ZoneId.of(c[2])));
        }
    }
}

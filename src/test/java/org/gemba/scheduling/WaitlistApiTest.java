package org.gemba.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class WaitlistApiTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();
    static final Instant START = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    final Fixtures.Org org = Fixtures.org();

    Http as(Fixtures.User u) {
        return u.http(APP.getLocalPort());
    }

    UUID shift(UUID placement, Instant start, int capacity) {
        return Sched.shift(org, placement, start, start.plus(3, ChronoUnit.HOURS), capacity);
    }

    String book(Fixtures.User u, UUID shift) {
        Http.Res res = as(u).post("/api/v1/bookings", Map.of("shiftId", shift.toString()));
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().path("id").asText();
    }

    Http.Res join(Fixtures.User u, UUID shift) {
        return as(u).post("/api/v1/shifts/" + shift + "/waitlist", Map.of());
    }

    @Test
    void join_fullShift_answers201WithPositions_andRefusesWhenNotFullOrAlreadyThere() {
        UUID placement = Sched.placement(org);
        UUID shift = shift(placement, START, 1);
        Fixtures.User booked = org.user("LEADER");
        Fixtures.User first = org.user("LEADER");
        Fixtures.User second = org.user("LEADER");
        assertThat(join(first, shift).code()).isEqualTo("CONFLICT");   // free places: book instead
        book(booked, shift);
        Http.Res a = join(first, shift);
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.json().path("position").asInt()).isEqualTo(1);
        assertThat(join(second, shift).json().path("position").asInt()).isEqualTo(2);
        assertThat(join(first, shift).code()).isEqualTo("CONFLICT");
        assertThat(join(booked, shift).code()).isEqualTo("ALREADY_BOOKED");
        assertThat(as(org.user("HR")).post("/api/v1/shifts/" + shift + "/waitlist", Map.of()).status()).isEqualTo(403);

        assertThat(as(first).delete("/api/v1/shifts/" + shift + "/waitlist").status()).isEqualTo(204);
        assertThat(as(first).delete("/api/v1/shifts/" + shift + "/waitlist").status()).isEqualTo(404);
        Http.Res rejoin = join(first, shift);
        assertThat(rejoin.json().path("position").asInt()).isEqualTo(2);
    }

    @Test
    void cancel_promotesFirstValidWaiter_skippingOneWhoBookedAnOverlappingShift() {
        UUID placement = Sched.placement(org);
        UUID shift = shift(placement, START, 1);
        Fixtures.User booked = org.user("LEADER");
        Fixtures.User busy = org.user("LEADER");
        Fixtures.User next = org.user("LEADER");
        String booking = book(booked, shift);
        assertThat(join(busy, shift).status()).isEqualTo(201);
        assertThat(join(next, shift).status()).isEqualTo(201);
        // the first in the queue has since booked something at the same time elsewhere
        book(busy, shift(Sched.placement(org), START.plus(1, ChronoUnit.HOURS), 2));

        Http.Res cancelled = as(booked).post("/api/v1/bookings/" + booking + "/cancel", Map.of("reason", "clash"));
        assertThat(cancelled.status()).isEqualTo(200);

        assertThat(Sched.count("SELECT count(*) FROM bookings WHERE shift_id = ? AND leader_id = ? AND status = 'BOOKED'",
                shift, next.id())).isEqualTo(1);
        assertThat(Sched.count("SELECT count(*) FROM bookings WHERE shift_id = ? AND leader_id = ?", shift, busy.id()))
                .isZero();
        assertThat(Sched.text("SELECT status FROM waitlist_entries WHERE shift_id = ? AND leader_id = ?", shift, busy.id()))
                .isEqualTo("SKIPPED");
        assertThat(Sched.text("SELECT status FROM waitlist_entries WHERE shift_id = ? AND leader_id = ?", shift, next.id()))
                .isEqualTo("PROMOTED");
        assertThat(Sched.text("SELECT body FROM notifications WHERE user_id = ? AND type = 'WAITLIST_SKIPPED'", busy.id()))
                .contains("overlapping");
        assertThat(Sched.count("SELECT count(*) FROM notifications WHERE user_id = ? AND type = 'WAITLIST_PROMOTED'",
                next.id())).isEqualTo(1);
        assertThat(Sched.count("SELECT booked_count FROM shifts WHERE id = ?", shift)).isEqualTo(1);
    }

    @Test
    void raisingCapacity_promotesWaitingLeadersInOrder() {
        Fixtures.User host = org.user("HOST");
        UUID placement = Sched.placement(org, Sched.site(org), new Sched.P().hosts(host));
        UUID shift = shift(placement, START, 1);
        book(org.user("LEADER"), shift);
        Fixtures.User first = org.user("LEADER");
        Fixtures.User second = org.user("LEADER");
        Fixtures.User third = org.user("LEADER");
        join(first, shift);
        join(second, shift);
        join(third, shift);
        Http.Res res = as(host).patch("/api/v1/shifts/" + shift, Map.of("capacity", 3, "reason", "second ward open"));
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        assertThat(res.json().path("bookedCount").asInt()).isEqualTo(3);
        assertThat(res.json().path("placesLeft").asInt()).isZero();
        assertThat(Sched.count("SELECT count(*) FROM bookings WHERE shift_id = ? AND leader_id IN (?, ?) AND status = 'BOOKED'",
                shift, first.id(), second.id())).isEqualTo(2);
        assertThat(Sched.text("SELECT status FROM waitlist_entries WHERE shift_id = ? AND leader_id = ?", shift, third.id()))
                .isEqualTo("WAITING");
    }

    @Test
    void join_withoutTraining_refusesWithMissingTraining() {
        UUID placement = Sched.placement(org, Sched.site(org), new Sched.P().trainings("INFECTION_CONTROL"));
        UUID shift = shift(placement, START, 1);
        book(org.user(new Fixtures.UserSpec("LEADER").trainings("INFECTION_CONTROL")), shift);
        Http.Res res = join(org.user("LEADER"), shift);
        assertThat(res.status()).isEqualTo(422);
        assertThat(res.code()).isEqualTo("MISSING_TRAINING");
    }
}

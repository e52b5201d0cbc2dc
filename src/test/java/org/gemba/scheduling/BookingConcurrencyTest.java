package org.gemba.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Real parallel requests, then the rows are counted: capacity and overlap hold in the database. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BookingConcurrencyTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();
    static final Instant START = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    final Fixtures.Org org = Fixtures.org();

    /** Runs the calls at once (all released by one latch) and returns their answers. */
    static List<Http.Res> race(List<Callable<Http.Res>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Http.Res>> futures = new ArrayList<>();
            for (Callable<Http.Res> c : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return c.call();
                }));
            }
            go.countDown();
            List<Http.Res> out = new ArrayList<>();
            for (Future<Http.Res> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void book_30LeadersRacingForCapacity3_exactly3BookedAnd27ShiftFull() throws Exception {
        UUID shift = Sched.shift(org, Sched.placement(org), START, START.plus(3, ChronoUnit.HOURS), 3);
        List<Callable<Http.Res>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Http http = org.user("LEADER").http(APP.getLocalPort());
            calls.add(() -> http.post("/api/v1/bookings", Map.of("shiftId", shift.toString())));
        }
        List<Http.Res> answers = race(calls);
        assertThat(answers.stream().filter(r -> r.status() == 201).count()).isEqualTo(3);
        assertThat(answers.stream().filter(r -> r.status() == 409 && "SHIFT_FULL".equals(r.code())).count()).isEqualTo(27);
        assertThat(Sched.count("SELECT count(*) FROM bookings WHERE shift_id = ? AND status = 'BOOKED'", shift)).isEqualTo(3);
        assertThat(Sched.count("SELECT booked_count FROM shifts WHERE id = ?", shift)).isEqualTo(3);
    }

    @Test
    void book_oneLeaderRacing10OverlappingShifts_exactlyOneBooking() throws Exception {
        Fixtures.User leader = org.user("LEADER");
        UUID placement = Sched.placement(org);
        List<Callable<Http.Res>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID shift = Sched.shift(org, placement, START.plus(i * 10L, ChronoUnit.MINUTES),
                    START.plus(3, ChronoUnit.HOURS), 5);
            Http http = leader.http(APP.getLocalPort());
            calls.add(() -> http.post("/api/v1/bookings", Map.of("shiftId", shift.toString())));
        }
        List<Http.Res> answers = race(calls);
        assertThat(answers.stream().filter(r -> r.status() == 201).count()).isEqualTo(1);
        assertThat(answers.stream().filter(r -> "OVERLAPPING_BOOKING".equals(r.code())).count()).isEqualTo(9);
        assertThat(Sched.count("SELECT count(*) FROM bookings WHERE leader_id = ?", leader.id())).isEqualTo(1);
        assertThat(Sched.count("SELECT coalesce(sum(booked_count), 0) FROM shifts WHERE placement_id = ?", placement))
                .isEqualTo(1);
    }

    @Test
    void book_sameIdempotencyKeySentConcurrently_booksOnceAndAnswersAlikes() throws Exception {
        Fixtures.User leader = org.user("LEADER");
        UUID shift = Sched.shift(org, Sched.placement(org), START, START.plus(3, ChronoUnit.HOURS), 3);
        Http http = leader.http(APP.getLocalPort()).header("Idempotency-Key", "retry-" + UUID.randomUUID());
        List<Callable<Http.Res>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> http.post("/api/v1/bookings", Map.of("shiftId", shift.toString())));
        }
        List<Http.Res> answers = race(calls);
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        assertThat(answers.stream().map(r -> r.json().path("id").asText()).distinct()).hasSize(1);
        assertThat(Sched.count("SELECT count(*) FROM bookings WHERE shift_id = ?", shift)).isEqualTo(1);
        assertThat(Sched.count("SELECT booked_count FROM shifts WHERE id = ?", shift)).isEqualTo(1);
    }

    @Test
    void cancel_concurrentCancellationsOfAFullShift_promoteExactlyAsManyWaitersAsPlacesFreed() throws Exception {
        UUID shift = Sched.shift(org, Sched.placement(org), START, START.plus(3, ChronoUnit.HOURS), 4);
        List<String> bookings = new ArrayList<>();
        List<Fixtures.User> booked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Fixtures.User leader = org.user("LEADER");
            booked.add(leader);
            bookings.add(leader.http(APP.getLocalPort()).post("/api/v1/bookings", Map.of("shiftId", shift.toString()))
                    .json().path("id").asText());
        }
        for (int i = 0; i < 6; i++) {
            assertThat(org.user("LEADER").http(APP.getLocalPort()).post("/api/v1/shifts/" + shift + "/waitlist", Map.of())
                    .status()).isEqualTo(201);
        }
        List<Callable<Http.Res>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Http http = booked.get(i).http(APP.getLocalPort());
            String path = "/api/v1/bookings/" + bookings.get(i) + "/cancel";
            calls.add(() -> http.post(path, Map.of("reason", "diary clash")));
        }
        assertThat(race(calls)).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(Sched.count("SELECT count(*) FROM bookings WHERE shift_id = ? AND status = 'BOOKED'", shift)).isEqualTo(4);
        assertThat(Sched.count("SELECT booked_count FROM shifts WHERE id = ?", shift)).isEqualTo(4);
        assertThat(Sched.count("SELECT count(*) FROM waitlist_entries WHERE shift_id = ? AND status = 'PROMOTED'", shift))
                .isEqualTo(3);
        assertThat(Sched.count("SELECT count(*) FROM waitlist_entries WHERE shift_id = ? AND status = 'WAITING'", shift))
                .isEqualTo(3);
    }

    @Test
    void book_10LeadersRacingForAPlacementCappedAt2PerWeek_exactly2Booked() throws Exception {
        UUID placement = Sched.placement(org, Sched.site(org), new Sched.P().maxPerWeek(2));
        java.time.ZoneId london = java.time.ZoneId.of("Europe/London");
        Instant monday = java.time.LocalDate.now(london).plusWeeks(2).with(java.time.DayOfWeek.MONDAY)
                .atTime(9, 0).atZone(london).toInstant();
        List<Callable<Http.Res>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // different shifts in the same week: no shift lock is shared, only the placement's
            Instant start = monday.plus(i * 12L, ChronoUnit.HOURS);
            UUID shift = Sched.shift(org, placement, start, start.plus(2, ChronoUnit.HOURS), 3);
            Http http = org.user("LEADER").http(APP.getLocalPort());
            calls.add(() -> http.post("/api/v1/bookings", Map.of("shiftId", shift.toString())));
        }
        List<Http.Res> answers = race(calls);
        assertThat(answers.stream().filter(r -> r.status() == 201).count()).isEqualTo(2);
        assertThat(answers.stream().filter(r -> "PLACEMENT_WEEKLY_CAP".equals(r.code())).count()).isEqualTo(8);
        assertThat(Sched.count("SELECT count(DISTINCT b.leader_id) FROM bookings b JOIN shifts s ON s.id = b.shift_id "
                + "WHERE s.placement_id = ?", placement)).isEqualTo(2);
    }
}

package org.gemba.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gemba.notify.NoticeTestSupport.at;
import static org.gemba.notify.NoticeTestSupport.jdbi;
import static org.gemba.notify.NoticeTestSupport.notificationsOf;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.UUID;
import org.gemba.notify.NoticeTestSupport.Sent;
import org.gemba.progress.Programme;
import org.gemba.progress.ProgressQuery;
import org.gemba.progress.ProgressRow;
import org.gemba.support.Fixtures;
import org.gemba.support.MutableClock;
import org.junit.jupiter.api.Test;

/** The monthly note to AT_RISK and BEHIND leaders, with figures and suggestions from the progress feature. */
class ProgressNudgesTest {
    static final Programme PROGRAMME = new Programme(MonthDay.of(4, 1), 6, 2025, new BigDecimal("150"));
    static final Instant NOW = at("2026-11-02T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);

    private NoticeScheduler scheduler() {
        return new NoticeScheduler(jdbi(), new Notifications(), clock, List.of(new ProgressNudges(PROGRAMME, 24)));
    }

    /** An organisation whose G7 leaders need 10 hours a year: about 5.9 expected by 2 November. */
    record Floor(Fixtures.Org org, UUID placement) {}

    private Floor floor() {
        Fixtures.Org org = Fixtures.org();
        UUID placement = jdbi().withHandle(h -> {
            h.createUpdate("INSERT INTO target_policies (org_id, grade, annual_hours) VALUES (:org, 'G7', 10)")
                    .bind("org", org.id()).execute();
            UUID site = NoticeTestSupport.site(org, "Queen's Hospital");
            return h.createQuery("""
                            INSERT INTO placements (org_id, site_id, name, default_capacity)
                            VALUES (:org, :site, 'Catering — Ward 3 meal service', 4) RETURNING id""")
                    .bind("org", org.id()).bind("site", site).mapTo(UUID.class).one();
        });
        return new Floor(org, placement);
    }

    private Fixtures.User leader(Floor f) {
        return f.org().user(new Fixtures.UserSpec("LEADER").grade("G7"));
    }

    private UUID shift(Floor f, Instant start, int hours) {
        return jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO shifts (org_id, placement_id, starts_at, ends_at, capacity)
                        VALUES (:org, :p, :s, :e, 4) RETURNING id""")
                .bind("org", f.org().id()).bind("p", f.placement()).bind("s", start)
                .bind("e", start.plus(Duration.ofHours(hours))).mapTo(UUID.class).one());
    }

    private void book(Floor f, Fixtures.User leader, Instant start, int hours, boolean attended) {
        UUID shift = shift(f, start, hours);
        Instant end = start.plus(Duration.ofHours(hours));
        jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO bookings (org_id, shift_id, leader_id, status, during, booked_by, created_at,
                                              actual_start, actual_end, credited_minutes)
                        VALUES (:org, :shift, :leader, :status, tstzrange(:s, :e), :leader, :created,
                                :actualStart, :actualEnd, :minutes)""")
                .bind("org", f.org().id()).bind("shift", shift).bind("leader", leader.id())
                .bind("status", attended ? "ATTENDED" : "BOOKED").bind("s", start).bind("e", end)
                .bind("created", at("2026-09-01T10:00:00Z"))
                .bind("actualStart", attended ? start : null).bind("actualEnd", attended ? end : null)
                .bind("minutes", attended ? hours * 60 : null).execute());
    }

    private static List<Sent> nudges(Fixtures.User user) {
        return notificationsOf(user).stream().filter(s -> s.type().equals("PROGRESS_NUDGE")).toList();
    }

    private ProgressRow progress(Fixtures.User leader) {
        return jdbi().withHandle(h -> ProgressQuery.forLeader(h,
                new ProgressQuery.Params(leader.orgId(), PROGRAMME, 2026, clock.instant()), leader.id())).orElseThrow();
    }

    @Test
    void nudge_atRiskAndBehindLeaders_toldOnceThisMonth_withHoursAndSuggestedShifts() {
        Floor f = floor();
        Fixtures.User behind = leader(f);
        Fixtures.User atRisk = leader(f);
        Fixtures.User onTrack = leader(f);
        Fixtures.User gone = leader(f);
        jdbi().useHandle(h -> h.execute("UPDATE users SET active = false WHERE id = ?", gone.id()));
        book(f, atRisk, at("2026-11-20T09:00:00Z"), 8, false);
        book(f, onTrack, at("2026-10-01T09:00:00Z"), 8, true);
        shift(f, at("2026-11-10T09:00:00Z"), 4);

        scheduler().runOnce();
        scheduler().runOnce();

        assertThat(progress(behind).status()).isEqualTo("BEHIND");
        assertThat(progress(atRisk).status()).isEqualTo("AT_RISK");
        assertThat(nudges(onTrack)).isEmpty();
        assertThat(nudges(gone)).isEmpty();
        List<Sent> sent = nudges(behind);
        assertThat(sent).hasSize(1);
        String expected = progress(behind).expectedToDateHours().stripTrailingZeros().toPlainString();
        assertThat(sent.get(0).subject()).contains("behind for 2026");
        assertThat(sent.get(0).body()).contains("- completed: 0 hours").contains("- expected by now: " + expected)
                .contains("Shifts you could book:")
                .contains("- Catering — Ward 3 meal service, Queen's Hospital: Tue 10 Nov 2026 09:00–13:00");
        List<Sent> risk = nudges(atRisk);
        assertThat(risk).hasSize(1);
        assertThat(risk.get(0).body()).contains("- booked ahead: 8 hours").contains("as long as you attend them")
                .doesNotContain("Fri 20 Nov 2026 09:00"); // a shift they already booked is no suggestion
    }

    @Test
    void nudge_nextMonth_toldAgain_onceMore() {
        Floor f = floor();
        Fixtures.User behind = leader(f);
        scheduler().runOnce();

        clock.set(at("2026-11-30T23:59:00Z"));
        scheduler().runOnce();
        assertThat(nudges(behind)).hasSize(1);

        clock.set(at("2026-12-01T00:00:01Z"));
        scheduler().runOnce();
        scheduler().runOnce();
        assertThat(nudges(behind)).hasSize(2);
        assertThat(nudges(behind).get(1).body()).contains("There is no open shift you could book");
    }

    @Test
    void nudge_leaderAddedAfterTheMonthWasSwept_waitsForNextMonth() {
        Floor f = floor();
        leader(f);
        scheduler().runOnce();
        Fixtures.User late = leader(f);

        scheduler().runOnce();

        assertThat(nudges(late)).isEmpty();
    }

    @Test
    void nudge_outsideTheProgramme_none() {
        Floor f = floor();
        Fixtures.User behind = leader(f);
        clock.set(at("2031-06-01T10:00:00Z"));

        scheduler().runOnce();

        assertThat(nudges(behind)).isEmpty();
    }

    @Test
    void nudge_threeSchedulersAtOnce_eachLeaderToldOnce() throws Exception {
        Floor f = floor();
        List<Fixtures.User> leaders = List.of(leader(f), leader(f), leader(f), leader(f), leader(f));

        NoticeTestSupport.concurrently(List.of(scheduler(), scheduler(), scheduler()));

        assertThat(leaders).allSatisfy(l -> assertThat(nudges(l)).hasSize(1));
    }
}

package org.gemba.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gemba.notify.NoticeTestSupport.jdbi;
import static org.gemba.notify.NoticeTestSupport.notificationsOf;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.gemba.notify.NoticeTestSupport.Sent;
import org.gemba.support.Fixtures;
import org.gemba.support.MutableClock;
import org.junit.jupiter.api.Test;

/** Triage SLA warnings and breaches: one digest per improvement user and stage, each observation once. */
class TriageSlaNoticesTest {
    // end of Tuesday 14 January 2031 in London (UTC in winter)
    static final Instant DUE = Instant.parse("2031-01-15T00:00:00Z");

    private final MutableClock clock = new MutableClock(DUE.minus(Duration.ofHours(12)));

    private NoticeScheduler scheduler() {
        return new NoticeScheduler(jdbi(), new Notifications(), clock,
                List.of(new TriageSlaNotices(Duration.ofDays(1))));
    }

    record Team(Fixtures.Org org, Fixtures.User author, List<Fixtures.User> improvement, UUID site) {}

    private Team team() {
        Fixtures.Org org = Fixtures.org();
        return new Team(org, org.user("LEADER"), List.of(org.user("IMPROVEMENT"), org.user("IMPROVEMENT", "HR")),
                NoticeTestSupport.site(org, "Queen's Hospital"));
    }

    private UUID observation(Team t, String text, Instant due, String status) {
        boolean triaged = status.equals("TRIAGED");
        boolean declined = status.equals("DECLINED");
        return jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO observations (org_id, author_id, site_id, observed_at, logged_at, text, kind,
                                                  status, triage_due_at, triaged_at, declined_at, decline_reason)
                        VALUES (:org, :author, :site, :logged, :logged, :text, 'BARRIER', :status, :due,
                                :triagedAt, :declinedAt, :reason)
                        RETURNING id""")
                .bind("org", t.org().id()).bind("author", t.author().id()).bind("site", t.site())
                .bind("logged", due.minus(Duration.ofDays(7))).bind("text", text).bind("status", status)
                .bind("due", due).bind("triagedAt", triaged ? due.minus(Duration.ofDays(1)) : null)
                .bind("declinedAt", declined ? due.minus(Duration.ofDays(1)) : null)
                .bind("reason", declined ? "duplicate" : null)
                .mapTo(UUID.class).one());
    }

    private static List<Sent> ofType(Fixtures.User user, NotificationType type) {
        return notificationsOf(user).stream().filter(s -> s.type().equals(type.name())).toList();
    }

    @Test
    void triageSla_warningThenBreach_eachOnceAsOneDigestPerImprovementUser() {
        Team t = team();
        UUID first = observation(t, "Patients queue in the rain outside the pharmacy hatch", DUE, "NEW");
        observation(t, "Porters wait twenty minutes for the only working lift", DUE, "NEW");

        scheduler().runOnce();
        scheduler().runOnce();

        for (Fixtures.User user : t.improvement()) {
            List<Sent> sent = notificationsOf(user);
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).type()).isEqualTo("TRIAGE_SLA_WARNING");
            assertThat(sent.get(0).subject()).contains("2 observations");
            assertThat(sent.get(0).body()).contains("pharmacy hatch").contains("only working lift")
                    .contains("by the end of Tue 14 Jan 2031").contains("Queen's Hospital");
        }
        assertThat(notificationsOf(t.author())).isEmpty();

        clock.set(DUE);
        scheduler().runOnce();
        scheduler().runOnce();

        for (Fixtures.User user : t.improvement()) {
            assertThat(ofType(user, NotificationType.TRIAGE_SLA_WARNING)).hasSize(1);
            List<Sent> breached = ofType(user, NotificationType.TRIAGE_SLA_BREACHED);
            assertThat(breached).hasSize(1);
            assertThat(breached.get(0).subject()).startsWith("Triage overdue: 2 observations");
            assertThat(breached.get(0).body()).contains("pharmacy hatch").contains("only working lift");
        }
        int keys = jdbi().withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM scheduled_notices WHERE kind = 'TRIAGE_SLA' AND entity_id = :id""")
                .bind("id", first).mapTo(Integer.class).one());
        assertThat(keys).isEqualTo(2);
    }

    @Test
    void triageSla_singleObservation_pointsAtIt() {
        Team t = team();
        UUID only = observation(t, "Signage to the fracture clinic is missing", DUE, "NEW");

        scheduler().runOnce();

        Sent sent = notificationsOf(t.improvement().get(0)).get(0);
        assertThat(sent.subject()).isEqualTo("Triage due soon: 1 observation to triage before the deadline");
        assertThat(sent.entityType()).isEqualTo("OBSERVATION");
        assertThat(sent.entityId()).isEqualTo(only);
    }

    @Test
    void triageSla_moreThanThresholdAhead_triagedOrDeclined_none() {
        Team t = team();
        observation(t, "Far from due", DUE.plus(Duration.ofDays(2)), "NEW");
        observation(t, "Already triaged", DUE.minus(Duration.ofDays(3)), "TRIAGED");
        observation(t, "Declined as a duplicate", DUE.minus(Duration.ofDays(3)), "DECLINED");

        scheduler().runOnce();

        assertThat(t.improvement()).allSatisfy(u -> assertThat(notificationsOf(u)).isEmpty());
    }

    @Test
    void triageSla_firstSeenAfterTheDeadline_onlyTheBreachIsSent() {
        Team t = team();
        observation(t, "Hand gel dispensers empty on ward 7", DUE, "NEW");
        clock.set(DUE.plus(Duration.ofHours(3)));

        scheduler().runOnce();
        scheduler().runOnce();

        List<Sent> sent = notificationsOf(t.improvement().get(0));
        assertThat(sent).extracting(Sent::type).containsExactly("TRIAGE_SLA_BREACHED");
    }

    @Test
    void triageSla_threeSchedulersAtOnce_eachObservationInExactlyOneDigest() throws Exception {
        Team t = team();
        for (int i = 0; i < 12; i++) {
            observation(t, "Observation number " + (char) ('A' + i) + " about the car park", DUE, "NEW");
        }

        NoticeTestSupport.concurrently(List.of(scheduler(), scheduler(), scheduler()));

        for (Fixtures.User user : t.improvement()) {
            String all = String.join("\n", notificationsOf(user).stream().map(Sent::body).toList());
            for (int i = 0; i < 12; i++) {
                String text = "Observation number " + (char) ('A' + i) + " about";
                assertThat(all.split(text, -1)).as(text).hasSize(2);
            }
        }
    }

    @Test
    void deadline_atLocalMidnight_readsAsTheEndOfThePreviousDay() {
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(TriageSlaNotices.deadline(Instant.parse("2031-07-15T23:00:00Z"), london))
                .isEqualTo("by the end of Tue 15 Jul 2031");
        assertThat(TriageSlaNotices.deadline(Instant.parse("2031-07-15T12:30:00Z"), london))
                .isEqualTo("by Tue 15 Jul 2031 13:30");
    }
}

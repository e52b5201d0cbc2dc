package org.gemba.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gemba.notify.NoticeTestSupport.at;
import static org.gemba.notify.NoticeTestSupport.jdbi;
import static org.gemba.notify.NoticeTestSupport.notificationsOf;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gemba.notify.NoticeTestSupport.Sent;
import org.gemba.support.Fixtures;
import org.gemba.support.MutableClock;
import org.junit.jupiter.api.Test;

/** Owners of overdue actions: told the day after the due date, then once a week while it stays open. */
class OverdueActionsTest {
    static final LocalDate DUE = LocalDate.parse("2031-01-10");

    private final MutableClock clock = new MutableClock(at("2031-01-10T23:30:00Z"));

    private NoticeScheduler scheduler() {
        return new NoticeScheduler(jdbi(), new Notifications(), clock, List.of(new OverdueActions()));
    }

    private UUID action(Fixtures.User owner, String title, LocalDate due, String status) {
        boolean done = status.equals("DONE");
        boolean cancelled = status.equals("CANCELLED");
        return jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO improvement_actions (org_id, title, owner_id, due_date, status, outcome, completed_at,
                                                         cancel_reason, cancelled_at, created_by, created_at, updated_at)
                        VALUES (:org, :title, :owner, :due, :status, :outcome, :doneAt, :reason, :cancelledAt, :owner,
                                :created, :created)
                        RETURNING id""")
                .bind("org", owner.orgId()).bind("title", title).bind("owner", owner.id()).bind("due", due)
                .bind("status", status).bind("outcome", done ? "fixed" : null)
                .bind("doneAt", done ? at("2031-01-09T10:00:00Z") : null)
                .bind("reason", cancelled ? "not needed" : null)
                .bind("cancelledAt", cancelled ? at("2031-01-09T10:00:00Z") : null)
                .bind("created", at("2030-12-01T10:00:00Z")).mapTo(UUID.class).one());
    }

    @Test
    void overdue_dayAfterDueDate_ownerToldOnce_thenOnceAWeek() {
        Fixtures.User owner = Fixtures.org().user("IMPROVEMENT");
        UUID id = action(owner, "Fix the pharmacy hatch canopy", DUE, "IN_PROGRESS");

        scheduler().runOnce();
        assertThat(notificationsOf(owner)).as("still the due day in London").isEmpty();

        clock.set(at("2031-01-11T00:00:01Z"));
        scheduler().runOnce();
        scheduler().runOnce();
        List<Sent> sent = notificationsOf(owner);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).type()).isEqualTo("ACTION_OVERDUE");
        assertThat(sent.get(0).subject()).isEqualTo("Overdue action: Fix the pharmacy hatch canopy");
        assertThat(sent.get(0).body()).contains("was due on Fri 10 Jan 2031").contains("in progress");
        assertThat(sent.get(0).entityType()).isEqualTo("ACTION");
        assertThat(sent.get(0).entityId()).isEqualTo(id);

        clock.set(at("2031-01-17T23:59:00Z"));
        scheduler().runOnce();
        assertThat(notificationsOf(owner)).as("a week has not passed yet").hasSize(1);

        clock.set(at("2031-01-18T00:00:01Z"));
        scheduler().runOnce();
        scheduler().runOnce();
        assertThat(notificationsOf(owner)).hasSize(2);
        assertThat(notificationsOf(owner).get(1).body()).contains("2 weeks overdue");
    }

    @Test
    void overdue_doneCancelledOrWithoutDueDate_none() {
        Fixtures.User owner = Fixtures.org().user("IMPROVEMENT");
        action(owner, "Done already", DUE, "DONE");
        action(owner, "Cancelled", DUE, "CANCELLED");
        action(owner, "No due date", null, "OPEN");
        action(owner, "Due later", DUE.plusDays(30), "OPEN");
        clock.set(at("2031-01-12T09:00:00Z"));

        scheduler().runOnce();

        assertThat(notificationsOf(owner)).isEmpty();
    }

    @Test
    void overdue_usesTheOrganisationsTimeZone() {
        Fixtures.User owner = Fixtures.org("America/New_York").user("IMPROVEMENT");
        action(owner, "Repaint the crossing", DUE, "OPEN");

        clock.set(at("2031-01-11T04:59:00Z")); // 23:59 on the 10th in New York
        scheduler().runOnce();
        assertThat(notificationsOf(owner)).isEmpty();

        clock.set(at("2031-01-11T05:00:01Z"));
        scheduler().runOnce();
        assertThat(notificationsOf(owner)).extracting(Sent::type).containsExactly("ACTION_OVERDUE");
    }

    @Test
    void overdue_newDueDate_startsAfresh() {
        Fixtures.User owner = Fixtures.org().user("IMPROVEMENT");
        UUID id = action(owner, "Replace the lift", DUE, "OPEN");
        clock.set(at("2031-01-11T09:00:00Z"));
        scheduler().runOnce();
        jdbi().useHandle(h -> h.execute("UPDATE improvement_actions SET due_date = DATE '2031-01-20' WHERE id = ?", id));

        clock.set(at("2031-01-15T09:00:00Z"));
        scheduler().runOnce();
        assertThat(notificationsOf(owner)).as("no longer overdue").hasSize(1);

        clock.set(at("2031-01-21T09:00:00Z"));
        scheduler().runOnce();
        assertThat(notificationsOf(owner)).hasSize(2);
        assertThat(notificationsOf(owner).get(1).body()).contains("was due on Mon 20 Jan 2031");
    }

    @Test
    void overdue_threeSchedulersAtOnce_ownerToldOnce() throws Exception {
        Fixtures.User owner = Fixtures.org().user("IMPROVEMENT");
        for (int i = 0; i < 5; i++) {
            action(owner, "Action " + i, DUE, "OPEN");
        }
        clock.set(at("2031-01-11T09:00:00Z"));

        NoticeTestSupport.concurrently(List.of(scheduler(), scheduler(), scheduler()));

        assertThat(notificationsOf(owner)).hasSize(5);
        assertThat(notificationsOf(owner)).extracting(Sent::subject).doesNotHaveDuplicates();
    }
}

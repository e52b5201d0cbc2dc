package org.gemba.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gemba.support.Fixtures;
import org.gemba.support.MutableClock;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Scheduled notices against the real schema: each one created once, whoever runs the scheduler. */
class NoticeSchedulerTest {
    // a Monday in January: London is on UTC, so local and UTC times agree
    static final Instant SHIFT_START = Instant.parse("2031-01-14T09:00:00Z");

    private final Jdbi jdbi = MailTestSupport.jdbi();
    private final MutableClock clock = new MutableClock(SHIFT_START.minus(Duration.ofHours(47)));

    private NoticeScheduler scheduler() {
        return new NoticeScheduler(jdbi, new Notifications(), clock,
                List.of(new ShiftReminders(), new HostDailyLists(16)));
    }

    record Place(Fixtures.Org org, UUID placementId, Fixtures.User host) {}

    private Place place(String name) {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User host = org.user("HOST");
        UUID placementId = jdbi.withHandle(h -> {
            UUID site = h.createQuery("INSERT INTO sites (org_id, name) VALUES (:org, 'St Elsewhere') RETURNING id")
                    .bind("org", org.id()).mapTo(UUID.class).one();
            UUID placement = h.createQuery("""
                            INSERT INTO placements (org_id, site_id, name, default_capacity)
                            VALUES (:org, :site, :name, 4) RETURNING id""")
                    .bind("org", org.id()).bind("site", site).bind("name", name).mapTo(UUID.class).one();
            h.createUpdate("INSERT INTO placement_hosts (org_id, placement_id, user_id) VALUES (:org, :p, :u)")
                    .bind("org", org.id()).bind("p", placement).bind("u", host.id()).execute();
            return placement;
        });
        return new Place(org, placementId, host);
    }

    private UUID shift(Place place, Instant start) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO shifts (org_id, placement_id, starts_at, ends_at, capacity)
                        VALUES (:org, :p, :s, :e, 4) RETURNING id""")
                .bind("org", place.org().id()).bind("p", place.placementId()).bind("s", start)
                .bind("e", start.plus(Duration.ofHours(4))).mapTo(UUID.class).one());
    }

    private UUID book(Place place, UUID shiftId, Instant start, Fixtures.User leader, Instant bookedAt, String status) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO bookings (org_id, shift_id, leader_id, status, during, booked_by, created_at)
                        VALUES (:org, :shift, :leader, :status, tstzrange(:s, :e), :leader, :at) RETURNING id""")
                .bind("org", place.org().id()).bind("shift", shiftId).bind("leader", leader.id())
                .bind("status", status).bind("s", start).bind("e", start.plus(Duration.ofHours(4)))
                .bind("at", bookedAt).mapTo(UUID.class).one());
    }

    private UUID bookedWeekAhead(Place place, UUID shiftId, Fixtures.User leader) {
        return book(place, shiftId, SHIFT_START, leader, SHIFT_START.minus(Duration.ofDays(7)), "BOOKED");
    }

    record Sent(String type, String subject, String body, String entityType, UUID entityId) {}

    private List<Sent> notificationsOf(Fixtures.User user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT type, subject, body, entity_type, entity_id FROM notifications
                         WHERE org_id = :org AND user_id = :user ORDER BY created_at""")
                .bind("org", user.orgId()).bind("user", user.id())
                .map((rs, ctx) -> new Sent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class)))
                .list());
    }

    @Test
    void reminder_schedulerRunTwice_createsOneReminder48HoursAhead() {
        Place place = place("Catering — Ward 3 meal service");
        Fixtures.User leader = place.org().user("LEADER");
        UUID booking = bookedWeekAhead(place, shift(place, SHIFT_START), leader);

        scheduler().runOnce();
        scheduler().runOnce();

        List<Sent> sent = notificationsOf(leader);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).type()).isEqualTo("SHIFT_REMINDER");
        assertThat(sent.get(0).entityType()).isEqualTo("BOOKING");
        assertThat(sent.get(0).entityId()).isEqualTo(booking);
        assertThat(sent.get(0).subject()).contains("Catering — Ward 3 meal service").contains("09:00");
        assertThat(sent.get(0).body()).contains("48 hours").contains("cancel");
    }

    @Test
    void reminder_moreThan48HoursAhead_notYet() {
        Place place = place("Reception");
        Fixtures.User leader = place.org().user("LEADER");
        bookedWeekAhead(place, shift(place, SHIFT_START), leader);
        clock.set(SHIFT_START.minus(Duration.ofHours(49)));

        scheduler().runOnce();

        assertThat(notificationsOf(leader)).isEmpty();
    }

    @Test
    void reminder_cancelledOrBookedInsideTheWindow_none() {
        Place place = place("Cleaning");
        UUID shift = shift(place, SHIFT_START);
        Fixtures.User cancelled = place.org().user("LEADER");
        Fixtures.User late = place.org().user("LEADER");
        book(place, shift, SHIFT_START, cancelled, SHIFT_START.minus(Duration.ofDays(7)), "CANCELLED");
        book(place, shift, SHIFT_START, late, SHIFT_START.minus(Duration.ofHours(30)), "BOOKED");

        scheduler().runOnce();

        assertThat(notificationsOf(cancelled)).isEmpty();
        assertThat(notificationsOf(late)).isEmpty();
    }

    @Test
    void reminder_twoSchedulersAtOnce_eachLeaderRemindedOnce() throws Exception {
        Place place = place("Portering");
        List<Fixtures.User> leaders = List.of(place.org().user("LEADER"), place.org().user("LEADER"),
                place.org().user("LEADER"), place.org().user("LEADER"));
        UUID shift = shift(place, SHIFT_START);
        leaders.forEach(l -> bookedWeekAhead(place, shift, l));
        CountDownLatch go = new CountDownLatch(1);

        List<CompletableFuture<Integer>> runs = List.of(scheduler(), scheduler(), scheduler()).stream()
                .map(s -> CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return s.runOnce();
                })).toList();
        go.countDown();
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(leaders).allSatisfy(l -> assertThat(notificationsOf(l)).hasSize(1));
    }

    @Test
    void hostDailyList_afterFourPm_listsTomorrowsLeadersOncePerHostAndDay() {
        Place place = place("Ward 7 housekeeping");
        Fixtures.User ada = place.org().user(new Fixtures.UserSpec("LEADER").name("Ada Lovelace").grade("SCS2"));
        Fixtures.User bob = place.org().user(new Fixtures.UserSpec("LEADER").name("Bob Babbage"));
        Fixtures.User otherHost = place("Laundry").host();
        UUID shift = shift(place, SHIFT_START);
        bookedWeekAhead(place, shift, ada);
        bookedWeekAhead(place, shift, bob);

        clock.set(Instant.parse("2031-01-13T15:59:00Z"));
        scheduler().runOnce();
        assertThat(notificationsOf(place.host())).isEmpty();

        clock.set(Instant.parse("2031-01-13T16:05:00Z"));
        scheduler().runOnce();
        clock.set(Instant.parse("2031-01-13T21:00:00Z"));
        scheduler().runOnce();

        List<Sent> lists = notificationsOf(place.host()).stream().filter(s -> s.type().equals("HOST_DAILY_LIST")).toList();
        assertThat(lists).hasSize(1);
        assertThat(lists.get(0).subject()).contains("2 leaders");
        assertThat(lists.get(0).body()).contains("Ada Lovelace (SCS2)").contains("Bob Babbage")
                .contains("09:00–13:00 Ward 7 housekeeping");
        assertThat(notificationsOf(otherHost)).isEmpty();
    }

    @Test
    void scheduledNotice_isLinkedToItsNotification() {
        Place place = place("Outpatients");
        Fixtures.User leader = place.org().user("LEADER");
        UUID booking = bookedWeekAhead(place, shift(place, SHIFT_START), leader);

        scheduler().runOnce();

        UUID linked = jdbi.withHandle(h -> h.createQuery("""
                        SELECT notification_id FROM scheduled_notices
                         WHERE kind = 'SHIFT_REMINDER' AND entity_id = :b AND period = '2031-01-14T09:00:00Z'""")
                .bind("b", booking).mapTo(UUID.class).one());
        UUID notification = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id FROM notifications WHERE user_id = :u").bind("u", leader.id()).mapTo(UUID.class).one());
        assertThat(linked).isEqualTo(notification);
    }
}

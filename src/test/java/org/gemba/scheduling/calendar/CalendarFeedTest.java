package org.gemba.scheduling.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.gemba.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class CalendarFeedTest {
    static final String BASE_URL = "https://gemba.example.test/";
    static final DropwizardAppExtension<GembaConfiguration> APP =
            TestApp.extension(ConfigOverride.config("publicBaseUrl", BASE_URL));
    private static final Duration SIX_HOURS = Duration.ofHours(6);

    /** A leader with one booked shift at a placement hosted by two named hosts. */
    private record Scenario(Fixtures.Org org, Fixtures.User leader, UUID placementId, UUID shiftId, UUID bookingId) {
        static Scenario create() {
            Fixtures.Org org = Fixtures.org();
            Fixtures.User leader = org.user("LEADER");
            Fixtures.User anna = org.user(new Fixtures.UserSpec("HOST").name("Anna Host"));
            Fixtures.User ben = org.user(new Fixtures.UserSpec("HOST").name("Ben Host"));
            UUID site = CalendarTestData.site(org.id(), "St Mary's Hospital", "Praed Street, London W2 1NY");
            UUID placement = CalendarTestData.placement(org.id(), site, "Catering — Ward 3 meal service", anna, ben);
            UUID shift = CalendarTestData.shift(org.id(), placement, inDays(10), SIX_HOURS);
            UUID booking = CalendarTestData.book(org.id(), shift, leader.id());
            return new Scenario(org, leader, placement, shift, booking);
        }
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    }

    private static Http anonymous() {
        return Http.at(APP.getLocalPort());
    }

    private static String feedUrl(Fixtures.User leader) {
        Http.Res res = leader.http(APP.getLocalPort()).get("/api/v1/me/calendar");
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        return res.json().path("url").asText();
    }

    /** The feed's path on the test server (the URL's host is the public one from config). */
    private static Http.Res fetch(String url) {
        return anonymous().get(URI.create(url).getRawPath());
    }

    private static List<VEvent> events(String url) {
        Http.Res res = fetch(url);
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        return parse(res.body()).getComponents(Component.VEVENT);
    }

    static Calendar parse(String ics) {
        try {
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (Exception e) {
            throw new AssertionError("not iCalendar: " + ics, e);
        }
    }

    static String prop(net.fortuna.ical4j.model.PropertyListAccessor c, String name) {
        return c.<Property>getProperty(name).map(Property::getValue).orElse(null);
    }

    private static VEvent eventFor(List<VEvent> events, UUID bookingId) {
        return events.stream().filter(e -> ("booking-" + bookingId + "@gemba").equals(prop(e, Property.UID)))
                .findFirst().orElseThrow(() -> new AssertionError("no event for booking " + bookingId));
    }

    @Test
    void url_forLeader_isAbsoluteFromPublicBaseUrl_andStable() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        Http.Res res = leader.http(APP.getLocalPort()).get("/api/v1/me/calendar");

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.header("Cache-Control")).contains("no-store");
        String url = res.json().path("url").asText();
        assertThat(url).matches("https://gemba\\.example\\.test/api/v1/calendar/gcal_[A-Za-z0-9_-]{43}\\.ics");
        assertThat(feedUrl(leader)).isEqualTo(url);
    }

    @Test
    void url_forNonLeader_isRefusedWith403() {
        Fixtures.Org org = Fixtures.org();
        for (String role : new String[] {"HOST", "HR", "ADMIN", "IMPROVEMENT"}) {
            Http http = org.user(role).http(APP.getLocalPort());
            Http.Res get = http.get("/api/v1/me/calendar");
            Http.Res rotate = http.post("/api/v1/me/calendar/rotate", null);
            assertThat(get.status()).as(role).isEqualTo(403);
            assertThat(get.code()).isEqualTo("FORBIDDEN");
            assertThat(rotate.status()).as(role).isEqualTo(403);
        }
        assertThat(anonymous().get("/api/v1/me/calendar").status()).isEqualTo(401);
    }

    @Test
    void feed_parsesWithIcal4j_withOneReadableEventPerBooking() {
        Scenario s = Scenario.create();
        Http.Res res = fetch(feedUrl(s.leader()));

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.contentType()).startsWith("text/calendar");
        assertThat(res.header("Cache-Control")).contains("no-store");
        Calendar calendar = parse(res.body());
        assertThat(prop(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        assertThat(prop(calendar, Property.PRODID)).isNotBlank();
        assertThat(prop(calendar, Property.VERSION)).isEqualTo("2.0");
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        Instant start = inDays(10);
        assertThat(prop(event, Property.UID)).isEqualTo("booking-" + s.bookingId() + "@gemba");
        assertThat(prop(event, Property.DTSTART)).isEqualTo(ics(start));
        assertThat(prop(event, Property.DTEND)).isEqualTo(ics(start.plus(SIX_HOURS)));
        assertThat(prop(event, Property.DTSTAMP)).endsWith("Z");
        assertThat(prop(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(prop(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(prop(event, Property.SUMMARY)).isEqualTo("Back to the floor: Catering — Ward 3 meal service");
        assertThat(prop(event, Property.LOCATION)).isEqualTo("St Mary's Hospital, Praed Street, London W2 1NY");
        assertThat(prop(event, Property.DESCRIPTION)).contains("Hosts: Anna Host, Ben Host");
    }

    private static String ics(Instant instant) {
        return instant.toString().replace("-", "").replace(":", "").replace(".000", "");
    }

    @Test
    void feed_fetchedTwice_keepsTheSameUids() {
        Scenario s = Scenario.create();
        UUID second = CalendarTestData.book(s.org().id(),
                CalendarTestData.shift(s.org().id(), s.placementId(), inDays(20), SIX_HOURS), s.leader().id());
        String url = feedUrl(s.leader());

        List<String> first = events(url).stream().map(e -> prop(e, Property.UID)).sorted().toList();
        List<String> again = events(url).stream().map(e -> prop(e, Property.UID)).sorted().toList();

        assertThat(first).hasSize(2).containsExactlyElementsOf(again)
                .contains("booking-" + s.bookingId() + "@gemba", "booking-" + second + "@gemba");
    }

    @Test
    void feed_afterShiftChange_hasHigherSequenceAndTheNewTimes() {
        Scenario s = Scenario.create();
        String url = feedUrl(s.leader());
        int before = Integer.parseInt(prop(eventFor(events(url), s.bookingId()), Property.SEQUENCE));

        Instant later = inDays(11);
        CalendarTestData.moveShift(s.org().id(), s.shiftId(), later, Duration.ofHours(4));
        VEvent event = eventFor(events(url), s.bookingId());

        assertThat(Integer.parseInt(prop(event, Property.SEQUENCE))).isGreaterThan(before);
        assertThat(prop(event, Property.DTSTART)).isEqualTo(ics(later));
        assertThat(prop(event, Property.DTEND)).isEqualTo(ics(later.plus(Duration.ofHours(4))));
        assertThat(prop(event, Property.UID)).isEqualTo("booking-" + s.bookingId() + "@gemba");
    }

    @Test
    void feed_cancelledBooking_isStatusCancelledWithReasonAndHigherSequence() {
        Scenario s = Scenario.create();
        String url = feedUrl(s.leader());
        int before = Integer.parseInt(prop(eventFor(events(url), s.bookingId()), Property.SEQUENCE));

        CalendarTestData.cancelBooking(s.org().id(), s.bookingId(), "Board meeting moved");
        VEvent event = eventFor(events(url), s.bookingId());

        assertThat(prop(event, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(prop(event, Property.DESCRIPTION)).contains("Board meeting moved");
        assertThat(Integer.parseInt(prop(event, Property.SEQUENCE))).isGreaterThan(before);
    }

    @Test
    void feed_cancelledShift_isStatusCancelledWithTheHostsReason() {
        Scenario s = Scenario.create();
        String url = feedUrl(s.leader());

        CalendarTestData.cancelShift(s.org().id(), s.shiftId(), "Ward closed for deep clean");
        VEvent event = eventFor(events(url), s.bookingId());

        assertThat(prop(event, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(prop(event, Property.DESCRIPTION)).contains("Ward closed for deep clean");
    }

    @Test
    void feed_attendedAndNoShowBookings_stayInTheFeedAsConfirmed() {
        Scenario s = Scenario.create();
        UUID past = CalendarTestData.shift(s.org().id(), s.placementId(), inDays(-30), SIX_HOURS);
        UUID noShow = CalendarTestData.book(s.org().id(), past, s.leader().id());
        TestDatabase.get().jdbi().useHandle(h -> h.execute(
                "UPDATE bookings SET status = 'NO_SHOW' WHERE id = ?", noShow));

        VEvent event = eventFor(events(feedUrl(s.leader())), noShow);

        assertThat(prop(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(prop(event, Property.DESCRIPTION)).contains("no-show");
    }

    @Test
    void feed_leavesOutBookingsMoreThanAYearOld() {
        Scenario s = Scenario.create();
        UUID old = CalendarTestData.book(s.org().id(),
                CalendarTestData.shift(s.org().id(), s.placementId(), inDays(-400), SIX_HOURS), s.leader().id());

        List<String> uids = events(feedUrl(s.leader())).stream().map(e -> prop(e, Property.UID)).toList();

        assertThat(uids).contains("booking-" + s.bookingId() + "@gemba").doesNotContain("booking-" + old + "@gemba");
    }

    @Test
    void feed_neverShowsAnotherLeadersBookings() {
        Scenario s = Scenario.create();
        Fixtures.User colleague = s.org().user("LEADER");
        UUID theirs = CalendarTestData.book(s.org().id(), s.shiftId(), colleague.id());
        Scenario otherOrg = Scenario.create();

        List<String> mine = events(feedUrl(s.leader())).stream().map(e -> prop(e, Property.UID)).toList();
        List<String> colleagues = events(feedUrl(colleague)).stream().map(e -> prop(e, Property.UID)).toList();

        assertThat(mine).containsExactly("booking-" + s.bookingId() + "@gemba");
        assertThat(colleagues).containsExactly("booking-" + theirs + "@gemba");
        assertThat(mine).doesNotContain("booking-" + otherOrg.bookingId() + "@gemba");
        assertThat(feedUrl(colleague)).isNotEqualTo(feedUrl(s.leader()));
    }

    @Test
    void rotate_oldUrlAnswers404_newUrlServesTheFeed_andIsAudited() {
        Scenario s = Scenario.create();
        String old = feedUrl(s.leader());

        Http.Res rotated = s.leader().http(APP.getLocalPort()).post("/api/v1/me/calendar/rotate", null);

        assertThat(rotated.status()).isEqualTo(200);
        String url = rotated.json().path("url").asText();
        assertThat(url).startsWith("https://gemba.example.test/api/v1/calendar/").isNotEqualTo(old);
        assertThat(feedUrl(s.leader())).isEqualTo(url);
        Http.Res oldRes = fetch(old);
        assertThat(oldRes.status()).isEqualTo(404);
        assertThat(oldRes.contentType()).startsWith("application/problem+json");
        assertThat(oldRes.code()).isEqualTo("NOT_FOUND");
        assertThat(events(url)).hasSize(1);
        long audits = TestDatabase.get().jdbi().withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM audit_log WHERE org_id = :org AND entity_type = 'CALENDAR_FEED'
                           AND action = 'ROTATED' AND actor_id = :user""")
                .bind("org", s.org().id()).bind("user", s.leader().id()).mapTo(Long.class).one());
        assertThat(audits).isEqualTo(1);
    }

    @Test
    void feed_withUnknownOrMalformedToken_answers404ProblemJson() {
        String fake = "gcal_" + "A".repeat(43);
        for (String path : new String[] {"/api/v1/calendar/" + fake + ".ics", "/api/v1/calendar/" + fake,
                "/api/v1/calendar/not-a-token.ics", "/api/v1/calendar/.ics", "/api/v1/calendar/%27%3B--.ics"}) {
            Http.Res res = anonymous().get(path);
            assertThat(res.status()).as(path).isEqualTo(404);
            assertThat(res.contentType()).as(path).startsWith("application/problem+json");
            assertThat(res.code()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void feed_ofDeactivatedLeader_answers404() {
        Scenario s = Scenario.create();
        String url = feedUrl(s.leader());
        TestDatabase.get().jdbi().useHandle(h -> h.execute("UPDATE users SET active = false WHERE id = ?", s.leader().id()));

        assertThat(fetch(url).status()).isEqualTo(404);
    }

    @Test
    void token_isNeverStoredInTheDatabase() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        String token = feedUrl(leader).replaceAll(".*/calendar/(.*)\\.ics", "$1");

        Map<String, Object> row = TestDatabase.get().jdbi().withHandle(h -> h.createQuery(
                        "SELECT * FROM calendar_feeds WHERE user_id = :u").bind("u", leader.id()).mapToMap().one());

        String stored = row.values().stream().map(String::valueOf).collect(Collectors.joining("|"));
        assertThat(stored).doesNotContain(token).contains(CalendarTokens.hash(token));
    }

    @Test
    void icsForBooking_isOneEventMatchingTheFeed_andEmptyForAnotherOrg() {
        Scenario s = Scenario.create();
        VEvent inFeed = eventFor(events(feedUrl(s.leader())), s.bookingId());

        String ics = TestDatabase.get().jdbi().withHandle(h ->
                BookingCalendar.icsForBooking(h, s.org().id(), s.bookingId())).orElseThrow();
        boolean fromOtherOrg = TestDatabase.get().jdbi().withHandle(h ->
                BookingCalendar.icsForBooking(h, Fixtures.org().id(), s.bookingId())).isPresent();

        List<VEvent> events = parse(ics).getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        for (String name : List.of(Property.UID, Property.SEQUENCE, Property.DTSTART, Property.DTEND,
                Property.STATUS, Property.SUMMARY, Property.LOCATION, Property.DESCRIPTION)) {
            assertThat(prop(events.get(0), name)).as(name).isEqualTo(prop(inFeed, name));
        }
        assertThat(fromOtherOrg).isFalse();
    }

    @Test
    void url_requestedConcurrentlyForTheFirstTime_createsOneFeedWithOneUrl() throws Exception {
        Fixtures.User leader = Fixtures.org().user("LEADER");

        List<String> urls = parallel(8, () -> feedUrl(leader));

        assertThat(urls).hasSize(8).containsOnly(urls.get(0));
        long rows = TestDatabase.get().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM calendar_feeds WHERE user_id = :u").bind("u", leader.id()).mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void rotate_concurrently_givesDistinctUrlsOfWhichOnlyTheCurrentOneWorks() throws Exception {
        Scenario s = Scenario.create();
        String original = feedUrl(s.leader());

        List<String> urls = parallel(6, () -> {
            Http.Res res = s.leader().http(APP.getLocalPort()).post("/api/v1/me/calendar/rotate", null);
            assertThat(res.status()).isEqualTo(200);
            return res.json().path("url").asText();
        });

        assertThat(urls).doesNotHaveDuplicates().doesNotContain(original);
        String current = feedUrl(s.leader());
        assertThat(urls).contains(current);
        for (String url : urls) {
            assertThat(fetch(url).status()).as(url).isEqualTo(url.equals(current) ? 200 : 404);
        }
        int generation = TestDatabase.get().jdbi().withHandle(h -> h.createQuery(
                "SELECT generation FROM calendar_feeds WHERE user_id = :u").bind("u", s.leader().id()).mapTo(Integer.class).one());
        assertThat(generation).isEqualTo(7);
    }

    @Test
    void openApi_describesTheCalendarPathsOfTheContract() {
        Http.Res res = anonymous().get("/openapi.json");

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().path("paths").has("/api/v1/calendar/{token}.ics")).isTrue();
        assertThat(res.json().path("paths").has("/api/v1/me/calendar")).isTrue();
        assertThat(res.json().path("paths").has("/api/v1/me/calendar/rotate")).isTrue();
    }

    private static <T> List<T> parallel(int n, java.util.concurrent.Callable<T> call) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<T>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<T> f : futures) {
                results.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

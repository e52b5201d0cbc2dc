package org.gemba.scheduling.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import org.gemba.audit.AuditLog;
import org.gemba.common.ApiException;
import org.gemba.common.OrgId;
import org.gemba.common.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** A leader's private calendar feed: its URL, its rotation, and the iCalendar text it serves. */
public class CalendarFeedService {
    /** The feed shows bookings from a year back (recent history) to all future ones. */
    static final Duration HISTORY = Duration.ofDays(365);
    /** A guard against an unbounded response; a leader books a few shifts a year. */
    static final int MAX_EVENTS = 2000;

    private final Jdbi jdbi;
    private final CalendarTokens tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicBaseUrl;

    public CalendarFeedService(Jdbi jdbi, CalendarTokens tokens, AuditLog audit, Clock clock, String publicBaseUrl) {
        this.jdbi = jdbi;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The leader's feed URL, creating the feed on first use. */
    public String url(OrgId orgId, UserId userId) {
        return jdbi.inTransaction(h -> url(current(h, orgId.value(), userId.value())));
    }

    /** A new token; the old URL stops working at once. */
    public String rotate(OrgId orgId, UserId userId) {
        return jdbi.inTransaction(h -> {
            CalendarFeedDao.Feed feed = current(h, orgId.value(), userId.value());
            int generation = feed.generation() + 1;
            h.attach(CalendarFeedDao.class).update(feed.orgId(), feed.userId(), generation,
                    CalendarTokens.hash(tokens.token(feed.orgId(), feed.userId(), generation)));
            audit.record(h, orgId, userId, "CALENDAR_FEED", userId.value(), "ROTATED",
                    Map.of("generation", generation), null);
            return url(new CalendarFeedDao.Feed(feed.orgId(), feed.userId(), generation, null));
        });
    }

    /** The feed's iCalendar text; unknown, rotated or malformed tokens are 404. */
    public String ics(String token) {
        if (!CalendarTokens.wellFormed(token)) {
            throw ApiException.notFound("Calendar");
        }
        return jdbi.withHandle(h -> {
            CalendarFeedDao.Feed feed = h.attach(CalendarFeedDao.class).findByTokenHash(CalendarTokens.hash(token))
                    .orElseThrow(() -> ApiException.notFound("Calendar"));
            Instant from = clock.instant().minus(HISTORY);
            List<BookingEventDao.EventRow> rows = h.attach(BookingEventDao.class)
                    .forLeader(feed.orgId(), feed.userId(), from, MAX_EVENTS);
            return BookingEvents.calendar(ImmutableMethod.PUBLISH,
                    rows.stream().map(BookingEvents::event).toList(), "Back to the floor");
        });
    }

    /** Locks the feed row (creating it at generation 1), re-deriving its hash if the server key changed. */
    private CalendarFeedDao.Feed current(Handle h, UUID orgId, UUID userId) {
        CalendarFeedDao dao = h.attach(CalendarFeedDao.class);
        dao.insertIfAbsent(orgId, userId, CalendarTokens.hash(tokens.token(orgId, userId, 1)));
        CalendarFeedDao.Feed feed = dao.lock(orgId, userId);
        String hash = CalendarTokens.hash(tokens.token(orgId, userId, feed.generation()));
        if (!hash.equals(feed.tokenHash())) {
            dao.update(orgId, userId, feed.generation(), hash);
        }
        return new CalendarFeedDao.Feed(orgId, userId, feed.generation(), hash);
    }

    private String url(CalendarFeedDao.Feed feed) {
        return publicBaseUrl + "/api/v1/calendar/" + tokens.token(feed.orgId(), feed.userId(), feed.generation()) + ".ics";
    }
}

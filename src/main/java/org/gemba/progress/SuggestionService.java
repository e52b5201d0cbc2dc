package org.gemba.progress;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.gemba.auth.Caller;
import org.jdbi.v3.core.Jdbi;

/** Suggestions: bookable shifts, ranked unseen placement, unseen site, fewest recent visitors, soonest. */
public class SuggestionService {
    private static final Duration HORIZON = Duration.ofDays(90);
    private static final Duration RECENT = Duration.ofDays(90);
    private final Jdbi jdbi;
    private final ProgressService progress;
    private final ProgrammeClock programmeClock;
    private final int minNoticeHours;

    public SuggestionService(Jdbi jdbi, ProgressService progress, ProgrammeClock programmeClock, int minNoticeHours) {
        this.jdbi = jdbi;
        this.progress = progress;
        this.programmeClock = programmeClock;
        this.minNoticeHours = minNoticeHours;
    }

    public record Suggestion(UUID shiftId, UUID placementId, String placementName, UUID siteId, String siteName,
                             Instant start, Instant end, double hours, int placesLeft, double score, String reason) {}

    /** {@code gapHours}: what the leader still needs to reach expected-to-date (0 when on track). */
    public record Suggestions(List<Suggestion> items, BigDecimal gapHours) {}

    public Suggestions suggest(Caller caller, UUID leaderId, int limit) {
        ProgressRow current = progress.forLeader(caller, leaderId, null);
        BigDecimal gap = current.expectedToDateHours().subtract(current.completedHours()).max(BigDecimal.ZERO);
        Instant now = programmeClock.clock().instant();
        List<Suggestion> items = shifts(jdbi.onDemand(SuggestionDao.class), caller.orgId().value(), leaderId, now,
                minNoticeHours, limit);
        return new Suggestions(items, gap);
    }

    /** The ranked shifts one leader could book at {@code now} (also used by the monthly progress note). */
    public static List<Suggestion> shifts(SuggestionDao dao, UUID orgId, UUID leaderId, Instant now,
                                          int minNoticeHours, int limit) {
        return dao.suggest(orgId, leaderId, utc(now.plus(Duration.ofHours(minNoticeHours))), utc(now.plus(HORIZON)),
                        utc(now.minus(RECENT)), limit)
                .stream().map(SuggestionService::view).toList();
    }

    private static Suggestion view(SuggestionDao.SuggestionRow r) {
        String reason = r.newPlacement() && r.newSite() ? "A site you have not visited yet"
                : r.newPlacement() ? "A placement you have not visited yet"
                : "A placement you know; " + r.recentVisitors() + " leaders visited it recently";
        return new Suggestion(r.shiftId(), r.placementId(), r.placementName(), r.siteId(), r.siteName(), r.start(),
                r.end(), r.hours(), r.placesLeft(), r.score(), reason);
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}

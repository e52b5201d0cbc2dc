package org.gemba.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.gemba.progress.Programme;
import org.gemba.progress.ProgressQuery;
import org.gemba.progress.ProgressRow;
import org.gemba.progress.SuggestionDao;
import org.gemba.progress.SuggestionService;
import org.jdbi.v3.core.Handle;

/**
 * Once per calendar month (organisation's zone, period "2026-11"), a note to each leader whose
 * progress for the current programme year is AT_RISK or BEHIND: their hours and up to three shifts
 * they could book. Progress and suggestions come from the progress feature's own query and
 * suggestion ranking. The status is taken when the month's sweep runs (from the first of the month),
 * so a leader who falls behind mid-month hears next month; once an organisation's month is swept a
 * marker row stops the report from being recomputed every few minutes.
 */
public class ProgressNudges implements NoticeRule {
    static final String KIND = "PROGRESS_NUDGE";
    static final String SWEPT = "PROGRESS_NUDGE_SWEPT";
    static final int SUGGESTIONS = 3;
    private static final Set<String> NUDGED = Set.of("AT_RISK", "BEHIND");

    private final Programme programme;
    private final int minNoticeHours;

    public ProgressNudges(Programme programme, int minNoticeHours) {
        this.programme = programme;
        this.minNoticeHours = minNoticeHours;
    }

    private record Org(UUID id, String timeZone) {}

    @Override
    public List<Notice> due(Handle h, Instant now, int limit) {
        List<Org> orgs = h.createQuery("""
                        SELECT o.id, o.time_zone FROM organisations o
                         WHERE NOT EXISTS (
                               SELECT 1 FROM scheduled_notices sn
                                WHERE sn.kind = 'PROGRESS_NUDGE_SWEPT' AND sn.entity_id = o.id
                                  AND sn.period = to_char(CAST(:now AS timestamptz) AT TIME ZONE o.time_zone, 'YYYY-MM'))
                         ORDER BY o.id""")
                .bind("now", now).map((rs, ctx) -> new Org(rs.getObject(1, UUID.class), rs.getString(2))).list();
        List<Notice> notices = new ArrayList<>();
        ScheduledNoticeDao marks = h.attach(ScheduledNoticeDao.class);
        for (Org org : orgs) {
            ZoneId zone = ShiftReminders.zone(org.timeZone());
            LocalDate today = LocalDate.ofInstant(now, zone);
            String month = YearMonth.from(today).toString();
            int year = programme.yearOf(today);
            List<ProgressRow> leaders = programme.contains(year)
                    ? toNudge(h, org.id(), month, year, now, limit - notices.size()) : List.of();
            if (leaders.size() < limit - notices.size()) {
                // everyone due this month is in this batch: the month is swept once it commits
                marks.take(SWEPT, org.id(), month, org.id());
            }
            SuggestionDao suggestions = h.attach(SuggestionDao.class);
            for (ProgressRow leader : leaders) {
                List<SuggestionService.Suggestion> shifts = SuggestionService.shifts(suggestions, org.id(),
                        leader.leaderId(), now, minNoticeHours, SUGGESTIONS);
                notices.add(new Notice(KIND, leader.leaderId(), month, org.id(), leader.leaderId(),
                        NotificationType.PROGRESS_NUDGE, ProgressNote.subject(leader), ProgressNote.body(leader,
                        shifts, zone), null, null));
            }
            if (notices.size() >= limit) {
                break;
            }
        }
        return notices;
    }

    /** Active AT_RISK / BEHIND leaders not yet told this month, most behind first. */
    private List<ProgressRow> toNudge(Handle h, UUID orgId, String month, int year, Instant now, int limit) {
        Set<UUID> skip = new HashSet<>(h.createQuery("""
                        SELECT entity_id FROM scheduled_notices
                         WHERE kind = 'PROGRESS_NUDGE' AND org_id = :org AND period = :month
                        UNION ALL
                        SELECT id FROM users WHERE org_id = :org AND NOT active""")
                .bind("org", orgId).bind("month", month).mapTo(UUID.class).list());
        ProgressQuery.Params params = new ProgressQuery.Params(orgId, programme, year, now);
        try (Stream<ProgressRow> rows = ProgressQuery.report(h, params, ProgressQuery.Filters.NONE, 1000)) {
            return rows.filter(r -> NUDGED.contains(r.status()) && !skip.contains(r.leaderId()))
                    .limit(limit).toList();
        }
    }
}

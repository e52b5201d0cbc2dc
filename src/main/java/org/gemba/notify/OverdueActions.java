package org.gemba.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Tells an action's owner that it is overdue: the day after its due date (organisation's zone),
 * then once a week counted from that day while it stays OPEN or IN_PROGRESS. The period is the due
 * date and the week overdue ("2026-11-20/1"), so each week is told once, and a new due date starts
 * afresh. A server that was down for weeks sends only the current week's notice.
 */
public class OverdueActions implements NoticeRule {
    static final String KIND = "ACTION_OVERDUE";

    public record Due(UUID orgId, UUID actionId, UUID ownerId, String title, LocalDate dueDate, String status,
                      int week, String period) {}

    @Override
    public List<Notice> due(Handle h, Instant now, int limit) {
        return h.createQuery("""
                        WITH overdue AS (
                            SELECT a.org_id, a.id AS action_id, a.owner_id, a.title, a.due_date, a.status,
                                   ((CAST(:now AS timestamptz) AT TIME ZONE o.time_zone)::date - a.due_date - 1) / 7 + 1
                                       AS week
                              FROM improvement_actions a
                              JOIN organisations o ON o.id = a.org_id
                              JOIN users u ON u.org_id = a.org_id AND u.id = a.owner_id AND u.active
                             WHERE a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_date IS NOT NULL
                               AND a.due_date < (CAST(:now AS timestamptz) AT TIME ZONE o.time_zone)::date)
                        SELECT v.*, v.due_date::text || '/' || v.week AS period
                          FROM overdue v
                         WHERE NOT EXISTS (
                               SELECT 1 FROM scheduled_notices sn
                                WHERE sn.kind = 'ACTION_OVERDUE' AND sn.entity_id = v.action_id
                                  AND sn.period = v.due_date::text || '/' || v.week)
                         ORDER BY v.org_id, v.due_date, v.action_id
                         LIMIT :limit
                        """)
                .bind("now", now).bind("limit", limit)
                .map(ConstructorMapper.of(Due.class)).list().stream().map(OverdueActions::notice).toList();
    }

    private static Notice notice(Due d) {
        String due = ShiftReminders.DAY.format(d.dueDate());
        String subject = "Overdue action: " + d.title();
        String body = "The improvement action \"" + d.title() + "\" you own was due on " + due
                + (d.week() > 1 ? " and is now " + d.week() + " weeks overdue" : "")
                + "; it is still " + ("IN_PROGRESS".equals(d.status()) ? "in progress" : "open") + ".\n"
                + "Please finish it (mark it done with its outcome), set a new due date, or cancel it with a "
                + "reason: the leaders whose observations it answers are waiting to hear what was done.\n"
                + "You are told the day after the due date and then once a week while the action stays open.";
        return new Notice(KIND, d.actionId(), d.period(), d.orgId(), d.ownerId(), NotificationType.ACTION_OVERDUE,
                subject, body, "ACTION", d.actionId());
    }
}

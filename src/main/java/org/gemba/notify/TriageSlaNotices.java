package org.gemba.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Tells the organisation's improvement users about observations still waiting for triage: once
 * when less than {@code warnBefore} remains before the deadline ({@code WARNING}) and once when it
 * has passed ({@code BREACHED}). Each observation is taken once per stage; the observations one run
 * takes are folded into one digest per improvement user and stage, so a busy day is one e-mail,
 * not twenty. An observation already past its deadline when first seen gets only the breach notice.
 */
public class TriageSlaNotices implements NoticeRule {
    static final String KIND = "TRIAGE_SLA";
    private static final int EXCERPT = 120;

    private final Duration warnBefore;

    public TriageSlaNotices(Duration warnBefore) {
        this.warnBefore = warnBefore;
    }

    public record Due(UUID orgId, UUID observationId, String kind, String text, String site, Instant loggedAt,
                      Instant triageDueAt, String timeZone, String stage) {}

    @Override
    public List<Notice> due(Handle h, Instant now, int limit) {
        return h.createQuery("""
                        SELECT o.org_id, o.id AS observation_id, o.kind, o.text, si.name AS site, o.logged_at,
                               o.triage_due_at, org.time_zone, d.stage
                          FROM observations o
                          JOIN organisations org ON org.id = o.org_id
                          JOIN sites si ON si.org_id = o.org_id AND si.id = o.site_id
                          CROSS JOIN LATERAL (SELECT CASE WHEN o.triage_due_at <= :now THEN 'BREACHED'
                                                          ELSE 'WARNING' END AS stage) d
                         WHERE o.triaged_at IS NULL AND o.declined_at IS NULL AND o.status = 'NEW'
                           AND o.triage_due_at <= :warnFrom
                           AND NOT EXISTS (
                               SELECT 1 FROM scheduled_notices sn
                                WHERE sn.kind = 'TRIAGE_SLA' AND sn.entity_id = o.id AND sn.period = d.stage)
                         ORDER BY o.org_id, o.triage_due_at, o.id
                         LIMIT :limit
                        """)
                .bind("now", now).bind("warnFrom", now.plus(warnBefore)).bind("limit", limit)
                .map(ConstructorMapper.of(Due.class)).list().stream()
                .map(d -> new Notice(KIND, d.observationId(), d.stage(), d.orgId(), null, type(d.stage()),
                        line(d), null, "OBSERVATION", d.observationId()))
                .toList();
    }

    private record Group(UUID orgId, String stage) {}

    /** One digest per improvement user of the organisation, per stage, listing what this run took. */
    @Override
    public List<Notice> compose(Handle h, List<Notice> taken) {
        Map<Group, List<Notice>> groups = new LinkedHashMap<>();
        taken.forEach(n -> groups.computeIfAbsent(new Group(n.orgId(), n.period()), g -> new ArrayList<>()).add(n));
        List<Notice> digests = new ArrayList<>();
        groups.forEach((group, items) -> {
            List<UUID> recipients = h.createQuery("""
                            SELECT id FROM users
                             WHERE org_id = :org AND 'IMPROVEMENT' = ANY (roles) AND active
                             ORDER BY id""")
                    .bind("org", group.orgId()).mapTo(UUID.class).list();
            String subject = subject(group.stage(), items.size());
            String body = body(group.stage(), items);
            boolean single = items.size() == 1;
            for (UUID user : recipients) {
                // a digest stands for several keys, so it links none of them (kind null)
                digests.add(new Notice(null, null, null, group.orgId(), user, type(group.stage()), subject, body,
                        single ? "OBSERVATION" : null, single ? items.get(0).entityId() : null));
            }
        });
        return digests;
    }

    private static NotificationType type(String stage) {
        return "BREACHED".equals(stage) ? NotificationType.TRIAGE_SLA_BREACHED : NotificationType.TRIAGE_SLA_WARNING;
    }

    private static String subject(String stage, int n) {
        String what = n == 1 ? "1 observation" : n + " observations";
        return "BREACHED".equals(stage) ? "Triage overdue: " + what + " past the triage deadline"
                : "Triage due soon: " + what + " to triage before the deadline";
    }

    private String body(String stage, List<Notice> items) {
        String intro = "BREACHED".equals(stage)
                ? "These observations are still waiting for triage and have passed their triage deadline:\n"
                : "These observations are still waiting for triage and reach their triage deadline within "
                        + human(warnBefore) + ":\n";
        StringBuilder b = new StringBuilder(intro);
        items.forEach(i -> b.append(i.subject()).append('\n'));
        b.append("Leaders who report what they see are promised a triage within the service level; "
                + "please triage or decline these (with a reason) so their authors hear back. "
                + "You get this because you are in the improvement team.");
        return b.toString();
    }

    /** One observation's line of the digest (carried in the notice's subject until composed). */
    private static String line(Due d) {
        ZoneId zone = ShiftReminders.zone(d.timeZone());
        String text = d.text().replaceAll("\\s+", " ").strip();
        if (text.length() > EXCERPT) {
            text = text.substring(0, EXCERPT - 1) + "…";
        }
        return "- " + d.kind() + " at " + d.site() + ", logged " + when(d.loggedAt(), zone) + ", triage due "
                + deadline(d.triageDueAt(), zone) + ": \"" + text + "\"";
    }

    private static String when(Instant at, ZoneId zone) {
        ZonedDateTime t = at.atZone(zone);
        return ShiftReminders.DAY.format(t) + " " + ShiftReminders.TIME.format(t);
    }

    /** Deadlines fall at local midnight: "by the end of Tue 24 Nov 2026" reads better than "Wed 00:00". */
    static String deadline(Instant due, ZoneId zone) {
        ZonedDateTime t = due.atZone(zone);
        if (t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return "by the end of " + ShiftReminders.DAY.format(t.minusDays(1));
        }
        return "by " + when(due, zone);
    }

    private static String human(Duration d) {
        if (d.toHours() % 24 == 0 && d.toDays() > 0) {
            return d.toDays() == 1 ? "a day" : d.toDays() + " days";
        }
        return d.toHours() == 1 ? "an hour" : d.toHours() + " hours";
    }
}

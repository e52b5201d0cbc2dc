package org.gemba.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Each host's list of the leaders coming tomorrow, once per host and day, from
 * {@code hostDailyListHour} in the organisation's time zone. Hosts with nobody booked get nothing.
 */
public class HostDailyLists implements NoticeRule {
    static final String KIND = "HOST_DAILY_LIST";

    private final int fromHour;

    public HostDailyLists(int fromHour) {
        this.fromHour = fromHour;
    }

    public record Visit(UUID orgId, UUID hostId, LocalDate day, Instant startsAt, Instant endsAt, String placement,
                 String site, String timeZone, String leader, String grade) {}

    private record Key(UUID orgId, UUID hostId, LocalDate day) {}

    @Override
    public List<Notice> due(Handle h, Instant now, int limit) {
        List<Visit> visits = h.createQuery("""
                        WITH days AS (
                            SELECT o.id AS org_id, o.time_zone,
                                   (CAST(:now AS timestamptz) AT TIME ZONE o.time_zone)::date + 1 AS day
                              FROM organisations o
                             WHERE EXTRACT(HOUR FROM CAST(:now AS timestamptz) AT TIME ZONE o.time_zone) >= :fromHour),
                        hosts AS (
                            SELECT DISTINCT ph.org_id, ph.user_id AS host_id, d.day, d.time_zone
                              FROM days d
                              JOIN placement_hosts ph ON ph.org_id = d.org_id
                              JOIN shifts s ON s.org_id = ph.org_id AND s.placement_id = ph.placement_id
                              JOIN bookings b ON b.org_id = s.org_id AND b.shift_id = s.id AND b.status = 'BOOKED'
                             WHERE s.status = 'OPEN'
                               AND s.starts_at >= d.day::timestamp AT TIME ZONE d.time_zone
                               AND s.starts_at < (d.day + 1)::timestamp AT TIME ZONE d.time_zone
                               AND NOT EXISTS (
                                   SELECT 1 FROM scheduled_notices sn
                                    WHERE sn.kind = 'HOST_DAILY_LIST' AND sn.entity_id = ph.user_id
                                      AND sn.period = d.day::text)
                             ORDER BY ph.org_id, ph.user_id
                             LIMIT :limit)
                        SELECT hs.org_id, hs.host_id, hs.day, s.starts_at, s.ends_at, p.name AS placement,
                               si.name AS site, si.time_zone, l.name AS leader, l.grade
                          FROM hosts hs
                          JOIN placement_hosts ph ON ph.org_id = hs.org_id AND ph.user_id = hs.host_id
                          JOIN placements p ON p.org_id = ph.org_id AND p.id = ph.placement_id
                          JOIN sites si ON si.org_id = p.org_id AND si.id = p.site_id
                          JOIN shifts s ON s.org_id = p.org_id AND s.placement_id = p.id AND s.status = 'OPEN'
                          JOIN bookings b ON b.org_id = s.org_id AND b.shift_id = s.id AND b.status = 'BOOKED'
                          JOIN users l ON l.org_id = b.org_id AND l.id = b.leader_id
                         WHERE s.starts_at >= hs.day::timestamp AT TIME ZONE hs.time_zone
                           AND s.starts_at < (hs.day + 1)::timestamp AT TIME ZONE hs.time_zone
                         ORDER BY hs.org_id, hs.host_id, s.starts_at, p.name, l.name
                        """)
                .bind("now", now).bind("fromHour", fromHour).bind("limit", limit)
                .map(ConstructorMapper.of(Visit.class)).list();
        Map<Key, List<Visit>> byHost = new LinkedHashMap<>();
        visits.forEach(v -> byHost.computeIfAbsent(new Key(v.orgId(), v.hostId(), v.day()), k -> new ArrayList<>()).add(v));
        return byHost.entrySet().stream().map(e -> notice(e.getKey(), e.getValue())).toList();
    }

    private static Notice notice(Key key, List<Visit> visits) {
        String day = ShiftReminders.DAY.format(key.day());
        StringBuilder body = new StringBuilder("Leaders coming to your placements tomorrow, " + day + ":\n");
        for (Visit v : visits) {
            ZoneId zone = ShiftReminders.zone(v.timeZone());
            body.append("- ").append(ShiftReminders.TIME.format(v.startsAt().atZone(zone))).append('–')
                    .append(ShiftReminders.TIME.format(v.endsAt().atZone(zone))).append(' ')
                    .append(v.placement()).append(", ").append(v.site()).append(": ").append(v.leader())
                    .append(v.grade() == null ? "" : " (" + v.grade() + ")").append('\n');
        }
        body.append("You get this list the day before because you host these placements, "
                + "so you can plan who will show each visitor the work.");
        String subject = "Tomorrow (" + day + "): " + visits.size() + (visits.size() == 1 ? " leader" : " leaders")
                + " visiting";
        return new Notice(KIND, key.hostId(), key.day().toString(), key.orgId(), key.hostId(),
                NotificationType.HOST_DAILY_LIST, subject, body.toString(), null, null);
    }
}

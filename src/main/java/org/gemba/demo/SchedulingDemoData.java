package org.gemba.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gemba.common.OrgId;
import org.gemba.people.UserRow;
import org.jdbi.v3.core.Handle;

/**
 * Demo sites, placements and three weeks of shifts either side of today, with past attendance
 * (hours credited and one no-show), future bookings and a full shift with a waitlist. Skipped when
 * the organisation already has sites.
 */
final class SchedulingDemoData {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    record Placement(String key, String site, String name, int capacity, List<String> trainings, String host,
                     LocalTime start, int hours, Integer maxPerWeek, String directorate) {}

    static final List<Placement> PLACEMENTS = List.of(
            new Placement("catering", "St Mary's Hospital", "Catering — Ward 3 meal service", 2, List.of("FOOD_HYGIENE"),
                    "host.catering@gemba.local", LocalTime.of(11, 0), 4, 3, "Estates and Facilities"),
            new Placement("ward", "St Mary's Hospital", "Ward support — Ward 7 (acute medicine)", 2,
                    List.of("INFECTION_CONTROL"), "host.wards@gemba.local", LocalTime.of(8, 0), 6, null, null),
            new Placement("porters", "St Mary's Hospital", "Porters — main hospital", 2, List.of(),
                    "host.wards@gemba.local", LocalTime.of(7, 0), 6, null, null),
            new Placement("reception", "Riverside Community Hospital", "Reception and front desk", 2, List.of(),
                    "host.reception@gemba.local", LocalTime.of(9, 0), 4, null, null),
            new Placement("outpatients", "Riverside Community Hospital", "Outpatients clinic support", 1,
                    List.of("INFECTION_CONTROL"), "host.wards@gemba.local", LocalTime.of(13, 0), 4, null, null),
            new Placement("calls", "Northgate Contact Centre", "Contact centre — patient calls", 3, List.of(),
                    "host.reception@gemba.local", LocalTime.of(10, 0), 6, null, null));

    private SchedulingDemoData() {}

    static String load(Handle h, OrgId org, Map<String, UserRow> people, Clock clock) {
        UUID orgId = org.value();
        if (h.createQuery("SELECT EXISTS (SELECT 1 FROM sites WHERE org_id = :org)").bind("org", orgId)
                .mapTo(Boolean.class).one()) {
            return "";
        }
        Map<String, UUID> sites = new HashMap<>();
        for (String[] s : new String[][] {{"St Mary's Hospital", "Praed Street, London W2 1NY"},
                {"Riverside Community Hospital", "12 River Road, Kingston KT1 1AA"},
                {"Northgate Contact Centre", "Northgate House, Leeds LS1 4AP"}}) {
            sites.put(s[0], h.createQuery("INSERT INTO sites (org_id, name, time_zone, address) VALUES (:org, :name, "
                            + "'Europe/London', :address) RETURNING id")
                    .bind("org", orgId).bind("name", s[0]).bind("address", s[1]).mapTo(UUID.class).one());
        }
        LocalDate monday = LocalDate.now(clock.withZone(LONDON)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<String, UUID> shifts = new HashMap<>();
        Map<String, UUID> placementIds = new HashMap<>();
        for (Placement p : PLACEMENTS) {
            UUID placementId = h.createQuery("""
                            INSERT INTO placements (org_id, site_id, name, default_capacity, required_trainings,
                                                    max_leaders_per_week, exclude_own_directorate, directorate)
                            VALUES (:org, :site, :name, :cap, :trainings, :max, :excl, :dir) RETURNING id""")
                    .bind("org", orgId).bind("site", sites.get(p.site())).bind("name", p.name())
                    .bind("cap", p.capacity()).bind("trainings", p.trainings().toArray(String[]::new))
                    .bind("max", p.maxPerWeek()).bind("excl", p.directorate() != null).bind("dir", p.directorate())
                    .mapTo(UUID.class).one();
            placementIds.put(p.key(), placementId);
            h.execute("INSERT INTO placement_hosts (org_id, placement_id, user_id) VALUES (?, ?, ?)",
                    orgId, placementId, people.get(p.host()).id());
            for (int week = -3; week <= 3; week++) {
                for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.TUESDAY, DayOfWeek.THURSDAY}) {
                    Instant start = monday.plusWeeks(week).with(day).atTime(p.start()).atZone(LONDON).toInstant();
                    shifts.put(p.key() + week + day.name().charAt(0) + day.name().charAt(1), h.createQuery("""
                                    INSERT INTO shifts (org_id, placement_id, starts_at, ends_at, capacity)
                                    VALUES (:org, :p, :s, :e, :c) RETURNING id""")
                            .bind("org", orgId).bind("p", placementId).bind("s", start)
                            .bind("e", start.plus(Duration.ofHours(p.hours()))).bind("c", p.capacity())
                            .mapTo(UUID.class).one());
                }
            }
        }
        int made = 0;
        made += book(h, orgId, shifts.get("catering-2TU"), people.get("perm.sec@gemba.local"), "ATTENDED");
        made += book(h, orgId, shifts.get("ward-1TH"), people.get("perm.sec@gemba.local"), "ATTENDED");
        made += book(h, orgId, shifts.get("calls1TU"), people.get("perm.sec@gemba.local"), "BOOKED");
        made += book(h, orgId, shifts.get("ward-3TU"), people.get("dg.ops@gemba.local"), "ATTENDED");
        made += book(h, orgId, shifts.get("porters-1TU"), people.get("dg.ops@gemba.local"), "NO_SHOW");
        made += book(h, orgId, shifts.get("reception-2TH"), people.get("director.finance@gemba.local"), "ATTENDED");
        made += book(h, orgId, shifts.get("reception1TH"), people.get("director.finance@gemba.local"), "BOOKED");
        made += book(h, orgId, shifts.get("calls-1TU"), people.get("director.digital@gemba.local"), "ATTENDED");
        made += book(h, orgId, shifts.get("catering1TH"), people.get("director.digital@gemba.local"), "BOOKED");
        made += book(h, orgId, shifts.get("outpatients-2TU"), people.get("deputy.policy@gemba.local"), "ATTENDED");
        made += book(h, orgId, shifts.get("porters1TU"), people.get("deputy.estates@gemba.local"), "BOOKED");
        // a full shift with two leaders waiting
        UUID full = shifts.get("ward2TH");
        made += book(h, orgId, full, people.get("dg.ops@gemba.local"), "BOOKED");
        made += book(h, orgId, full, people.get("deputy.policy@gemba.local"), "BOOKED");
        for (String email : List.of("perm.sec@gemba.local", "improvement.lead@gemba.local")) {
            h.execute("INSERT INTO waitlist_entries (org_id, shift_id, leader_id, created_at) VALUES (?, ?, ?, clock_timestamp())",
                    orgId, full, people.get(email).id());
        }
        int history = previousYear(h, orgId, placementIds, people, monday);
        return "Scheduling: 3 sites, " + PLACEMENTS.size() + " placements, " + shifts.size() + " shifts, " + made
                + " bookings and a waitlist on the full Ward 7 shift; " + history
                + " attended shifts in the previous programme year (two leaders fell short of their target).\n";
    }

    /**
     * Last programme year's history, so progress and promotion holds look like a running scheme:
     * most leaders met their target (20 eight-hour shifts), two fell short (5 shifts).
     */
    private static int previousYear(Handle h, UUID orgId, Map<String, UUID> placements, Map<String, UserRow> people,
                                    LocalDate thisWeek) {
        LocalDate yearStart = LocalDate.of(thisWeek.getMonthValue() >= 4 ? thisWeek.getYear() - 1 : thisWeek.getYear() - 2, 4, 1);
        List<String> leaders = List.of("perm.sec@gemba.local", "dg.ops@gemba.local", "director.finance@gemba.local",
                "director.digital@gemba.local", "improvement.lead@gemba.local", "deputy.policy@gemba.local",
                "deputy.estates@gemba.local");
        List<UUID> where = List.copyOf(placements.values());
        Map<String, UUID> created = new HashMap<>();
        int made = 0;
        for (int i = 0; i < leaders.size(); i++) {
            int count = i < 5 ? 20 : 5;
            for (int k = 0; k < count; k++) {
                LocalDate day = yearStart.plusDays(14L * k + i + 7);
                UUID placement = where.get((i + k) % where.size());
                UUID shift = created.computeIfAbsent(day + "/" + placement, key -> {
                    Instant start = day.atTime(9, 0).atZone(LONDON).toInstant();
                    return h.createQuery("""
                                    INSERT INTO shifts (org_id, placement_id, starts_at, ends_at, capacity)
                                    VALUES (:org, :p, :s, :e, 4) RETURNING id""")
                            .bind("org", orgId).bind("p", placement).bind("s", start)
                            .bind("e", start.plus(Duration.ofHours(8))).mapTo(UUID.class).one();
                });
                made += book(h, orgId, shift, people.get(leaders.get(i)), "ATTENDED");
            }
        }
        return made;
    }

    private static int book(Handle h, UUID orgId, UUID shiftId, UserRow leader, String status) {
        h.createUpdate("""
                        INSERT INTO bookings (org_id, shift_id, leader_id, status, during, booked_by, actual_start, actual_end,
                                              credited_minutes)
                        SELECT s.org_id, s.id, :leader, :status, tstzrange(s.starts_at, s.ends_at, '[)'), :leader,
                               CASE WHEN :status = 'ATTENDED' THEN s.starts_at END,
                               CASE WHEN :status = 'ATTENDED' THEN s.ends_at END,
                               CASE WHEN :status = 'ATTENDED' THEN (extract(epoch FROM s.ends_at - s.starts_at) / 60)::int END
                          FROM shifts s WHERE s.org_id = :org AND s.id = :shift""")
                .bind("org", orgId).bind("shift", shiftId).bind("leader", leader.id()).bind("status", status).execute();
        h.execute("UPDATE shifts SET booked_count = booked_count + 1 WHERE org_id = ? AND id = ?", orgId, shiftId);
        return 1;
    }
}

package org.gemba.scale;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/** Sites, placements and their hosts, then every day's shifts and bookings (two passes over the same day plans). */
final class FloorWriter {
    private final ScaleSettings s;
    private final ScalePeople people;
    private final UUID org;

    FloorWriter(ScaleSettings s, ScalePeople people, UUID org) {
        this.s = s;
        this.people = people;
        this.org = org;
    }

    int days() {
        return (int) (s.pastDays() + s.futureDays());
    }

    UUID site(int i) {
        return ScaleIds.of(s.seed(), ScaleIds.SITE, i);
    }

    UUID placement(int p) {
        return ScaleIds.of(s.seed(), ScaleIds.PLACEMENT, p);
    }

    int siteOf(int p) {
        return p % s.sites();
    }

    String placementName(int p) {
        return PhraseBank.DEPARTMENTS[p % PhraseBank.DEPARTMENTS.length] + " " + (p / PhraseBank.DEPARTMENTS.length + 1);
    }

    UUID hostOf(int p) {
        return people.host(p % s.hosts());
    }

    long sitesAndPlacements(Connection c) throws SQLException, IOException {
        try (CopyStream out = new CopyStream(c, "sites", "id, org_id, name, time_zone, address")) {
            for (int i = 0; i < s.sites(); i++) {
                String town = PhraseBank.TOWNS[i % PhraseBank.TOWNS.length];
                out.row(site(i), org, town + " " + PhraseBank.HOSPITALS[(i / PhraseBank.TOWNS.length + i) % PhraseBank.HOSPITALS.length]
                        + (i >= PhraseBank.TOWNS.length ? " " + (i / PhraseBank.TOWNS.length + 1) : ""), "Europe/London",
                        (i + 1) + " Hospital Road, " + town);
            }
        }
        try (CopyStream out = new CopyStream(c, "placements",
                "id, org_id, site_id, name, description, default_capacity, required_trainings, directorate")) {
            for (int p = 0; p < s.placements(); p++) {
                String[] required = p % 5 == 0 ? ScalePeople.BASE_TRAININGS
                        : p % 3 == 0 ? new String[] {"INFECTION_CONTROL"} : new String[0];
                out.row(placement(p), org, site(siteOf(p)), placementName(p), "Shadow the " + placementName(p) + " team.",
                        5, required, ScalePeople.DIRECTORATES[p % ScalePeople.DIRECTORATES.length]);
            }
        }
        try (CopyStream out = new CopyStream(c, "placement_hosts", "org_id, placement_id, user_id")) {
            for (int p = 0; p < s.placements(); p++) {
                out.row(org, placement(p), hostOf(p));
                if (s.hosts() > 1) {
                    out.row(org, placement(p), people.host((p + 1) % s.hosts()));
                }
            }
        }
        return s.sites() + s.placements();
    }

    long shifts(Connection c) throws SQLException, IOException {
        try (CopyStream out = new CopyStream(c, "shifts",
                "id, org_id, placement_id, starts_at, ends_at, capacity, booked_count, status, cancel_reason, created_at, updated_at")) {
            Instant created = s.firstDay().minusDays(30).atStartOfDay(DayPlan.ZONE).toInstant();
            for (int d = 0; d < days(); d++) {
                for (DayPlan.Shift sh : new DayPlan(s, people, d, false).shifts) {
                    out.row(sh.id(), org, placement(sh.placement()), sh.start(), sh.end(), sh.capacity(), sh.bookedCount(),
                            sh.cancelled() ? "CANCELLED" : "OPEN", sh.cancelled() ? "Ward closed for deep cleaning" : null,
                            created, created);
                }
            }
            return out.rows();
        }
    }

    /** Writes the bookings; answers {total, attended}. Free future places go to {@code pairs} as "leaderId,shiftId". */
    long[] bookings(Connection c, Writer pairs) throws SQLException, IOException {
        long attended = 0;
        try (CopyStream out = new CopyStream(c, "bookings", "id, org_id, shift_id, leader_id, status, during, booked_by, "
                + "created_at, cancelled_at, cancelled_by, cancel_reason, actual_start, actual_end, credited_minutes, "
                + "attendance_by, attendance_at")) {
            for (int d = 0; d < days(); d++) {
                DayPlan day = new DayPlan(s, people, d, pairs != null);
                for (DayPlan.Shift sh : day.shifts) {
                    for (DayPlan.Booking b : sh.bookings()) {
                        attended += write(out, sh, b) ? 1 : 0;
                    }
                    for (int leader : sh.free()) {
                        pairs.write(people.id(leader) + "," + sh.id() + "\n");
                    }
                }
            }
            return new long[] {out.rows(), attended};
        }
    }

    private boolean write(CopyStream out, DayPlan.Shift sh, DayPlan.Booking b) throws IOException {
        SplittableRandom r = b.random();
        UUID leader = people.id(b.leader());
        Instant created = sh.start().minusSeconds(86_400L * (3 + r.nextInt(40)));
        String during = "[" + sh.start() + "," + sh.end() + ")";
        UUID bookedBy = r.nextInt(10) == 0 ? people.hr(0) : leader;
        boolean attended = b.status() == DayPlan.Status.ATTENDED;
        if (b.status() == DayPlan.Status.CANCELLED) {
            Instant at = created.plusSeconds(3600L * (1 + r.nextInt(48)));
            out.row(b.id(), org, sh.id(), leader, "CANCELLED", during, bookedBy, created, at, leader,
                    "Diary clash with a ministerial meeting", null, null, null, null, null);
        } else if (attended || b.status() == DayPlan.Status.NO_SHOW) {
            Instant actualStart = attended ? sh.start().plusSeconds(60L * r.nextInt(20)) : null;
            Instant actualEnd = attended ? sh.end().minusSeconds(60L * r.nextInt(45)) : null;
            Integer minutes = attended ? (int) ((actualEnd.getEpochSecond() - actualStart.getEpochSecond()) / 60) : null;
            out.row(b.id(), org, sh.id(), leader, b.status().name(), during, bookedBy, created, null, null, null,
                    actualStart, actualEnd, minutes, hostOf(sh.placement()), sh.end().plusSeconds(3600));
        } else {
            out.row(b.id(), org, sh.id(), leader, "BOOKED", during, bookedBy, created, null, null, null,
                    null, null, null, null, null);
        }
        return attended;
    }
}

package org.gemba.scale;

import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Who is in the organisation, derived from the index alone: leaders 0..N-1, then hosts, two HR
 * officers, three improvement leads and one admin.
 */
final class ScalePeople {
    static final String[] GRADES = {"PERM_SEC", "SCS3", "SCS2", "SCS1"};
    static final String[] DIRECTORATES = {"Medicine", "Surgery", "Women and Children", "Clinical Support",
        "Estates and Facilities", "Finance", "Workforce", "Digital", "Nursing", "Operations", "Strategy",
        "Quality and Safety"};
    static final String[] BASE_TRAININGS = {"INFECTION_CONTROL", "SAFEGUARDING"};
    private static final String[] FIRST = {"Amara", "Ben", "Chloe", "Dev", "Eleanor", "Farid", "Grace", "Harry",
        "Isla", "Jamal", "Kate", "Liam", "Maya", "Niall", "Olivia", "Priya", "Rhys", "Sian", "Tom", "Uma", "Wei", "Zoe"};
    private static final String[] LAST = {"Adeyemi", "Brown", "Chen", "Davies", "Evans", "Fraser", "Gupta", "Hughes",
        "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Nowak", "O'Brien", "Patel", "Roberts", "Smith", "Taylor",
        "Walker", "Williams", "Wright"};

    record Leader(int index, String grade, String directorate, String fte, LocalDate start, LocalDate end,
                  String[] trainings) {
        boolean inPost(LocalDate day) {
            return !day.isBefore(start) && (end == null || !day.isAfter(end));
        }
    }

    private final ScaleSettings s;

    ScalePeople(ScaleSettings s) {
        this.s = s;
    }

    Leader leader(int i) {
        SplittableRandom r = Mix.random(s.seed(), ScaleIds.USER, i);
        int g = r.nextInt(1000);
        String grade = g < 10 ? "PERM_SEC" : g < 60 ? "SCS3" : g < 300 ? "SCS2" : "SCS1";
        int f = r.nextInt(10);
        String fte = f < 7 ? "1.000" : f < 9 ? "0.800" : "0.600";
        int kind = r.nextInt(100);
        LocalDate start = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3000));
        LocalDate end = null;
        if (kind < 6) {   // started during the programme
            start = s.firstDay().plusDays(30 + r.nextInt((int) Math.max(31, s.pastDays() - 30)));
        } else if (kind < 10) {   // left during the programme
            end = s.firstDay().plusDays(60 + r.nextInt((int) Math.max(61, s.pastDays() - 60)));
        }
        boolean manual = r.nextInt(2) == 0;
        boolean fire = r.nextInt(5) < 2;
        String[] trainings = manual && fire ? new String[] {"INFECTION_CONTROL", "SAFEGUARDING", "MANUAL_HANDLING", "FIRE_SAFETY"}
                : manual ? new String[] {"INFECTION_CONTROL", "SAFEGUARDING", "MANUAL_HANDLING"}
                : fire ? new String[] {"INFECTION_CONTROL", "SAFEGUARDING", "FIRE_SAFETY"} : BASE_TRAININGS;
        return new Leader(i, grade, DIRECTORATES[r.nextInt(DIRECTORATES.length)], fte, start, end, trainings);
    }

    String name(int i) {
        SplittableRandom r = Mix.random(s.seed(), ScaleIds.USER, i, 1);
        return Mix.pick(r, FIRST) + " " + Mix.pick(r, LAST);
    }

    String email(String role, int i) {
        return role + i + "@s" + s.seed() + ".scale.gemba.test";
    }

    UUID id(int i) {
        return ScaleIds.of(s.seed(), ScaleIds.USER, i);
    }

    int firstHost() {
        return s.leaders();
    }

    UUID host(int h) {
        return id(s.leaders() + h);
    }

    UUID hr(int k) {
        return id(s.leaders() + s.hosts() + k);
    }

    UUID improvement(int k) {
        return id(s.leaders() + s.hosts() + 2 + k);
    }

    UUID admin() {
        return id(s.leaders() + s.hosts() + 5);
    }

    String adminEmail() {
        return "admin@s" + s.seed() + ".scale.gemba.test";
    }
}

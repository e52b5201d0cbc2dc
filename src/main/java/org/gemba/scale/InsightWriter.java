package org.gemba.scale;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Improvement actions spread evenly over the past (their state is index mod 4: OPEN, IN_PROGRESS,
 * DONE, CANCELLED), then observations from attended bookings in every status, linked to actions
 * created soon after them: ACTIONED to open ones, CLOSED to done ones, some to two.
 */
final class InsightWriter {
    private static final String[] ACTION_STATES = {"OPEN", "IN_PROGRESS", "DONE", "CANCELLED"};
    private final ScaleSettings s;
    private final ScalePeople people;
    private final FloorWriter floor;
    private final UUID org;
    private final int actions;
    private final Instant now;

    InsightWriter(ScaleSettings s, ScalePeople people, FloorWriter floor, UUID org) {
        this.s = s;
        this.people = people;
        this.floor = floor;
        this.org = org;
        this.actions = (int) Math.max(40, s.observations() / 40);
        this.now = s.today().atStartOfDay(DayPlan.ZONE).toInstant();
    }

    private Instant actionCreated(int j) {
        long day = (long) j * s.pastDays() / actions;
        return s.firstDay().plusDays(day).atTime(10, 0).atZone(DayPlan.ZONE).toInstant();
    }

    private Instant actionFinished(int j) {
        Instant created = actionCreated(j);
        Duration half = Duration.between(created, now).dividedBy(2);
        Duration month = Duration.ofDays(30);
        return created.plus(half.compareTo(month) < 0 ? half : month);
    }

    long actions(Connection c) throws SQLException, IOException {
        try (CopyStream out = new CopyStream(c, "improvement_actions", "id, org_id, title, description, owner_id, due_date, "
                + "status, outcome, cancel_reason, created_by, created_at, updated_at, completed_at, cancelled_at")) {
            for (int j = 0; j < actions; j++) {
                SplittableRandom r = Mix.random(s.seed(), ScaleIds.ACTION, j);
                String state = ACTION_STATES[j % 4];
                Instant created = actionCreated(j);
                Instant finished = actionFinished(j);
                String theme = Mix.pick(r, PhraseBank.THEMES);
                UUID owner = people.improvement(r.nextInt(3));
                out.row(ScaleIds.of(s.seed(), ScaleIds.ACTION, j), org, theme + ": " + PhraseBank.text("IDEA", r).split(" would help")[0],
                        PhraseBank.text("BARRIER", r), owner, s.firstDay().plusDays((long) j * s.pastDays() / actions + 45),
                        state, state.equals("DONE") ? "Fixed and checked with the ward team." : null,
                        state.equals("CANCELLED") ? "Superseded by a trust-wide programme." : null, owner, created,
                        state.equals("OPEN") ? created : finished, state.equals("DONE") ? finished : null,
                        state.equals("CANCELLED") ? finished : null);
            }
            return out.rows();
        }
    }

    /** Answers {observations, links}. */
    long[] observations(Connection c, long attendedTotal) throws SQLException, IOException {
        double rate = (double) s.observations() / Math.max(1, attendedTotal);
        List<long[]> links = new ArrayList<>();
        long n = 0;
        try (CopyStream out = new CopyStream(c, "observations", "id, org_id, author_id, booking_id, site_id, placement_id, "
                + "observed_at, logged_at, text, kind, criterion, cause, tags, status, priority, theme, team, triage_due_at, "
                + "triaged_at, triaged_by, declined_at, decline_reason, closed_at, updated_at")) {
            for (int d = 0; d < s.pastDays() && n < s.observations(); d++) {
                DayPlan day = new DayPlan(s, people, d, false);
                for (DayPlan.Shift sh : day.shifts) {
                    for (DayPlan.Booking b : sh.bookings()) {
                        if (b.status() != DayPlan.Status.ATTENDED) {
                            continue;
                        }
                        SplittableRandom r = Mix.random(s.seed(), ScaleIds.OBSERVATION, b.id().getMostSignificantBits(), b.id().getLeastSignificantBits());
                        int count = (int) rate + (r.nextDouble() < rate - (int) rate ? 1 : 0);
                        for (int i = 0; i < count && n < s.observations(); i++, n++) {
                            write(out, d, sh, b, n, r, links);
                        }
                    }
                }
            }
        }
        try (CopyStream out = new CopyStream(c, "action_observations", "org_id, action_id, observation_id, linked_by, linked_at")) {
            for (long[] l : links) {
                int j = (int) l[1];
                out.row(org, ScaleIds.of(s.seed(), ScaleIds.ACTION, j), ScaleIds.of(s.seed(), ScaleIds.OBSERVATION, l[0]),
                        people.improvement(j % 3), actionCreated(j));
            }
        }
        return new long[] {n, links.size()};
    }

    private void write(CopyStream out, int d, DayPlan.Shift sh, DayPlan.Booking b, long n, SplittableRandom r,
                       List<long[]> links) throws IOException {
        int roll = r.nextInt(100);
        String kind = roll < 45 ? "BARRIER" : roll < 70 ? "GOOD_PRACTICE" : roll < 90 ? "IDEA" : "SAFETY_CONCERN";
        Instant observed = sh.start().plusSeconds(60L * r.nextInt(300));
        Instant logged = latest(observed, observed.plusSeconds(60L * r.nextInt(2880)));
        Instant due = logged.plus(Duration.ofDays(kind.equals("SAFETY_CONCERN") ? 1 : 7));
        long age = s.pastDays() - d;
        int st = r.nextInt(100);
        String status = age < 5 ? (st < 70 ? "NEW" : st < 90 ? "TRIAGED" : "DECLINED")
                : st < 3 ? "NEW" : st < 33 ? "TRIAGED" : st < 58 ? "ACTIONED" : st < 88 ? "CLOSED" : "DECLINED";
        int action = -1;
        if (status.equals("ACTIONED") || status.equals("CLOSED")) {
            action = pickAction(d, status.equals("CLOSED") ? 2 : r.nextInt(2), r);
            status = action < 0 ? "TRIAGED" : status;
        }
        boolean triaged = !status.equals("NEW") && !status.equals("DECLINED");
        Instant triagedAt = triaged ? latest(logged, logged.plusSeconds(3600L * (1 + r.nextInt(60)))) : null;
        Instant closed = status.equals("CLOSED") ? actionFinished(action) : null;
        if (action >= 0) {
            links.add(new long[] {n, action});
            if (status.equals("CLOSED") && r.nextInt(20) == 0 && action + 4 < actions) {
                links.add(new long[] {n, action + 4});
                closed = actionFinished(action + 4);
            }
        }
        Instant declined = status.equals("DECLINED") ? latest(logged, logged.plusSeconds(3600L * (1 + r.nextInt(48)))) : null;
        Instant updated = closed != null ? closed : declined != null ? declined : triagedAt != null ? triagedAt : logged;
        out.row(ScaleIds.of(s.seed(), ScaleIds.OBSERVATION, n), org, people.id(b.leader()), b.id(),
                floor.site(floor.siteOf(sh.placement())), floor.placement(sh.placement()), observed, logged,
                PhraseBank.text(kind, r), kind, triaged ? Mix.pick(r, PhraseBank.CRITERIA) : null,
                triaged ? Mix.pick(r, PhraseBank.CAUSES) : null, PhraseBank.tags(r), status,
                triaged ? "P" + (1 + r.nextInt(4)) : null, triaged ? Mix.pick(r, PhraseBank.THEMES) : null,
                triaged ? floor.placementName(sh.placement()) : null, due, triagedAt,
                triaged ? people.improvement(r.nextInt(3)) : null, declined,
                declined != null ? "Outside the scheme's remit; passed to the service line." : null, closed, updated);
    }

    /** {@code wanted}, unless it lies after the generator's "now", then {@code fallback}. */
    private Instant latest(Instant fallback, Instant wanted) {
        return wanted.isAfter(now) ? fallback : wanted;
    }

    /** An action created one to twenty days after day {@code d} whose index mod 4 is {@code state}, or -1. */
    private int pickAction(int d, int state, SplittableRandom r) {
        long lo = ((long) (d + 1) * actions + s.pastDays() - 1) / s.pastDays();
        long hi = Math.min(actions - 1, (long) (d + 20) * actions / s.pastDays());
        long first = lo + Math.floorMod(state - lo, 4);
        if (first > hi) {
            return -1;
        }
        long choices = (hi - first) / 4 + 1;
        return (int) (first + 4 * r.nextLong(choices));
    }
}

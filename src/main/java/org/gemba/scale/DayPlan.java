package org.gemba.scale;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * One day of the floor, recomputed identically by every pass: one shift per placement, and the
 * leaders whose turn it is (index + day ≡ 0 mod cadence) placed on them. Past bookings end
 * ATTENDED, NO_SHOW or CANCELLED; future shifts are filled to about 30% so places stay free.
 */
final class DayPlan {
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final int[] SLOTS = {7, 9, 13, 22};

    enum Status { BOOKED, ATTENDED, NO_SHOW, CANCELLED }

    record Booking(UUID id, int leader, Status status, SplittableRandom random) {}

    record Shift(int placement, UUID id, Instant start, Instant end, int capacity, boolean cancelled,
                 List<Booking> bookings, List<Integer> free) {
        int bookedCount() {
            return (int) bookings.stream().filter(b -> b.status != Status.CANCELLED).count();
        }
    }

    final int dayIndex;
    final LocalDate date;
    final boolean past;
    final List<Shift> shifts;

    DayPlan(ScaleSettings s, ScalePeople people, int dayIndex, boolean withFreePlaces) {
        this.dayIndex = dayIndex;
        this.date = s.firstDay().plusDays(dayIndex);
        this.past = date.isBefore(s.today());
        int placements = s.placements();
        this.shifts = new ArrayList<>(placements);
        for (int p = 0; p < placements; p++) {
            SplittableRandom r = Mix.random(s.seed(), ScaleIds.SHIFT, dayIndex, p);
            Instant start = date.atTime(LocalTime.of(SLOTS[r.nextInt(SLOTS.length)], 0)).atZone(ZONE).toInstant();
            Instant end = start.plusSeconds(3600L * (6 + r.nextInt(4)));
            shifts.add(new Shift(p, ScaleIds.of(s.seed(), ScaleIds.SHIFT, dayIndex, p), start, end, 4 + r.nextInt(3),
                    r.nextInt(100) == 0, new ArrayList<>(), new ArrayList<>()));
        }
        int cadence = s.cadence();
        int offset = Math.floorMod(dayIndex * 7919, placements);
        int[] cursor = {0};
        int k = 0;
        for (int leader = Math.floorMod(-dayIndex, cadence); leader < s.leaders(); leader += cadence) {
            ScalePeople.Leader l = people.leader(leader);
            if (!l.inPost(date)) {
                continue;
            }
            Shift shift = nextWithRoom(offset, cursor, past ? 1.0 : 0.3);
            if (shift == null) {
                break;
            }
            SplittableRandom r = Mix.random(s.seed(), ScaleIds.BOOKING, dayIndex, k);
            Status status = Status.BOOKED;
            int roll = r.nextInt(100);
            if (past) {
                status = roll < 85 ? Status.ATTENDED : roll < 92 ? Status.NO_SHOW : Status.CANCELLED;
            } else if (roll < 4) {
                status = Status.CANCELLED;
            }
            shift.bookings.add(new Booking(ScaleIds.of(s.seed(), ScaleIds.BOOKING, dayIndex, k), leader, status, r));
            k++;
        }
        if (withFreePlaces && !past && date.isAfter(s.today().plusDays(1))) {
            fillFree(s, people, offset, cadence);
        }
    }

    /** Leaders half a cadence away from their own bookings, one per free place: what the booking benchmark books. */
    private void fillFree(ScaleSettings s, ScalePeople people, int offset, int cadence) {
        int[] cursor = {0};
        for (int leader = Math.floorMod(-dayIndex + cadence / 2, cadence); leader < s.leaders(); leader += cadence) {
            ScalePeople.Leader l = people.leader(leader);
            if (!l.inPost(date) || l.end() != null) {
                continue;
            }
            Shift shift = null;
            while (cursor[0] < shifts.size()) {
                Shift c = shifts.get((offset + cursor[0]) % shifts.size());
                if (!c.cancelled && c.bookedCount() + c.free.size() < c.capacity) {
                    shift = c;
                    break;
                }
                cursor[0]++;
            }
            if (shift == null) {
                return;
            }
            shift.free.add(leader);
        }
    }

    private Shift nextWithRoom(int offset, int[] cursor, double fill) {
        while (cursor[0] < shifts.size()) {
            Shift c = shifts.get((offset + cursor[0]) % shifts.size());
            int room = fill >= 1 ? c.capacity : Math.max(1, (int) Math.round(c.capacity * fill));
            if (!c.cancelled && c.bookedCount() < room) {
                return c;
            }
            cursor[0]++;
        }
        return null;
    }
}

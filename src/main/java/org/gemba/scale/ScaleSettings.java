package org.gemba.scale;

import java.time.LocalDate;

/** What to generate: sizes, the seed, and the day the data is centred on. */
public record ScaleSettings(long seed, int leaders, long attendedBookings, long observations, LocalDate today,
                     LocalDate firstDay, int futureDays) {

    int sites() {
        return Math.max(3, leaders / 400);
    }

    int placements() {
        return Math.max(6, leaders / 40);
    }

    int hosts() {
        return Math.max(2, placements() / 4);
    }

    long pastDays() {
        return today.toEpochDay() - firstDay.toEpochDay();
    }

    /**
     * Each leader books one shift every {@code cadence} days, on days that differ between
     * leaders, which spreads bookings evenly and guarantees a leader's bookings never overlap.
     * Chosen so that about {@link #attendedBookings} of the past bookings end ATTENDED.
     */
    public int cadence() {
        double perLeaderDays = (double) leaders * pastDays() * ScaleGenerator.ATTENDED_SHARE / Math.max(1, attendedBookings);
        return (int) Math.max(2, Math.round(perLeaderDays));
    }
}

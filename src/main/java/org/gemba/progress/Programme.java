package org.gemba.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Programme years: year Y runs from the start month-day of Y to the day before the start month-day
 * of Y+1 (inclusive dates), in the organisation's time zone.
 */
public record Programme(MonthDay yearStart, int years, int firstYear, BigDecimal defaultAnnualHours) {

    public int lastYear() {
        return firstYear + years - 1;
    }

    public boolean contains(int year) {
        return year >= firstYear && year <= lastYear();
    }

    /** First day of programme year {@code year}. A 29 February start falls back to 28 February. */
    public LocalDate periodStart(int year) {
        return yearStart.atYear(year);
    }

    /** Last day (inclusive) of programme year {@code year}. */
    public LocalDate periodEnd(int year) {
        return periodStart(year + 1).minusDays(1);
    }

    /** The programme year a local date belongs to (whether or not it lies inside the programme). */
    public int yearOf(LocalDate date) {
        return date.isBefore(periodStart(date.getYear())) ? date.getYear() - 1 : date.getYear();
    }
}

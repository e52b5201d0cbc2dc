package org.gemba.insight;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;

/** Monday to Friday except the configured public holidays. Pure: no clock, no database. */
public final class WorkingDays {
    private final Set<LocalDate> holidays;

    public WorkingDays(Collection<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The {@code n}th working day strictly after {@code day}. */
    public LocalDate nthWorkingDayAfter(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        LocalDate d = day;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /**
     * The end (24:00 local, i.e. the start of the next day in {@code zone}) of the {@code n}th working
     * day after the local day on which {@code loggedAt} falls.
     */
    public Instant dueAt(Instant loggedAt, ZoneId zone, int n) {
        LocalDate logged = loggedAt.atZone(zone).toLocalDate();
        return nthWorkingDayAfter(logged, n).plusDays(1).atStartOfDay(zone).toInstant();
    }
}

package org.gemba.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gemba.common.ApiException;

/** "Today" and programme years as the organisation sees them: its time zone, the injected clock. */
public class ProgrammeClock {
    private final Programme programme;
    private final Clock clock;

    public ProgrammeClock(Programme programme, Clock clock) {
        this.programme = programme;
        this.clock = clock;
    }

    public Programme programme() {
        return programme;
    }

    public Clock clock() {
        return clock;
    }

    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * The requested year, or the current one (today in the organisation's {@code zone}); 422 (field
     * {@code year}) outside the programme.
     */
    public int resolveYear(String requested, ZoneId zone) {
        int year;
        if (requested == null || requested.isEmpty()) {
            year = programme.yearOf(today(zone));
        } else {
            try {
                year = Integer.parseInt(requested);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("year", "must be a whole number such as " + programme.firstYear());
            }
        }
        if (!programme.contains(year)) {
            throw ApiException.invalid("year", "must be a programme year between " + programme.firstYear()
                    + " and " + programme.lastYear());
        }
        return year;
    }
}

package org.gemba.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gemba.common.ApiException;
import org.gemba.common.OrgId;
import org.jdbi.v3.core.Jdbi;

/** "Today" and programme years as the organisation sees them: its time zone, the injected clock. */
public class ProgrammeClock {
    private final Programme programme;
    private final Clock clock;
    private final Jdbi jdbi;

    public ProgrammeClock(Programme programme, Clock clock, Jdbi jdbi) {
        this.programme = programme;
        this.clock = clock;
        this.jdbi = jdbi;
    }

    public Programme programme() {
        return programme;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone(OrgId orgId) {
        String tz = jdbi.withHandle(h -> h.createQuery("SELECT time_zone FROM organisations WHERE id = :id")
                .bind("id", orgId.value()).mapTo(String.class).one());
        return ZoneId.of(tz);
    }

    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The requested year, or the current one; 422 (field {@code year}) outside the programme. */
    public int resolveYear(String requested, OrgId orgId) {
        int year;
        if (requested == null || requested.isEmpty()) {
            year = programme.yearOf(today(zone(orgId)));
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

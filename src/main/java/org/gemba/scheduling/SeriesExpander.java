package org.gemba.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Expands an RFC 5545 RRULE from a local start in a site's time zone into shift instants.
 * (Seam: implemented with ical4j on the calendar branch.)
 */
public final class SeriesExpander {
    /** Most shifts one series may create. */
    public static final int MAX_OCCURRENCES = 500;

    public record Occurrence(Instant start, Instant end) {}

    private SeriesExpander() {}

    /**
     * @throws org.gemba.common.ApiException NONEXISTENT_LOCAL_TIME (field localStart) when the first
     *     occurrence falls in a clock-change gap, INVALID_RRULE (field rrule) for a rule that does not
     *     parse or never ends, VALIDATION_FAILED (field rrule) beyond {@link #MAX_OCCURRENCES}
     */
    public static List<Occurrence> expand(LocalDateTime localStart, ZoneId zone, Duration duration, String rrule) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}

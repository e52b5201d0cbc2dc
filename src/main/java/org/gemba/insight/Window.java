package org.gemba.insight;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.gemba.common.ApiException;

/**
 * A {@code from}/{@code to} window from query parameters: instants with offset, or dates in the
 * organisation's zone, both inclusive ({@code to=2026-04-30} covers the whole of that day).
 */
public record Window(Instant from, Instant toExclusive) {

    public static Window parse(String from, String to, ZoneId zone) {
        Instant f = bound("from", from, zone, false);
        Instant t = bound("to", to, zone, true);
        if (f != null && t != null && !t.isAfter(f)) {
            throw ApiException.invalid("to", "must be after from");
        }
        return new Window(f, t);
    }

    private static Instant bound(String name, String value, ZoneId zone, boolean end) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value).toInstant();
            return end ? instant.plusNanos(1000) : instant;
        } catch (DateTimeException e) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } catch (DateTimeException e2) {
                throw ApiException.invalid(name, "must be a date (YYYY-MM-DD) or an ISO-8601 instant with offset");
            }
        }
    }
}

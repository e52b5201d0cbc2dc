package org.gemba.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Parses query parameters with field-named 422s. (Jersey's own conversion answers 404 for a
 * bad query parameter, which would hide the client's mistake.)
 */
public final class QueryParams {
    private QueryParams() {}

    public static UUID uuid(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Id.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "must be a UUID");
        }
    }

    /** An instant with offset, or a date taken as UTC midnight (cursors and other machine-made values). */
    public static Instant instant(String name, String value) {
        return bound(name, value, ZoneOffset.UTC, false);
    }

    /**
     * One end of a {@code from}/{@code to} window: an instant with offset, or a date taken in
     * {@code zone} (the organisation's), where a {@code to} date covers that whole day.
     */
    public static Instant bound(String name, String value, ZoneId zone, boolean end) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } catch (DateTimeException e2) {
                throw ApiException.invalid(name, "must be a date (YYYY-MM-DD) or an ISO-8601 instant with offset");
            }
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw ApiException.invalid(name, "must be a date (YYYY-MM-DD)");
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.invalid(name, "must be true or false");
        };
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}

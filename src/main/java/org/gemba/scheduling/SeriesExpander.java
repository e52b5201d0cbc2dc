package org.gemba.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Recur;
import org.gemba.common.ApiException;
import org.gemba.common.ErrorCode;

/**
 * Expands an RFC 5545 RRULE from a local start in a site's time zone into shift instants.
 *
 * <p>ical4j (4.x) parses the rule and generates the occurrences as local wall-clock date-times
 * ({@code Recur<LocalDateTime>}), so every occurrence keeps the series' time of day across clock
 * changes. Each local time is then turned into an instant here, with the site's {@link ZoneRules},
 * exactly as RFC 5545 (3.3.5) prescribes: a time in a spring-forward gap moves forward by the gap's
 * length, and an ambiguous fall-back time takes the earlier instant (the offset before the change).
 * Doing that last step ourselves keeps the rule independent of how a recurrence library maps zoned
 * times, which is where libraries disagree (see SeriesExpanderTest for the hours that prove it).
 *
 * <p>A series must end: a rule with neither COUNT nor UNTIL is refused as INVALID_RRULE rather than
 * silently cut at the cap, so a host never gets fewer shifts than the rule they wrote says.
 */
public final class SeriesExpander {
    /** Most shifts one series may create. */
    public static final int MAX_OCCURRENCES = 500;
    private static final int MAX_RULE_LENGTH = 1000;
    // ical4j needs an upper bound for the window; UNTIL/COUNT end the series long before it
    private static final int HORIZON_YEARS = 50;
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    public record Occurrence(Instant start, Instant end) {}

    private SeriesExpander() {}

    /**
     * @throws org.gemba.common.ApiException NONEXISTENT_LOCAL_TIME (field localStart) when the first
     *     occurrence falls in a clock-change gap, INVALID_RRULE (field rrule) for a rule that does not
     *     parse or never ends, VALIDATION_FAILED (field rrule) beyond {@link #MAX_OCCURRENCES}
     */
    public static List<Occurrence> expand(LocalDateTime localStart, ZoneId zone, Duration duration, String rrule) {
        ZoneRules rules = zone.getRules();
        if (rules.getValidOffsets(localStart).isEmpty()) {
            throw ApiException.invalid(ErrorCode.NONEXISTENT_LOCAL_TIME, "localStart",
                    localStart + " does not exist in " + zone + " (the clocks go forward then)");
        }
        Recur<LocalDateTime> recur = parse(rrule, zone);
        if (recur.getCount() > MAX_OCCURRENCES) {
            throw tooMany();
        }
        List<LocalDateTime> locals;
        try {
            locals = recur.getDates(localStart, localStart, localStart.plusYears(HORIZON_YEARS),
                    MAX_OCCURRENCES + 1);
        } catch (RuntimeException e) {
            throw invalidRule("the rule cannot be expanded");
        }
        if (locals.size() > MAX_OCCURRENCES) {
            throw tooMany();
        }
        if (locals.isEmpty()) {
            throw invalidRule("the rule yields no shift from localStart on");
        }
        return locals.stream().sorted().map(local -> {
            Instant start = toInstant(local, rules);
            return new Occurrence(start, start.plus(duration));
        }).toList();
    }

    /** RFC 5545 3.3.5: gap → shifted forward by the gap's length; overlap → the earlier instant. */
    static Instant toInstant(LocalDateTime local, ZoneRules rules) {
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition == null) {
            return local.toInstant(rules.getOffset(local));
        }
        if (transition.isGap()) {
            return local.plus(transition.getDuration()).toInstant(transition.getOffsetAfter());
        }
        return local.toInstant(transition.getOffsetBefore());
    }

    private static Recur<LocalDateTime> parse(String rrule, ZoneId zone) {
        if (rrule == null || rrule.isBlank()) {
            throw invalidRule("a rule is required, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=10");
        }
        if (rrule.length() > MAX_RULE_LENGTH) {
            throw invalidRule("the rule is too long");
        }
        String text = rrule.strip();
        if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
            text = text.substring(6);
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 1 || parts.put(part.substring(0, eq).toUpperCase(Locale.ROOT), part.substring(eq + 1)) != null) {
                throw invalidRule("not an RFC 5545 recurrence rule (NAME=value parts separated by ';', each once)");
            }
        }
        if (parts.containsKey("COUNT") && parts.containsKey("UNTIL")) {
            throw invalidRule("COUNT and UNTIL must not both be given");
        }
        if (!parts.containsKey("COUNT") && !parts.containsKey("UNTIL")) {
            throw invalidRule("the series must end: add COUNT or UNTIL");
        }
        positive(parts, "COUNT");
        positive(parts, "INTERVAL");
        if (parts.containsKey("UNTIL")) {
            parts.put("UNTIL", localUntil(parts.get("UNTIL"), zone));
        }
        try {
            return new Recur<>(parts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(";")));
        } catch (RuntimeException e) {
            throw invalidRule("not an RFC 5545 recurrence rule: " + safeMessage(e));
        }
    }

    private static void positive(Map<String, String> parts, String name) {
        String value = parts.get(name);
        if (value != null && !value.matches("[1-9][0-9]{0,5}")) {
            throw invalidRule(name + " must be a positive whole number");
        }
    }

    /**
     * UNTIL may be a date, a floating local time or a UTC time (…Z); we expand in local time, so a
     * UTC UNTIL becomes the site's local time at that instant, and a date includes its whole day.
     */
    private static String localUntil(String until, ZoneId zone) {
        try {
            if (until.matches("[0-9]{8}")) {
                return until + "T235959";
            }
            if (until.matches("[0-9]{8}T[0-9]{6}")) {
                LocalDateTime.parse(until, BASIC);
                return until;
            }
            if (until.matches("[0-9]{8}T[0-9]{6}Z")) {
                LocalDateTime utc = LocalDateTime.parse(until.substring(0, 15), BASIC);
                return BASIC.format(LocalDateTime.ofInstant(utc.toInstant(ZoneOffset.UTC), zone));
            }
        } catch (DateTimeParseException e) {
            throw invalidRule("UNTIL is not a real date-time");
        }
        throw invalidRule("UNTIL must look like 20260630, 20260630T170000 or 20260630T170000Z");
    }

    /** ical4j's messages name the offending rule part ("Invalid value XX for BYDAY"), never internals. */
    private static String safeMessage(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.length() > 200 ? "unreadable rule" : m;
    }

    private static ApiException invalidRule(String message) {
        return ApiException.invalid(ErrorCode.INVALID_RRULE, "rrule", message);
    }

    private static ApiException tooMany() {
        return ApiException.invalid("rrule", "a series may create at most " + MAX_OCCURRENCES + " shifts");
    }
}

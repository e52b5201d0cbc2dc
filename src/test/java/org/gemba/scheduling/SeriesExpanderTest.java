package org.gemba.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.gemba.common.ApiException;
import org.gemba.common.ErrorCode;
import org.gemba.scheduling.SeriesExpander.Occurrence;
import org.junit.jupiter.api.Test;

class SeriesExpanderTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration EIGHT_HOURS = Duration.ofHours(8);

    private static List<Occurrence> expand(String localStart, ZoneId zone, String rrule) {
        return SeriesExpander.expand(LocalDateTime.parse(localStart), zone, EIGHT_HOURS, rrule);
    }

    private static void assertRefused(Runnable call, ErrorCode code, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.errors()).extracting(f -> f.field()).containsExactly(field);
        });
    }

    @Test
    void weekly_acrossBothUkClockChanges_staysNineOClockLocal() {
        // Tuesdays from 3 March to 3 November 2026: BST runs 29 March to 25 October
        List<Occurrence> shifts = expand("2026-03-03T09:00", LONDON, "FREQ=WEEKLY;BYDAY=TU;COUNT=36");

        assertThat(shifts).hasSize(36);
        assertThat(shifts).allSatisfy(o ->
                assertThat(o.start().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
        assertThat(shifts.get(0).start()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
        assertThat(shifts.get(4).start()).isEqualTo(Instant.parse("2026-03-31T08:00:00Z"));
        assertThat(shifts.get(33).start()).isEqualTo(Instant.parse("2026-10-20T08:00:00Z"));
        assertThat(shifts.get(34).start()).isEqualTo(Instant.parse("2026-10-27T09:00:00Z"));
        assertThat(shifts).allSatisfy(o -> assertThat(Duration.between(o.start(), o.end())).isEqualTo(EIGHT_HOURS));
    }

    @Test
    void expand_whenFirstOccurrenceInSpringForwardGap_refusesWithNonexistentLocalTime() {
        assertRefused(() -> expand("2026-03-29T01:30", LONDON, "FREQ=DAILY;COUNT=3"),
                ErrorCode.NONEXISTENT_LOCAL_TIME, "localStart");
    }

    @Test
    void expand_whenLaterOccurrenceInGap_movesItForwardByTheGap() {
        List<Occurrence> shifts = expand("2026-03-28T01:30", LONDON, "FREQ=DAILY;COUNT=3");

        assertThat(shifts).extracting(Occurrence::start).containsExactly(
                Instant.parse("2026-03-28T01:30:00Z"),   // 01:30 GMT
                Instant.parse("2026-03-29T01:30:00Z"),   // 01:30 does not exist: 02:30 BST
                Instant.parse("2026-03-30T00:30:00Z"));  // 01:30 BST
        assertThat(shifts.get(1).start().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
    }

    @Test
    void expand_whenOccurrenceAmbiguous_takesTheEarlierInstant() {
        List<Occurrence> shifts = expand("2026-10-24T01:30", LONDON, "FREQ=DAILY;COUNT=3");

        assertThat(shifts).extracting(Occurrence::start).containsExactly(
                Instant.parse("2026-10-24T00:30:00Z"),   // 01:30 BST
                Instant.parse("2026-10-25T00:30:00Z"),   // the first 01:30 (BST), not 01:30 GMT
                Instant.parse("2026-10-26T01:30:00Z"));  // 01:30 GMT
    }

    @Test
    void expand_whenFirstOccurrenceAmbiguous_takesTheEarlierInstant() {
        List<Occurrence> shifts = expand("2026-10-25T01:30", LONDON, "FREQ=DAILY;COUNT=1");
        assertThat(shifts.get(0).start()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void expand_endIsElapsedDurationAfterStart_evenAcrossTheChange() {
        // 22:00 to "07:00" across the October change is 10 hours of wall clock, 9 elapsed: end = start + 9h
        List<Occurrence> shifts = SeriesExpander.expand(LocalDateTime.parse("2026-10-24T22:00"), LONDON,
                Duration.ofHours(9), "FREQ=DAILY;COUNT=1");
        assertThat(shifts.get(0).start()).isEqualTo(Instant.parse("2026-10-24T21:00:00Z"));
        assertThat(shifts.get(0).end()).isEqualTo(Instant.parse("2026-10-25T06:00:00Z"));
    }

    @Test
    void expand_inNewYork_keepsLocalTimeAcrossUsChanges() {
        // US clocks change on 8 March and 1 November 2026
        List<Occurrence> shifts = expand("2026-03-01T09:00", NEW_YORK, "FREQ=WEEKLY;INTERVAL=2;UNTIL=20261115T235959");

        assertThat(shifts.get(0).start()).isEqualTo(Instant.parse("2026-03-01T14:00:00Z"));
        assertThat(shifts.get(1).start()).isEqualTo(Instant.parse("2026-03-15T13:00:00Z"));
        assertThat(shifts.get(shifts.size() - 1).start()).isEqualTo(Instant.parse("2026-11-08T14:00:00Z"));
        assertThat(shifts).allSatisfy(o ->
                assertThat(o.start().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
    }

    @Test
    void expand_inNewYorkGap_movesLaterOccurrenceForward() {
        List<Occurrence> shifts = expand("2026-03-07T02:30", NEW_YORK, "FREQ=DAILY;COUNT=2");
        assertThat(shifts.get(1).start()).isEqualTo(Instant.parse("2026-03-08T07:30:00Z")); // 03:30 EDT
    }

    @Test
    void expand_withCount_givesExactlyThatMany() {
        assertThat(expand("2026-05-05T09:00", LONDON, "FREQ=DAILY;COUNT=7")).hasSize(7);
    }

    @Test
    void expand_withLocalUntil_includesTheLastOccurrenceOnOrBeforeIt() {
        List<Occurrence> shifts = expand("2026-05-05T09:00", LONDON, "FREQ=WEEKLY;UNTIL=20260526T090000");
        assertThat(shifts).extracting(Occurrence::start).containsExactly(
                Instant.parse("2026-05-05T08:00:00Z"), Instant.parse("2026-05-12T08:00:00Z"),
                Instant.parse("2026-05-19T08:00:00Z"), Instant.parse("2026-05-26T08:00:00Z"));
    }

    @Test
    void expand_withUtcUntil_comparesInTheSitesZone() {
        // 08:00Z on 26 May is 09:00 BST: that Tuesday's shift is included, 07:59Z would exclude it
        assertThat(expand("2026-05-05T09:00", LONDON, "FREQ=WEEKLY;UNTIL=20260526T080000Z")).hasSize(4);
        assertThat(expand("2026-05-05T09:00", LONDON, "FREQ=WEEKLY;UNTIL=20260526T075900Z")).hasSize(3);
    }

    @Test
    void expand_withDateUntil_includesThatWholeDay() {
        assertThat(expand("2026-05-05T09:00", LONDON, "FREQ=WEEKLY;UNTIL=20260526")).hasSize(4);
    }

    @Test
    void expand_withByDay_givesOnlyThoseWeekdays() {
        // Monday 4 May 2026
        List<Occurrence> shifts = expand("2026-05-04T09:00", LONDON, "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=6");
        assertThat(shifts).extracting(o -> o.start().atZone(LONDON).getDayOfWeek().name()).containsExactly(
                "MONDAY", "WEDNESDAY", "FRIDAY", "MONDAY", "WEDNESDAY", "FRIDAY");
        assertThat(shifts.get(5).start()).isEqualTo(Instant.parse("2026-05-15T08:00:00Z"));
    }

    @Test
    void expand_acceptsRrulePrefixAndLowerCase() {
        assertThat(expand("2026-05-05T09:00", LONDON, "RRULE:freq=daily;count=2")).hasSize(2);
    }

    @Test
    void expand_whenRuleInvalid_refusesWithInvalidRrule() {
        for (String bad : new String[] {"", "   ", "garbage", "FREQ=FORTNIGHTLY;COUNT=3", "COUNT=3",
                "FREQ=WEEKLY;BYDAY=XX;COUNT=3", "FREQ=DAILY;FOO=1;COUNT=2", "FREQ=DAILY;COUNT=0",
                "FREQ=DAILY;COUNT=-2", "FREQ=DAILY;COUNT=abc", "FREQ=DAILY;INTERVAL=0;COUNT=3",
                "FREQ=DAILY;COUNT=3;COUNT=4", "FREQ=DAILY;COUNT=3;UNTIL=20261231", "FREQ=DAILY;UNTIL=20260230",
                "FREQ=DAILY;UNTIL=tomorrow", "FREQ=DAILY;;COUNT=2", "FREQ=DAILY;COUNT=" + "9".repeat(2000)}) {
            assertRefused(() -> expand("2026-05-05T09:00", LONDON, bad), ErrorCode.INVALID_RRULE, "rrule");
        }
        assertRefused(() -> SeriesExpander.expand(LocalDateTime.parse("2026-05-05T09:00"), LONDON, EIGHT_HOURS, null),
                ErrorCode.INVALID_RRULE, "rrule");
    }

    @Test
    void expand_whenRuleNeverEnds_refusesWithInvalidRrule() {
        assertRefused(() -> expand("2026-05-05T09:00", LONDON, "FREQ=WEEKLY;BYDAY=TU"), ErrorCode.INVALID_RRULE, "rrule");
    }

    @Test
    void expand_whenRuleYieldsNothing_refusesWithInvalidRrule() {
        assertRefused(() -> expand("2026-05-05T09:00", LONDON, "FREQ=DAILY;UNTIL=20260501T000000"),
                ErrorCode.INVALID_RRULE, "rrule");
    }

    @Test
    void expand_atTheCap_givesFiveHundred() {
        assertThat(expand("2026-05-05T09:00", LONDON, "FREQ=DAILY;COUNT=500")).hasSize(SeriesExpander.MAX_OCCURRENCES);
    }

    @Test
    void expand_beyondTheCap_refusesWithValidationFailed() {
        assertRefused(() -> expand("2026-05-05T09:00", LONDON, "FREQ=DAILY;COUNT=501"), ErrorCode.VALIDATION_FAILED, "rrule");
        assertRefused(() -> expand("2026-05-05T09:00", LONDON, "FREQ=DAILY;UNTIL=20300101"), ErrorCode.VALIDATION_FAILED, "rrule");
    }

    /**
     * Pins ical4j's own zoned expansion against ours on the two clock-change hours, so a library
     * upgrade that changed either behaviour is noticed (we resolve local times ourselves).
     */
    @Test
    void ical4jZonedExpansion_agreesOnGapAndAmbiguousHour() {
        for (String start : new String[] {"2026-03-28T01:30", "2026-10-24T01:30"}) {
            java.time.ZonedDateTime seed = LocalDateTime.parse(start).atZone(LONDON);
            List<Instant> ical4j = new net.fortuna.ical4j.model.Recur<java.time.ZonedDateTime>("FREQ=DAILY;COUNT=3")
                    .getDates(seed, seed, seed.plusDays(10), 10).stream().map(java.time.ZonedDateTime::toInstant).toList();
            assertThat(expand(start, LONDON, "FREQ=DAILY;COUNT=3")).extracting(Occurrence::start)
                    .as(start).containsExactlyElementsOf(ical4j);
        }
    }
}

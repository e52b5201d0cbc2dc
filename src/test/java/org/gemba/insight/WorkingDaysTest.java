package org.gemba.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final WorkingDays EW = new WorkingDays(List.of(
            LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06"), LocalDate.parse("2026-05-04"),
            LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-01")));

    @Test
    void weekend_isNotAWorkingDay() {
        assertThat(EW.isWorkingDay(LocalDate.parse("2026-05-09"))).isFalse(); // Saturday
        assertThat(EW.isWorkingDay(LocalDate.parse("2026-05-10"))).isFalse(); // Sunday
        assertThat(EW.isWorkingDay(LocalDate.parse("2026-05-11"))).isTrue();  // Monday
    }

    @Test
    void dueAt_fiveWorkingDaysFromMonday_isEndOfNextMonday() {
        // logged Monday 11 May 2026 (BST): Tue..Fri are 1..4, Monday 18th is the 5th; due 24:00 local
        Instant due = EW.dueAt(Instant.parse("2026-05-11T09:00:00Z"), LONDON, 5);
        assertThat(due).isEqualTo(Instant.parse("2026-05-18T23:00:00Z"));
    }

    @Test
    void dueAt_loggedOnFriday_skipsTheWeekend() {
        Instant due = EW.dueAt(Instant.parse("2026-05-15T16:00:00Z"), LONDON, 1);
        assertThat(due).isEqualTo(Instant.parse("2026-05-18T23:00:00Z")); // end of Monday 18th
    }

    @Test
    void dueAt_loggedOnSaturday_countsFromTheNextWorkingDay() {
        Instant due = EW.dueAt(Instant.parse("2026-05-16T10:00:00Z"), LONDON, 1);
        assertThat(due).isEqualTo(Instant.parse("2026-05-18T23:00:00Z"));
    }

    @Test
    void dueAt_overEasterBankHolidays_skipsGoodFridayAndEasterMonday() {
        // logged Thursday 2 April 2026; Fri 3rd and Mon 6th are bank holidays: Tue 7th is the 1st working day
        assertThat(EW.dueAt(Instant.parse("2026-04-02T12:00:00Z"), LONDON, 1))
                .isEqualTo(Instant.parse("2026-04-07T23:00:00Z"));
        // 5 working days: 7, 8, 9, 10, 13 April
        assertThat(EW.dueAt(Instant.parse("2026-04-02T12:00:00Z"), LONDON, 5))
                .isEqualTo(Instant.parse("2026-04-13T23:00:00Z"));
    }

    @Test
    void dueAt_overChristmas_skipsSubstituteDayAndNewYear() {
        // logged Thu 24 Dec 2026: 25 (Fri) and 28 (Mon, substitute Boxing Day) are holidays, 1 Jan 2027 too
        // working days: 29, 30, 31 Dec, 4, 5 Jan
        assertThat(EW.dueAt(Instant.parse("2026-12-24T10:00:00Z"), LONDON, 5))
                .isEqualTo(Instant.parse("2027-01-06T00:00:00Z")); // GMT: end of 5 Jan
    }

    @Test
    void dueAt_usesTheLocalDayOfLogging() {
        // 23:30 UTC on Sunday 10 May is already Monday 00:30 in London (BST)
        assertThat(EW.dueAt(Instant.parse("2026-05-10T23:30:00Z"), LONDON, 1))
                .isEqualTo(Instant.parse("2026-05-12T23:00:00Z"));
    }

    @Test
    void dueAt_acrossTheClockChange_endsAtLocalMidnight() {
        // logged Fri 23 Oct 2026 (BST); 1st working day Mon 26 Oct is in GMT: ends 27 Oct 00:00 GMT
        assertThat(EW.dueAt(Instant.parse("2026-10-23T10:00:00Z"), LONDON, 1))
                .isEqualTo(Instant.parse("2026-10-27T00:00:00Z"));
    }
}

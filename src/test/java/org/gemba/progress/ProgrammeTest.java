package org.gemba.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;

class ProgrammeTest {
    private final Programme programme = new Programme(MonthDay.of(4, 1), 6, 2025, new BigDecimal("150"));

    @Test
    void period_ofYear2026_runsFromFirstAprilToThirtyFirstMarchInclusive() {
        assertThat(programme.periodStart(2026)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(programme.periodEnd(2026)).isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void yearOf_thirtyFirstMarch_isThePreviousYear_andFirstApril_theNew() {
        assertThat(programme.yearOf(LocalDate.of(2027, 3, 31))).isEqualTo(2026);
        assertThat(programme.yearOf(LocalDate.of(2027, 4, 1))).isEqualTo(2027);
        assertThat(programme.yearOf(LocalDate.of(2026, 12, 31))).isEqualTo(2026);
    }

    @Test
    void contains_onlyTheConfiguredYears() {
        assertThat(programme.lastYear()).isEqualTo(2030);
        assertThat(programme.contains(2024)).isFalse();
        assertThat(programme.contains(2025)).isTrue();
        assertThat(programme.contains(2030)).isTrue();
        assertThat(programme.contains(2031)).isFalse();
    }

    @Test
    void csvCell_startingWithAFormulaCharacter_isPrefixedWithAnApostrophe() {
        assertThat(CompletionCsv.safe("=cmd()")).isEqualTo("'=cmd()");
        assertThat(CompletionCsv.safe("+SUM(A1)")).isEqualTo("'+SUM(A1)");
        assertThat(CompletionCsv.safe("-1")).isEqualTo("'-1");
        assertThat(CompletionCsv.safe("@x")).isEqualTo("'@x");
        assertThat(CompletionCsv.safe("\tx")).isEqualTo("'\tx");
        assertThat(CompletionCsv.safe("Ann = Bob")).isEqualTo("Ann = Bob");
        assertThat(CompletionCsv.safe("")).isEmpty();
    }
}

package org.gemba.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class HoursTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void between_nightAcrossOctoberChange_isTenHours() {
        var start = LocalDateTime.of(2026, 10, 24, 22, 0).atZone(LONDON).toInstant();
        var end = LocalDateTime.of(2026, 10, 25, 7, 0).atZone(LONDON).toInstant();
        assertThat(Hours.between(start, end)).isEqualByComparingTo("10.00");
    }

    @Test
    void between_nightAcrossMarchChange_isEightHours() {
        var start = LocalDateTime.of(2026, 3, 28, 22, 0).atZone(LONDON).toInstant();
        var end = LocalDateTime.of(2026, 3, 29, 7, 0).atZone(LONDON).toInstant();
        assertThat(Hours.between(start, end)).isEqualByComparingTo("8.00");
    }

    @Test
    void minutes_roundsToTwoPlaces() {
        assertThat(Hours.minutes(100)).isEqualByComparingTo("1.67");
    }

    @Test
    void window_readsInTheSitesZone() {
        var start = LocalDateTime.of(2026, 7, 7, 9, 0).atZone(LONDON).toInstant();
        assertThat(Hours.window(start, start.plusSeconds(4 * 3600), LONDON))
                .isEqualTo("Tue 7 Jul 2026, 09:00–13:00 (Europe/London)");
    }
}

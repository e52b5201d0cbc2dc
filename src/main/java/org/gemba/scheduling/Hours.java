package org.gemba.scheduling;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Hours are elapsed time between instants, so a night across a clock change counts what was worked. */
public final class Hours {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private Hours() {}

    public static BigDecimal between(Instant start, Instant end) {
        return minutes(Duration.between(start, end).toMinutes());
    }

    public static BigDecimal minutes(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /** "Tue 5 May 2026, 09:00–13:00 (Europe/London)": how a person reads a shift's window. */
    public static String window(Instant start, Instant end, ZoneId zone) {
        var s = start.atZone(zone);
        var e = end.atZone(zone);
        String endText = s.toLocalDate().equals(e.toLocalDate()) ? TIME.format(e) : DAY.format(e) + " " + TIME.format(e);
        return DAY.format(s) + ", " + TIME.format(s) + "–" + endText + " (" + zone.getId() + ")";
    }
}

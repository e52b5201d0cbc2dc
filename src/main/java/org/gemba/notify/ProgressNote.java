package org.gemba.notify;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.gemba.progress.ProgressRow;
import org.gemba.progress.SuggestionService;

/** The words of the monthly progress note (pure, so it is easy to read and to test). */
final class ProgressNote {
    private ProgressNote() {}

    static String subject(ProgressRow p) {
        return "AT_RISK".equals(p.status())
                ? "Your back-to-the-floor hours: book shifts to stay on track"
                : "Your back-to-the-floor hours: you are behind for " + p.year();
    }

    static String body(ProgressRow p, List<SuggestionService.Suggestion> shifts, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        b.append("Programme year ").append(p.year()).append(" (").append(ShiftReminders.DAY.format(p.periodStart()))
                .append(" – ").append(ShiftReminders.DAY.format(p.periodEnd())).append("):\n")
                .append("- completed: ").append(hours(p.completedHours())).append('\n')
                .append("- expected by now: ").append(hours(p.expectedToDateHours())).append('\n')
                .append("- booked ahead: ").append(hours(p.bookedHours())).append('\n')
                .append("- target for the year: ").append(hours(p.targetHours())).append("\n\n");
        if ("AT_RISK".equals(p.status())) {
            b.append("Your booked shifts will bring you up to where you should be, as long as you attend them; "
                    + "booking one more gives you room if one is cancelled.\n\n");
        } else {
            BigDecimal gap = p.expectedToDateHours().subtract(p.completedHours().add(p.bookedHours()));
            b.append("Even with the shifts you have booked you are ").append(hours(gap))
                    .append(" short of where you should be by now.\n\n");
        }
        if (shifts.isEmpty()) {
            b.append("There is no open shift you could book in the next 90 days just now; new shifts are added "
                    + "often, so please look again soon.\n");
        } else {
            b.append("Shifts you could book:\n");
            for (SuggestionService.Suggestion s : shifts) {
                b.append("- ").append(s.placementName()).append(", ").append(s.siteName()).append(": ")
                        .append(ShiftReminders.DAY.format(s.start().atZone(zone))).append(' ')
                        .append(ShiftReminders.TIME.format(s.start().atZone(zone))).append('–')
                        .append(ShiftReminders.TIME.format(s.end().atZone(zone))).append(" (")
                        .append(s.reason()).append(")\n");
            }
        }
        b.append("\nWe send this note once a month to leaders whose hours are at risk or behind, "
                + "so there is time to catch up before the year ends.");
        return b.toString();
    }

    private static String hours(BigDecimal h) {
        return h.stripTrailingZeros().toPlainString() + (h.compareTo(BigDecimal.ONE) == 0 ? " hour" : " hours");
    }
}

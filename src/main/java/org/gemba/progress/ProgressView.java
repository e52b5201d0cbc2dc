package org.gemba.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A leader's progress as the API shows it; the report adds name, e-mail, grade and directorate. */
public record ProgressView(UUID leaderId, String name, String email, String grade, String directorate, int year,
                           LocalDate periodStart, LocalDate periodEnd, BigDecimal targetHours,
                           BigDecimal completedHours, BigDecimal bookedHours, BigDecimal expectedToDateHours,
                           BigDecimal remainingHours, String status, boolean promotionHold) {

    public static ProgressView of(ProgressRow r) {
        return new ProgressView(r.leaderId(), r.name(), r.email(), r.grade(), r.directorate(), r.year(),
                r.periodStart(), r.periodEnd(), r.targetHours(), r.completedHours(), r.bookedHours(),
                r.expectedToDateHours(), r.remainingHours(), r.status(), r.promotionHold());
    }
}

package org.gemba.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One leader's progress for one programme year, as computed by {@link ProgressQuery}. */
public record ProgressRow(UUID leaderId, String name, String email, String grade, String directorate,
                          int year, LocalDate periodStart, LocalDate periodEnd, BigDecimal targetHours,
                          BigDecimal completedHours, BigDecimal bookedHours, BigDecimal expectedToDateHours,
                          BigDecimal remainingHours, String status, boolean promotionHold, int severity) {}

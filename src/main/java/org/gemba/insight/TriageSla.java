package org.gemba.insight;

import java.time.Instant;
import java.time.ZoneId;

/** When triage of an observation is due: a SAFETY_CONCERN sooner than the rest. */
public record TriageSla(WorkingDays workingDays, int workingDaysToTriage, int safetyConcernWorkingDays) {

    public Instant dueAt(InsightTypes.Kind kind, Instant loggedAt, ZoneId zone) {
        int n = kind == InsightTypes.Kind.SAFETY_CONCERN ? safetyConcernWorkingDays : workingDaysToTriage;
        return workingDays.dueAt(loggedAt, zone, n);
    }
}

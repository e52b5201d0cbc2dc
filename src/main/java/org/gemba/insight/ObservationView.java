package org.gemba.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An observation as its author and the improvement team see it. {@code actions} only on the single read. */
public record ObservationView(UUID id, UUID authorId, UUID bookingId, UUID siteId, UUID placementId,
                              Instant observedAt, Instant loggedAt, String text, String kind, String criterion,
                              String cause, List<String> tags, String status, String priority, String theme,
                              String team, Instant triageDueAt, Instant triagedAt, boolean overdue,
                              Instant declinedAt, String declineReason, Instant closedAt, String outcome,
                              int version,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<Action> actions) {

    public record Action(UUID id, String title, String status, LocalDate dueDate, String outcome, Instant completedAt) {
        static Action of(ObservationDao.LinkedAction a) {
            return new Action(a.id(), a.title(), a.status(), a.dueDate(), a.outcome(), a.completedAt());
        }
    }

    public static ObservationView of(ObservationRow r, Instant now) {
        return of(r, now, null);
    }

    /** With its linked actions; the outcome is what the finished actions achieved (newest last). */
    public static ObservationView of(ObservationRow r, Instant now, List<ObservationDao.LinkedAction> linked) {
        String outcome = linked == null ? null : linked.stream()
                .filter(a -> "DONE".equals(a.status()) && a.outcome() != null)
                .map(ObservationDao.LinkedAction::outcome)
                .reduce((a, b) -> a + "\n" + b).orElse(null);
        return new ObservationView(r.id(), r.authorId(), r.bookingId(), r.siteId(), r.placementId(), r.observedAt(),
                r.loggedAt(), r.text(), r.kind(), r.criterion(), r.cause(), Arrays.asList(r.tags()), r.status(),
                r.priority(), r.theme(), r.team(), r.triageDueAt(), r.triagedAt(), r.overdue(now), r.declinedAt(),
                r.declineReason(), r.closedAt(), outcome, r.version(),
                linked == null ? null : linked.stream().map(Action::of).toList());
    }
}

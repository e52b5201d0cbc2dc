package org.gemba.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An improvement action; {@code notes} and {@code observations} only on the single read. */
public record ActionView(UUID id, String title, String description, UUID ownerId, String ownerName,
                         LocalDate dueDate, String status, boolean overdue, String outcome, String cancelReason,
                         UUID createdBy, Instant createdAt, Instant updatedAt, Instant completedAt,
                         Instant cancelledAt, int version, List<UUID> observationIds,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<ActionDao.NoteRow> notes,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<ActionDao.LinkedObservation> observations) {

    public static ActionView of(ActionRow r, LocalDate today) {
        return of(r, today, null, null);
    }

    public static ActionView of(ActionRow r, LocalDate today, List<ActionDao.NoteRow> notes,
                                List<ActionDao.LinkedObservation> observations) {
        return new ActionView(r.id(), r.title(), r.description(), r.ownerId(), r.ownerName(), r.dueDate(), r.status(),
                r.overdue(today), r.outcome(), r.cancelReason(), r.createdBy(), r.createdAt(), r.updatedAt(),
                r.completedAt(), r.cancelledAt(), r.version(), List.of(r.observationIds()), notes, observations);
    }
}

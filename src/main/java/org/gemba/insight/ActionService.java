package org.gemba.insight;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Caller;
import org.gemba.common.ApiException;
import org.gemba.common.ErrorCode;
import org.gemba.common.UserId;
import org.gemba.common.Versions;
import org.gemba.insight.InsightTypes.ActionStatus;
import org.gemba.notify.NotificationType;
import org.gemba.notify.Notifications;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Improvement actions: OPEN → IN_PROGRESS → DONE/CANCELLED (OPEN may finish directly). Finishing or
 * unlinking moves the linked observations through {@link ObservationLifecycle} in the same transaction.
 */
public class ActionService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final Notifications notifications;
    private final ObservationLifecycle lifecycle;
    private final Runnable afterTextChange;

    /**
     * {@code afterTextChange} runs once an action whose embedded text changed (created, retitled,
     * (un)linked) is committed: it queues the embedding.
     */
    public ActionService(Jdbi jdbi, Clock clock, AuditLog audit, Notifications notifications,
                         ObservationLifecycle lifecycle, Runnable afterTextChange) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.notifications = notifications;
        this.lifecycle = lifecycle;
        this.afterTextChange = afterTextChange;
    }

    /** Today in the organisation's zone: an action is overdue from the day after its due date. */
    public LocalDate today(Caller caller) {
        return LocalDate.ofInstant(clock.instant(), caller.zone());
    }

    public ActionRow find(Caller caller, UUID id) {
        return jdbi.onDemand(ActionDao.class).find(caller.orgId().value(), id)
                .orElseThrow(() -> ApiException.notFound("Action"));
    }

    public ActionRow create(Caller caller, ActionRequests.Create req) {
        Instant now = clock.instant();
        ActionRow created = jdbi.inTransaction(h -> {
            ActionDao dao = h.attach(ActionDao.class);
            UUID org = caller.orgId().value();
            if (!dao.activeUser(org, req.ownerId())) {
                throw ApiException.invalid("ownerId", "names no active user of the organisation");
            }
            UUID id = dao.insert(org, req.title().strip(), blankToNull(req.description()), req.ownerId(), req.dueDate(),
                    caller.id().value(), now);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("title", req.title().strip());
            changes.put("ownerId", req.ownerId());
            changes.put("dueDate", req.dueDate());
            audit.record(h, caller.orgId(), caller.id(), "ACTION", id, "CREATED", changes, null);
            if (req.observationIds() != null && !req.observationIds().isEmpty()) {
                lifecycle.link(h, caller, id, req.title().strip(), req.observationIds(), now, "observationIds");
            }
            ActionRow row = dao.find(org, id).orElseThrow();
            tellOwner(h, caller, row);
            return row;
        });
        afterTextChange.run();
        return created;
    }

    public ActionRow update(Caller caller, UUID id, ActionRequests.Update req, String ifMatch) {
        Instant now = clock.instant();
        ActionRow updated = jdbi.inTransaction(h -> {
            ActionDao dao = h.attach(ActionDao.class);
            ActionRow current = lockUnfinished(dao, caller, id, ifMatch);
            String status = current.status();
            if (req.status() != null) {
                if (req.status() != ActionStatus.IN_PROGRESS) {
                    throw ApiException.invalid("status", "may only be set to IN_PROGRESS here; use /complete or /cancel");
                }
                if (current.state() != ActionStatus.OPEN) {
                    throw transition(current.state(), ActionStatus.IN_PROGRESS);
                }
                status = ActionStatus.IN_PROGRESS.name();
            }
            UUID owner = req.ownerId() == null ? current.ownerId() : req.ownerId();
            if (!owner.equals(current.ownerId()) && !dao.activeUser(caller.orgId().value(), owner)) {
                throw ApiException.invalid("ownerId", "names no active user of the organisation");
            }
            String title = req.title() == null ? current.title() : req.title().strip();
            if (title.isEmpty()) {
                throw ApiException.invalid("title", "must not be blank");
            }
            String description = req.description() == null ? current.description()
                    : blankToNull(req.description().orElse(null));
            LocalDate due = req.dueDate() == null ? current.dueDate() : req.dueDate().orElse(null);
            dao.update(caller.orgId().value(), id, title, description, owner, due, status, now);
            ActionRow row = dao.find(caller.orgId().value(), id).orElseThrow();
            Map<String, Object> changes = new LinkedHashMap<>();
            put(changes, "title", current.title(), row.title());
            put(changes, "description", current.description(), row.description());
            put(changes, "ownerId", current.ownerId(), row.ownerId());
            put(changes, "dueDate", current.dueDate(), row.dueDate());
            put(changes, "status", current.status(), row.status());
            audit.record(h, caller.orgId(), caller.id(), "ACTION", id, "UPDATED", changes, null);
            if (!row.ownerId().equals(current.ownerId())) {
                tellOwner(h, caller, row);
            }
            return row;
        });
        afterTextChange.run();
        return updated;
    }

    public ActionRow link(Caller caller, UUID id, List<UUID> observationIds, String ifMatch) {
        Instant now = clock.instant();
        ActionRow linked = jdbi.inTransaction(h -> {
            ActionDao dao = h.attach(ActionDao.class);
            ActionRow current = lockUnfinished(dao, caller, id, ifMatch);
            lifecycle.link(h, caller, id, current.title(), observationIds, now, "observationIds");
            dao.touch(caller.orgId().value(), id, now);
            audit.record(h, caller.orgId(), caller.id(), "ACTION", id, "LINKED",
                    Map.of("observationIds", observationIds), null);
            return dao.find(caller.orgId().value(), id).orElseThrow();
        });
        afterTextChange.run();
        return linked;
    }

    /** Unlinks one observation from an unfinished action; 404 when they are not linked. */
    public void unlink(Caller caller, UUID id, UUID observationId, String ifMatch) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            ActionDao dao = h.attach(ActionDao.class);
            lockUnfinished(dao, caller, id, ifMatch);
            if (h.attach(ObservationDao.class).unlink(caller.orgId().value(), id, observationId) == 0) {
                throw ApiException.notFound("Link");
            }
            dao.touch(caller.orgId().value(), id, now);
            audit.record(h, caller.orgId(), caller.id(), "ACTION", id, "UNLINKED",
                    Map.of("observationId", observationId), null);
            lifecycle.settle(h, caller, List.of(observationId), now, "unlinked from an action");
        });
        afterTextChange.run();
    }

    public ActionDao.NoteRow addNote(Caller caller, UUID id, ActionRequests.Note req) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            ActionDao dao = h.attach(ActionDao.class);
            dao.lock(caller.orgId().value(), id).orElseThrow(() -> ApiException.notFound("Action"));
            ActionDao.NoteRow note = dao.addNote(caller.orgId().value(), id, caller.id().value(), req.text().strip(), now);
            audit.record(h, caller.orgId(), caller.id(), "ACTION", id, "NOTE_ADDED", Map.of("noteId", note.id()), null);
            return note;
        });
    }

    public ActionRow complete(Caller caller, UUID id, ActionRequests.Complete req, String ifMatch) {
        return finish(caller, id, ActionStatus.DONE, req.outcome().strip(), ifMatch);
    }

    public ActionRow cancel(Caller caller, UUID id, ActionRequests.Cancel req, String ifMatch) {
        return finish(caller, id, ActionStatus.CANCELLED, req.reason().strip(), ifMatch);
    }

    private ActionRow finish(Caller caller, UUID id, ActionStatus to, String text, String ifMatch) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            ActionDao dao = h.attach(ActionDao.class);
            ActionRow current = dao.lock(caller.orgId().value(), id).orElseThrow(() -> ApiException.notFound("Action"));
            Versions.checkIfMatch(ifMatch, current.version());
            if (current.state().finished()) {
                throw transition(current.state(), to);
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            put(changes, "status", current.status(), to.name());
            if (to == ActionStatus.DONE) {
                dao.complete(caller.orgId().value(), id, text, now);
                changes.put("outcome", text);
                audit.record(h, caller.orgId(), caller.id(), "ACTION", id, "DONE", changes, null);
            } else {
                dao.cancel(caller.orgId().value(), id, text, now);
                audit.record(h, caller.orgId(), caller.id(), "ACTION", id, "CANCELLED", changes, text);
            }
            lifecycle.settle(h, caller, List.of(current.observationIds()), now,
                    to == ActionStatus.DONE ? "action '" + current.title() + "' done: " + text
                            : "action '" + current.title() + "' cancelled: " + text);
            return dao.find(caller.orgId().value(), id).orElseThrow();
        });
    }

    private void tellOwner(Handle h, Caller caller, ActionRow row) {
        notifications.notify(h, caller.orgId(), new UserId(row.ownerId()), NotificationType.ACTION_ASSIGNED,
                "Improvement action assigned to you: " + row.title(),
                caller.name() + " made you the owner of the improvement action '" + row.title() + "'"
                        + (row.dueDate() == null ? "" : ", due " + row.dueDate()) + ", linked to "
                        + row.observationIds().length + " observation(s).",
                "ACTION", row.id());
    }

    private static ActionRow lockUnfinished(ActionDao dao, Caller caller, UUID id, String ifMatch) {
        ActionRow current = dao.lock(caller.orgId().value(), id).orElseThrow(() -> ApiException.notFound("Action"));
        Versions.checkIfMatch(ifMatch, current.version());
        if (current.state().finished()) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION,
                    "The action is " + current.status() + "; a finished action cannot change.");
        }
        return current;
    }

    private static ApiException transition(ActionStatus from, ActionStatus to) {
        return new ApiException(ErrorCode.INVALID_TRANSITION, "An action that is " + from + " cannot become " + to + ".");
    }

    private static void put(Map<String, Object> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, ObservationLifecycle.change(before, after));
        }
    }

    private static String blankToNull(String s) {
        return Optional.ofNullable(s).filter(v -> !v.isBlank()).map(String::strip).orElse(null);
    }
}

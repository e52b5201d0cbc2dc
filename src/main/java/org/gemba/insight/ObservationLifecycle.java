package org.gemba.insight;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Caller;
import org.gemba.common.ApiException;
import org.gemba.common.ErrorCode;
import org.gemba.common.UserId;
import org.gemba.insight.InsightTypes.ObservationStatus;
import org.gemba.notify.NotificationType;
import org.gemba.notify.Notifications;
import org.jdbi.v3.core.Handle;

/**
 * How links to actions move observations: linking makes them ACTIONED (a NEW one counts as
 * triaged then); when an action finishes or is unlinked, each observation goes where its
 * remaining actions say — ACTIONED while any is unfinished, CLOSED once some are done and none
 * is unfinished, back to TRIAGED when none is left.
 */
public class ObservationLifecycle {
    private final AuditLog audit;
    private final Notifications notifications;

    public ObservationLifecycle(AuditLog audit, Notifications notifications) {
        this.audit = audit;
        this.notifications = notifications;
    }

    /** Links observations to an unfinished action; unknown ids are a field problem of {@code field}. */
    public void link(Handle h, Caller actor, UUID actionId, String actionTitle, Collection<UUID> ids, Instant now,
                     String field) {
        ObservationDao dao = h.attach(ObservationDao.class);
        UUID[] wanted = ids.stream().distinct().toArray(UUID[]::new);
        List<ObservationRow> rows = dao.lockAll(actor.orgId().value(), wanted);
        if (rows.size() != wanted.length) {
            throw ApiException.invalid(field, "names an observation that does not exist");
        }
        for (ObservationRow row : rows) {
            ObservationStatus from = row.state();
            if (from == ObservationStatus.DECLINED || from == ObservationStatus.CLOSED) {
                throw new ApiException(ErrorCode.INVALID_TRANSITION,
                        "Observation " + row.id() + " is " + from + " and cannot be linked to an action.");
            }
            if (dao.link(actor.orgId().value(), actionId, row.id(), actor.id().value(), now) == 0
                    || from == ObservationStatus.ACTIONED) {
                continue;
            }
            ObservationRow moved = dao.moveTo(actor.orgId().value(), row.id(), ObservationStatus.ACTIONED.name(), now,
                    actor.id().value());
            audit.record(h, actor.orgId(), actor.id(), "OBSERVATION", row.id(), "ACTIONED",
                    Map.of("status", change(from.name(), moved.status()), "actionId", actionId), null);
            if (from == ObservationStatus.NEW) {
                notifications.notify(h, actor.orgId(), new UserId(row.authorId()), NotificationType.OBSERVATION_TRIAGED,
                        "Your observation is being acted on",
                        actor.name() + " linked your observation of " + row.observedAt() + " to the improvement action '"
                                + actionTitle + "'. You will hear the outcome when it is done.",
                        "OBSERVATION", row.id());
            }
        }
    }

    /** Re-reads the actions of each observation and moves it where they say; tells authors of closed ones. */
    public void settle(Handle h, Caller actor, Collection<UUID> ids, Instant now, String why) {
        if (ids.isEmpty()) {
            return;
        }
        ObservationDao dao = h.attach(ObservationDao.class);
        for (ObservationRow row : dao.lockAll(actor.orgId().value(), ids.toArray(UUID[]::new))) {
            if (row.state() != ObservationStatus.ACTIONED) {
                continue;
            }
            ObservationDao.ActionCounts counts = dao.actionCounts(actor.orgId().value(), row.id());
            ObservationStatus target = counts.unfinished() > 0 ? ObservationStatus.ACTIONED
                    : counts.done() > 0 ? ObservationStatus.CLOSED : ObservationStatus.TRIAGED;
            if (target == row.state()) {
                continue;
            }
            ObservationRow moved = dao.moveTo(actor.orgId().value(), row.id(), target.name(), now, actor.id().value());
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("status", change(row.status(), moved.status()));
            audit.record(h, actor.orgId(), actor.id(), "OBSERVATION", row.id(), target.name(), changes, why);
            if (target == ObservationStatus.CLOSED) {
                notifyClosed(h, actor, moved);
            }
        }
    }

    private void notifyClosed(Handle h, Caller actor, ObservationRow row) {
        List<ObservationDao.LinkedAction> done = h.attach(ObservationDao.class)
                .linkedActions(actor.orgId().value(), new UUID[] {row.id()}).stream()
                .filter(a -> "DONE".equals(a.status())).toList();
        String outcomes = done.stream().map(a -> "- " + a.title() + ": " + a.outcome())
                .collect(Collectors.joining("\n"));
        notifications.notify(h, actor.orgId(), new UserId(row.authorId()), NotificationType.OBSERVATION_CLOSED,
                "You said, we did: your observation is closed",
                "Every action taken on your observation of " + row.observedAt() + " is done. What was done:\n"
                        + outcomes + "\n\nYour observation: " + abbreviate(row.text()),
                "OBSERVATION", row.id());
    }

    static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        return m;
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }
}

package org.gemba.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Caller;
import org.gemba.auth.Role;
import org.gemba.common.ApiException;
import org.gemba.common.Checks;
import org.gemba.common.ErrorCode;
import org.gemba.common.UserId;
import org.gemba.common.Versions;
import org.gemba.insight.InsightTypes.ObservationStatus;
import org.gemba.notify.NotificationType;
import org.gemba.notify.Notifications;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Logging, reading, triaging and declining observations; each change audited in its transaction. */
public class ObservationService {
    /** A device clock a little ahead of ours is not "the future". */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Jdbi jdbi;
    private final Clock clock;
    private final TriageSla sla;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Runnable afterLog;

    public ObservationService(Jdbi jdbi, Clock clock, TriageSla sla, AuditLog audit, Notifications notifications) {
        this(jdbi, clock, sla, audit, notifications, () -> { });
    }

    /** {@code afterLog} runs once a new observation is committed (it queues the embedding). */
    public ObservationService(Jdbi jdbi, Clock clock, TriageSla sla, AuditLog audit, Notifications notifications,
                              Runnable afterLog) {
        this.afterLog = afterLog;
        this.jdbi = jdbi;
        this.clock = clock;
        this.sla = sla;
        this.audit = audit;
        this.notifications = notifications;
    }

    public Instant now() {
        return clock.instant();
    }

    /** IMPROVEMENT and ADMIN see every observation of the organisation; anyone else only their own. */
    public static boolean seesAll(Caller caller) {
        return caller.hasAny(Role.IMPROVEMENT, Role.ADMIN);
    }

    public ObservationRow create(Caller caller, ObservationRequests.Create req) {
        Instant now = clock.instant();
        Instant observedAt = req.observedAt() == null ? now : req.observedAt().toInstant();
        List<String> tags = req.tags() == null ? List.of()
                : req.tags().stream().map(String::trim).distinct().toList();
        Checks.start().require(!observedAt.isAfter(now.plus(CLOCK_SKEW)), "observedAt", "must not be in the future")
                .require(req.bookingId() != null || req.siteId() != null, "siteId", "is required without a bookingId")
                .orThrow();
        ObservationRow created = jdbi.inTransaction(h -> {
            ObservationDao dao = h.attach(ObservationDao.class);
            UUID org = caller.orgId().value();
            UUID siteId = req.siteId();
            UUID placementId = null;
            if (req.bookingId() != null) {
                ObservationDao.Place place = dao.bookingPlace(org, req.bookingId(), caller.id().value())
                        .orElseThrow(() -> ApiException.invalid("bookingId", "is not one of your bookings"));
                if (siteId != null && !siteId.equals(place.siteId())) {
                    throw ApiException.invalid("siteId", "is not the site of the booking");
                }
                siteId = place.siteId();
                placementId = place.placementId();
            } else if (!dao.siteExists(org, siteId)) {
                throw ApiException.invalid("siteId", "names a site that does not exist");
            }
            ZoneId zone = caller.zone();
            ObservationRow row = dao.insert(org, caller.id().value(), req.bookingId(), siteId, placementId, observedAt,
                    now, req.text().strip(), req.kind().name(), name(req.criterion()), name(req.cause()),
                    tags.toArray(String[]::new), sla.dueAt(req.kind(), now, zone));
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("kind", row.kind());
            changes.put("siteId", row.siteId());
            changes.put("bookingId", row.bookingId());
            changes.put("triageDueAt", row.triageDueAt());
            audit.record(h, caller.orgId(), caller.id(), "OBSERVATION", row.id(), "CREATED", changes, null);
            if (req.kind() == InsightTypes.Kind.SAFETY_CONCERN) {
                tellImprovementTeam(h, caller, row);
            }
            return row;
        });
        afterLog.run();
        return created;
    }

    private void tellImprovementTeam(Handle h, Caller caller, ObservationRow row) {
        for (UUID user : h.attach(ObservationDao.class).improvementUsers(caller.orgId().value())) {
            notifications.notify(h, caller.orgId(), new UserId(user), NotificationType.SAFETY_CONCERN_LOGGED,
                    "Safety concern logged: triage due by " + row.triageDueAt(),
                    caller.name() + " logged a safety concern. Triage is due by " + row.triageDueAt()
                            + " (1 working day).\n\n" + ObservationLifecycle.abbreviate(row.text()),
                    "OBSERVATION", row.id());
        }
    }

    /** The observation if the caller may see it (author, IMPROVEMENT, ADMIN); otherwise 404. */
    public ObservationRow visible(Caller caller, UUID id) {
        ObservationRow row = jdbi.onDemand(ObservationDao.class).find(caller.orgId().value(), id)
                .orElseThrow(() -> ApiException.notFound("Observation"));
        if (!seesAll(caller) && !row.authorId().equals(caller.id().value())) {
            throw ApiException.notFound("Observation");
        }
        return row;
    }

    public List<ObservationDao.LinkedAction> actionsOf(Caller caller, UUID id) {
        return jdbi.onDemand(ObservationDao.class).linkedActions(caller.orgId().value(), new UUID[] {id});
    }

    public ObservationRow triage(Caller caller, UUID id, ObservationRequests.Triage req, String ifMatch) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            ObservationDao dao = h.attach(ObservationDao.class);
            ObservationRow current = lockForTransition(dao, caller, id, ifMatch, ObservationStatus.TRIAGED, ObservationStatus.NEW);
            ObservationRow row = dao.triage(caller.orgId().value(), id, req.priority().name(), req.theme().strip(),
                    req.criterion().name(), req.cause().name(), blankToNull(req.team()), now, caller.id().value());
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("status", ObservationLifecycle.change(current.status(), row.status()));
            changes.put("priority", row.priority());
            changes.put("theme", row.theme());
            changes.put("criterion", ObservationLifecycle.change(current.criterion(), row.criterion()));
            changes.put("cause", ObservationLifecycle.change(current.cause(), row.cause()));
            changes.put("team", row.team());
            audit.record(h, caller.orgId(), caller.id(), "OBSERVATION", id, "TRIAGED", changes, null);
            notifications.notify(h, caller.orgId(), new UserId(row.authorId()), NotificationType.OBSERVATION_TRIAGED,
                    "Your observation has been triaged",
                    caller.name() + " triaged your observation of " + row.observedAt() + ": priority " + row.priority()
                            + ", theme '" + row.theme() + "'" + (row.team() == null ? "" : ", owned by " + row.team())
                            + ".\n\nYour observation: " + ObservationLifecycle.abbreviate(row.text()),
                    "OBSERVATION", id);
            return row;
        });
    }

    public ObservationRow decline(Caller caller, UUID id, ObservationRequests.Decline req, String ifMatch) {
        Instant now = clock.instant();
        String reason = req.reason().strip();
        return jdbi.inTransaction(h -> {
            ObservationDao dao = h.attach(ObservationDao.class);
            ObservationRow current = lockForTransition(dao, caller, id, ifMatch, ObservationStatus.DECLINED,
                    ObservationStatus.NEW, ObservationStatus.TRIAGED);
            ObservationRow row = dao.decline(caller.orgId().value(), id, reason, now);
            audit.record(h, caller.orgId(), caller.id(), "OBSERVATION", id, "DECLINED",
                    Map.of("status", ObservationLifecycle.change(current.status(), row.status())), reason);
            notifications.notify(h, caller.orgId(), new UserId(row.authorId()), NotificationType.OBSERVATION_DECLINED,
                    "Your observation was declined",
                    caller.name() + " declined your observation of " + row.observedAt() + ". Why: " + reason
                            + "\n\nYour observation: " + ObservationLifecycle.abbreviate(row.text()),
                    "OBSERVATION", id);
            return row;
        });
    }

    private static ObservationRow lockForTransition(ObservationDao dao, Caller caller, UUID id, String ifMatch,
                                                    ObservationStatus to, ObservationStatus... allowedFrom) {
        ObservationRow current = dao.lock(caller.orgId().value(), id)
                .orElseThrow(() -> ApiException.notFound("Observation"));
        Versions.checkIfMatch(ifMatch, current.version());
        if (!List.of(allowedFrom).contains(current.state())) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION,
                    "An observation that is " + current.status() + " cannot become " + to + ".");
        }
        return current;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

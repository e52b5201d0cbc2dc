package org.gemba.scheduling;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Role;
import org.gemba.common.ApiException;
import org.gemba.common.OrgId;
import org.gemba.common.UserId;
import org.gemba.notify.NotificationType;
import org.gemba.notify.Notifications;
import org.gemba.people.UserDao;
import org.gemba.people.UserRow;
import org.jdbi.v3.core.Handle;

/**
 * Fills freed places from a shift's waitlist inside the transaction that freed them. Waiting
 * leaders are taken in order; the first for whom the booking is still valid is booked, and each
 * one passed over is marked SKIPPED and told why. The notice rule is not applied (a place that frees
 * late is still worth having), but nobody is promoted onto a shift that has already started.
 */
final class Waitlist {
    private final AuditLog audit;
    private final Notifications notifications;

    Waitlist(AuditLog audit, Notifications notifications) {
        this.audit = audit;
        this.notifications = notifications;
    }

    /** The shift must be locked by the caller ({@link Booker#lockShift}). */
    void fill(Handle h, OrgId orgId, UUID shiftId, UserId actor, Instant now) {
        ShiftDao shifts = h.attach(ShiftDao.class);
        WaitlistDao waitlist = h.attach(WaitlistDao.class);
        UserDao users = h.attach(UserDao.class);
        while (true) {
            ShiftRow shift = shifts.find(orgId.value(), shiftId).orElseThrow();
            if (shift.cancelled() || shift.full() || !shift.startsAt().isAfter(now)) {
                return;
            }
            Optional<WaitlistDao.Entry> next = waitlist.queue(orgId.value(), shiftId).stream().findFirst();
            if (next.isEmpty()) {
                return;
            }
            WaitlistDao.Entry entry = next.get();
            UserRow leader = users.find(orgId.value(), entry.leaderId()).orElseThrow();
            String when = Hours.window(shift.startsAt(), shift.endsAt(), shift.zone());
            String what = shift.placementName() + " at " + shift.siteName() + ", " + when;
            h.savepoint("promote");
            try {
                if (!leader.active() || !java.util.List.of(leader.roles()).contains(Role.LEADER.name())) {
                    throw ApiException.forbidden("your account is no longer an active leader");
                }
                UUID bookingId = Booker.place(h, orgId.value(), shift, leader, actor == null ? leader.id() : actor.value(),
                        false, "waitlist", now);
                h.releaseSavepoint("promote");
                waitlist.resolve(orgId.value(), entry.id(), "PROMOTED", null, now);
                audit.record(h, orgId, actor, "BOOKING", bookingId, "CREATED",
                        Map.of("shiftId", shiftId, "leaderId", leader.id(), "from", "waitlist"), "place freed on the waitlist");
                notifications.notify(h, orgId, new UserId(leader.id()), NotificationType.WAITLIST_PROMOTED,
                        "You have a place: " + shift.placementName(),
                        "A place came free and you were next on the waitlist, so you are now booked on " + what + ".",
                        "BOOKING", bookingId);
            } catch (ApiException refused) {
                h.rollbackToSavepoint("promote");
                String why = refused.getMessage();
                waitlist.resolve(orgId.value(), entry.id(), "SKIPPED", why, now);
                audit.record(h, orgId, actor, "WAITLIST", entry.id(), "SKIPPED", Map.of("shiftId", shiftId,
                        "leaderId", leader.id()), why);
                notifications.notify(h, orgId, new UserId(leader.id()), NotificationType.WAITLIST_SKIPPED,
                        "Waitlist place passed on: " + shift.placementName(),
                        "A place came free on " + what + ", but we could not book you: " + why
                                + " The place went to the next person waiting.",
                        "SHIFT", shiftId);
            }
        }
    }
}

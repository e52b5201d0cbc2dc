package org.gemba.scheduling;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Caller;
import org.gemba.common.ApiException;
import org.gemba.common.ErrorCode;
import org.gemba.common.Id;
import org.gemba.people.UserDao;
import org.gemba.people.UserRow;
import org.jdbi.v3.core.Jdbi;

/**
 * A leader's place in a full shift's queue. Joining is only for full shifts (with a free place the
 * leader should book), and the placement's trainings and directorate rule are checked up front so
 * nobody queues for a shift they could never get.
 */
@Path("/api/v1/shifts/{id}/waitlist")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("LEADER")
public class WaitlistResource {
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public WaitlistResource(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** 201 {position}; 404 unknown shift; 409 SHIFT_CANCELLED, ALREADY_BOOKED, CONFLICT (not full, already waiting). */
    @POST
    public Response join(@Auth Caller caller, @PathParam("id") String id) {
        UUID shiftId = Id.fromPath(id, "Shift");
        UUID org = caller.orgId().value();
        WaitlistDao.Entry entry = jdbi.inTransaction(h -> {
            ShiftRow shift = Booker.lockShift(h, org, shiftId);
            if (shift == null) {
                throw ApiException.notFound("Shift");
            }
            Instant now = clock.instant();
            if (shift.cancelled()) {
                throw new ApiException(ErrorCode.SHIFT_CANCELLED, "The shift has been cancelled.");
            }
            if (!shift.startsAt().isAfter(now)) {
                throw new ApiException(ErrorCode.TOO_LATE_TO_BOOK, "The shift has already started.");
            }
            UserRow leader = h.attach(UserDao.class).find(org, caller.id().value()).orElseThrow();
            if (h.attach(BookingDao.class).hasLiveBooking(org, shiftId, leader.id())) {
                throw new ApiException(ErrorCode.ALREADY_BOOKED, "You are already booked on this shift.");
            }
            WaitlistDao waitlist = h.attach(WaitlistDao.class);
            var existing = waitlist.waiting(org, shiftId, leader.id());
            if (existing.isPresent()) {
                throw new ApiException(ErrorCode.CONFLICT, "You are already on this waitlist, at position "
                        + existing.get().position() + ".");
            }
            if (!shift.full()) {
                throw new ApiException(ErrorCode.CONFLICT, "The shift has free places: book it instead.");
            }
            Booker.checkStatic(h, org, shift, leader);
            UUID entryId = SchedulingErrors.translate(() -> waitlist.insert(org, shiftId, leader.id()));
            audit.record(h, caller.orgId(), caller.id(), "WAITLIST", entryId, "JOINED", Map.of("shiftId", shiftId), null);
            return waitlist.find(org, entryId).orElseThrow();
        });
        return Response.created(URI.create("/api/v1/shifts/" + shiftId + "/waitlist")).entity(entry).build();
    }

    /** 204; 404 when the caller is not waiting for this shift. */
    @DELETE
    public Response leave(@Auth Caller caller, @PathParam("id") String id) {
        UUID shiftId = Id.fromPath(id, "Shift");
        UUID org = caller.orgId().value();
        jdbi.useTransaction(h -> {
            WaitlistDao waitlist = h.attach(WaitlistDao.class);
            WaitlistDao.Entry e = waitlist.waiting(org, shiftId, caller.id().value())
                    .orElseThrow(() -> ApiException.notFound("Waitlist place"));
            waitlist.resolve(org, e.id(), "LEFT", null, clock.instant());
            audit.record(h, caller.orgId(), caller.id(), "WAITLIST", e.id(), "LEFT", Map.of("shiftId", shiftId), null);
        });
        return Response.noContent().build();
    }
}

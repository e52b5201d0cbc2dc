package org.gemba.scheduling;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gemba.auth.Caller;
import org.gemba.auth.Role;
import org.gemba.common.ApiException;
import org.gemba.common.CursorCodec;
import org.gemba.common.Id;
import org.gemba.common.Page;
import org.gemba.common.PageRequest;
import org.gemba.common.QueryParams;
import org.gemba.common.Versions;
import org.jdbi.v3.core.Jdbi;

/** Bookings: leaders book their own, HR and ADMIN for anyone; hosts record attendance. */
@Path("/api/v1/bookings")
@Produces(MediaType.APPLICATION_JSON)
public class BookingResource {
    enum Status { BOOKED, ATTENDED, NO_SHOW, CANCELLED }

    private final Jdbi jdbi;
    private final BookingService bookings;
    private final AttendanceService attendance;
    private final CursorCodec cursors;

    public BookingResource(Jdbi jdbi, BookingService bookings, AttendanceService attendance, CursorCodec cursors) {
        this.jdbi = jdbi;
        this.bookings = bookings;
        this.attendance = attendance;
        this.cursors = cursors;
    }

    /**
     * 201 the booking with Location (or the first answer again for a repeated Idempotency-Key);
     * 403 a leader booking for someone else or overriding; 409 SHIFT_FULL, OVERLAPPING_BOOKING,
     * TOO_LATE_TO_BOOK, SHIFT_CANCELLED, ALREADY_BOOKED, PLACEMENT_WEEKLY_CAP, OWN_DIRECTORATE;
     * 422 MISSING_TRAINING, IDEMPOTENCY_KEY_REUSED, unknown shiftId/leaderId, reason missing with override.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"LEADER", "HR", "ADMIN"})
    public Response book(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key,
                         @NotNull @Valid BookingRequests.Book body) {
        BookingService.Answer a = bookings.book(caller, body, key);
        Response.ResponseBuilder r = Response.status(a.status()).type(MediaType.APPLICATION_JSON).entity(a.json());
        if (a.status() == 201 && a.id() != null) {
            r.location(URI.create("/api/v1/bookings/" + a.id()));
        }
        return r.build();
    }

    /** 200 a page by shift start; a leader sees their own (403 for another leader's id). */
    @GET
    @RolesAllowed({"LEADER", "HR", "ADMIN"})
    public Page<BookingView> list(@Auth Caller caller, @QueryParam("leaderId") String leaderId,
                                  @QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("status") String status, @QueryParam("limit") Integer limit,
                                  @QueryParam("cursor") String cursor) {
        UUID leader = QueryParams.uuid("leaderId", leaderId);
        Status s = QueryParams.enumValue("status", status, Status.class);
        Instant f = QueryParams.bound("from", from, caller.zone(), false);
        Instant t = QueryParams.bound("to", to, caller.zone(), true);
        if (!caller.isOffice()) {
            if (leader != null && !leader.equals(caller.id().value())) {
                throw ApiException.forbidden("Leaders see only their own bookings.");
            }
            leader = caller.id().value();
        }
        PageRequest page = PageRequest.of(limit, cursor, cursors, 2);
        List<BookingRow> rows = jdbi.onDemand(BookingDao.class).list(caller.orgId().value(), leader,
                s == null ? null : s.name(), f, t,
                page.after() == null ? null : QueryParams.instant("cursor", page.after(0)),
                page.after() == null ? null : QueryParams.uuid("cursor", page.after(1)), page.fetch());
        return page.page(rows, b -> List.of(b.startsAt().toString(), b.id().toString()), cursors).map(BookingView::of);
    }

    /** 200 the booking for its leader, a host of its placement, HR or ADMIN; otherwise 404. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"LEADER", "HOST", "HR", "ADMIN"})
    public Response get(@Auth Caller caller, @PathParam("id") String id) {
        UUID org = caller.orgId().value();
        BookingRow row = jdbi.onDemand(BookingDao.class).find(org, Id.fromPath(id, "Booking"))
                .filter(b -> caller.isOffice() || b.leaderId().equals(caller.id().value())
                        || (caller.has(Role.HOST)
                            && jdbi.onDemand(PlacementDao.class).isHost(org, b.placementId(), caller.id().value())))
                .orElseThrow(() -> ApiException.notFound("Booking"));
        return Response.ok(BookingView.of(row)).header("ETag", Versions.etag(row.version())).build();
    }

    /** 200 {status: CANCELLED, late}; 409 TOO_LATE_TO_CANCEL (leader after the start), INVALID_TRANSITION. */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"LEADER", "HR", "ADMIN"})
    public BookingView cancel(@Auth Caller caller, @PathParam("id") String id,
                              @NotNull @Valid BookingRequests.Cancel body) {
        return bookings.cancel(caller, Id.fromPath(id, "Booking"), body.reason());
    }

    /** 200 the booking with credited hours; 409 SHIFT_NOT_STARTED, INVALID_TRANSITION; 422 instants out of range. */
    @POST
    @Path("/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"HOST", "HR", "ADMIN"})
    public BookingView attendance(@Auth Caller caller, @PathParam("id") String id,
                                  @NotNull @Valid BookingRequests.Attendance body) {
        return attendance.record(caller, Id.fromPath(id, "Booking"), body);
    }
}

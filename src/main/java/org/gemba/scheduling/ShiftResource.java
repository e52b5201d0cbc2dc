package org.gemba.scheduling;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gemba.auth.Caller;
import org.gemba.common.ApiException;
import org.gemba.common.CursorCodec;
import org.gemba.common.Id;
import org.gemba.common.Page;
import org.gemba.common.PageRequest;
import org.gemba.common.QueryParams;
import org.gemba.common.Versions;
import org.jdbi.v3.core.Jdbi;

/** Shifts: hosts publish and change them; everyone browses them. */
@Path("/api/v1/shifts")
@Produces(MediaType.APPLICATION_JSON)
public class ShiftResource {
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

    private final Jdbi jdbi;
    private final ShiftService shifts;
    private final CursorCodec cursors;
    private final Clock clock;

    public ShiftResource(Jdbi jdbi, ShiftService shifts, CursorCodec cursors, Clock clock) {
        this.jdbi = jdbi;
        this.shifts = shifts;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** 201 with Location; 403 not a host of the placement; 422 unknown placement, bad window, past start (hosts). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"HOST", "ADMIN", "HR"})
    public Response create(@Auth Caller caller, @NotNull @Valid ShiftRequests.CreateShift body) {
        ShiftRow row = shifts.create(caller, body);
        return Response.created(URI.create("/api/v1/shifts/" + row.id()))
                .header("ETag", Versions.etag(row.version())).entity(ShiftView.of(row)).build();
    }

    /**
     * 200 a page by start time; {@code from}/{@code to} default to now and now + 90 days. Dates are days in
     * the organisation's zone, {@code to} inclusive.
     */
    @GET
    @PermitAll
    public Page<ShiftView> list(@Auth Caller caller, @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("siteId") String siteId, @QueryParam("placementId") String placementId,
                                @QueryParam("available") String available, @QueryParam("limit") Integer limit,
                                @QueryParam("cursor") String cursor) {
        Instant f = QueryParams.bound("from", from, caller.zone(), false);
        Instant t = QueryParams.bound("to", to, caller.zone(), true);
        UUID site = QueryParams.uuid("siteId", siteId);
        UUID placement = QueryParams.uuid("placementId", placementId);
        boolean onlyAvailable = Boolean.TRUE.equals(QueryParams.bool("available", available));
        Instant start = f == null ? clock.instant() : f;
        Instant end = t == null ? start.plus(DEFAULT_WINDOW) : t;
        if (!end.isAfter(start)) {
            throw ApiException.invalid("to", "must be after from");
        }
        PageRequest page = PageRequest.of(limit, cursor, cursors, 2);
        List<ShiftRow> rows = jdbi.onDemand(ShiftDao.class).list(caller.orgId().value(), start, end, site, placement,
                onlyAvailable, page.after() == null ? null : QueryParams.instant("cursor", page.after(0)),
                page.after() == null ? null : QueryParams.uuid("cursor", page.after(1)), page.fetch());
        return page.page(rows, s -> List.of(s.startsAt().toString(), s.id().toString()), cursors).map(ShiftView::of);
    }

    /** 200 the shift with ETag; 404 unknown or of another organisation. */
    @GET
    @Path("/{id}")
    @PermitAll
    public Response get(@Auth Caller caller, @PathParam("id") String id) {
        ShiftRow row = jdbi.onDemand(ShiftDao.class).find(caller.orgId().value(), Id.fromPath(id, "Shift"))
                .orElseThrow(() -> ApiException.notFound("Shift"));
        return withEtag(row);
    }

    /**
     * 200 the changed shift; 403 not a host; 404 unknown; 409 CAPACITY_BELOW_BOOKINGS, SHIFT_CANCELLED,
     * OVERLAPPING_BOOKING (a booked leader is busy at the new time); 412 stale If-Match; 422 bad fields.
     */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"HOST", "ADMIN"})
    public Response change(@Auth Caller caller, @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid ShiftRequests.ChangeShift body) {
        return withEtag(shifts.change(caller, Id.fromPath(id, "Shift"), body, ifMatch));
    }

    /** 200 the cancelled shift; bookings cancelled and leaders told; 409 SHIFT_CANCELLED when already cancelled. */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"HOST", "ADMIN"})
    public Response cancel(@Auth Caller caller, @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid ShiftRequests.CancelShift body) {
        return withEtag(shifts.cancel(caller, Id.fromPath(id, "Shift"), body.reason(), ifMatch));
    }

    /** 200 every booking of the shift; 403 for a host of another placement. */
    @GET
    @Path("/{id}/bookings")
    @RolesAllowed({"HOST", "ADMIN", "HR"})
    public Page<BookingView> bookings(@Auth Caller caller, @PathParam("id") String id) {
        List<BookingView> items = shifts.bookings(caller, Id.fromPath(id, "Shift")).stream().map(BookingView::of).toList();
        return new Page<>(items, null);
    }

    private static Response withEtag(ShiftRow row) {
        return Response.ok(ShiftView.of(row)).header("ETag", Versions.etag(row.version())).build();
    }
}

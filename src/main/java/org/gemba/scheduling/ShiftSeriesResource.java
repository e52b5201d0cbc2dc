package org.gemba.scheduling;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Caller;
import org.gemba.auth.Role;
import org.gemba.common.ApiException;
import org.gemba.common.Id;
import org.gemba.scheduling.PlacementDao.PlacementRow;
import org.jdbi.v3.core.Jdbi;

/** A series of shifts from an RRULE expanded in the site's zone, created in one transaction. */
@Path("/api/v1/shift-series")
@Produces(MediaType.APPLICATION_JSON)
public class ShiftSeriesResource {

    public record SeriesView(UUID id, UUID placementId, LocalDateTime localStart, int durationMinutes, String rrule,
                             int capacity, List<ShiftView> shifts) {}

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public ShiftSeriesResource(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * 201 {id, shifts} with Location; 403 not a host of the placement; 422 unknown placement,
     * NONEXISTENT_LOCAL_TIME, INVALID_RRULE, more than 500 shifts, or (for hosts) a start in the past.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"HOST", "ADMIN"})
    public Response create(@Auth Caller caller, @NotNull @Valid ShiftRequests.CreateSeries body) {
        UUID org = caller.orgId().value();
        SeriesView view = jdbi.inTransaction(h -> {
            PlacementRow p = h.attach(PlacementDao.class).find(org, body.placementId())
                    .orElseThrow(() -> ApiException.invalid("placementId", "no such placement"));
            if (!caller.has(Role.ADMIN)) {
                ShiftService.requireHost(h, caller, p.id());
            }
            List<SeriesExpander.Occurrence> occurrences = SeriesExpander.expand(body.localStart(),
                    java.time.ZoneId.of(p.timeZone()), Duration.ofMinutes(body.durationMinutes()), body.rrule().trim());
            if (occurrences.isEmpty()) {
                throw ApiException.invalid("rrule", "produces no shifts");
            }
            Instant now = clock.instant();
            if (!caller.has(Role.ADMIN) && !occurrences.get(0).start().isAfter(now)) {
                throw ApiException.invalid("localStart", "must not be in the past");
            }
            int capacity = body.capacity() == null ? p.defaultCapacity() : body.capacity();
            UUID seriesId = h.createQuery("""
                            INSERT INTO shift_series (org_id, placement_id, local_start, duration_minutes, rrule,
                                                      capacity, created_by)
                            VALUES (:org, :placement, :localStart, :duration, :rrule, :capacity, :by) RETURNING id""")
                    .bind("org", org).bind("placement", p.id()).bind("localStart", body.localStart())
                    .bind("duration", body.durationMinutes()).bind("rrule", body.rrule().trim())
                    .bind("capacity", capacity).bind("by", caller.id().value()).mapTo(UUID.class).one();
            ShiftDao shifts = h.attach(ShiftDao.class);
            for (SeriesExpander.Occurrence o : occurrences) {
                shifts.insert(org, p.id(), seriesId, o.start(), o.end(), capacity, caller.id().value());
            }
            audit.record(h, caller.orgId(), caller.id(), "SHIFT_SERIES", seriesId, "CREATED", Map.of(
                    "placementId", p.id(), "localStart", body.localStart().toString(), "rrule", body.rrule().trim(),
                    "shifts", occurrences.size()), null);
            return new SeriesView(seriesId, p.id(), body.localStart(), body.durationMinutes(), body.rrule().trim(),
                    capacity, shifts.bySeries(org, seriesId).stream().map(ShiftView::of).toList());
        });
        return Response.created(URI.create("/api/v1/shift-series/" + view.id())).entity(view).build();
    }

    /** 200 the series with its shifts (as they are now); 404 unknown or of another organisation. */
    @GET
    @Path("/{id}")
    @PermitAll
    public SeriesView get(@Auth Caller caller, @PathParam("id") String id) {
        UUID org = caller.orgId().value();
        UUID seriesId = Id.fromPath(id, "Shift series");
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, placement_id, local_start, duration_minutes, rrule, capacity
                          FROM shift_series WHERE org_id = :org AND id = :id""")
                .bind("org", org).bind("id", seriesId)
                .map((rs, ctx) -> new SeriesView(rs.getObject("id", UUID.class), rs.getObject("placement_id", UUID.class),
                        rs.getObject("local_start", LocalDateTime.class), rs.getInt("duration_minutes"),
                        rs.getString("rrule"), rs.getInt("capacity"),
                        h.attach(ShiftDao.class).bySeries(org, seriesId).stream().map(ShiftView::of).toList()))
                .findOne().orElseThrow(() -> ApiException.notFound("Shift series")));
    }
}

package org.gemba.progress;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.gemba.auth.Caller;
import org.gemba.common.ApiException;
import org.gemba.common.Id;
import org.gemba.common.UserId;
import org.jdbi.v3.core.Jdbi;

/** HR's adjustments to one leader's yearly target (e.g. long-term leave), each with a reason. */
@Path("/api/v1/users/{id}/adjustments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"HR", "ADMIN"})
public class AdjustmentResource {
    private final Jdbi jdbi;
    private final TargetService targets;
    private final ProgrammeClock programmeClock;

    public AdjustmentResource(Jdbi jdbi, TargetService targets, ProgrammeClock programmeClock) {
        this.jdbi = jdbi;
        this.targets = targets;
        this.programmeClock = programmeClock;
    }

    public record AdjustmentList(List<TargetDao.AdjustmentRow> items) {}

    /** 201 with Location; 404 unknown leader; 422 bad year, hours or reason; 403 for other roles. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@Auth Caller caller, @PathParam("id") String id, @NotNull TargetService.AdjustmentRequest body) {
        UserId leader = new UserId(Id.fromPath(id, "User"));
        TargetDao.AdjustmentRow row = targets.addAdjustment(caller, leader, body);
        return Response.created(URI.create("/api/v1/users/" + leader.value() + "/adjustments/" + row.id()))
                .entity(row).build();
    }

    /** 200 the leader's adjustments, oldest first, optionally for one {@code year}; 404 unknown leader. */
    @GET
    public AdjustmentList list(@Auth Caller caller, @PathParam("id") String id, @QueryParam("year") String year) {
        UUID leader = Id.fromPath(id, "User");
        TargetDao dao = jdbi.onDemand(TargetDao.class);
        if (!dao.isLeader(caller.orgId().value(), leader)) {
            throw ApiException.notFound("Leader");
        }
        Integer y = year == null || year.isEmpty() ? null : programmeClock.resolveYear(year, caller.zone());
        return new AdjustmentList(dao.listAdjustments(caller.orgId().value(), leader, y));
    }
}

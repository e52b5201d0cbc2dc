package org.gemba.progress;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.gemba.auth.Caller;
import org.jdbi.v3.core.Jdbi;

/** Annual hours per grade (HR, ADMIN). A grade without a policy gets the programme's default. */
@Path("/api/v1/target-policies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"HR", "ADMIN"})
public class TargetResource {
    private final Jdbi jdbi;
    private final TargetService targets;

    public TargetResource(Jdbi jdbi, TargetService targets) {
        this.jdbi = jdbi;
        this.targets = targets;
    }

    public record PolicyList(List<TargetDao.PolicyRow> items) {}

    /** 200 the policies of the organisation, by grade; 403 for other roles. */
    @GET
    public PolicyList list(@Auth Caller caller) {
        return new PolicyList(jdbi.onDemand(TargetDao.class).listPolicies(caller.orgId().value()));
    }

    /** 200 the policy (created or replaced); 422 for a bad grade or annualHours; 403 for other roles. */
    @PUT
    @Path("/{grade}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TargetDao.PolicyRow put(@Auth Caller caller, @PathParam("grade") String grade,
                                   @NotNull TargetService.PolicyRequest body) {
        return targets.putPolicy(caller, grade, body);
    }
}

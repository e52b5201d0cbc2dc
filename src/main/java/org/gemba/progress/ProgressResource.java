package org.gemba.progress;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.gemba.auth.Caller;
import org.gemba.common.Id;

/** One leader's progress for a programme year. */
@Path("/api/v1/users/{id}/progress")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {
    private final ProgressService progress;

    public ProgressResource(ProgressService progress) {
        this.progress = progress;
    }

    /**
     * 200 the progress; 404 for an unknown id, a non-leader, or (for a LEADER) anyone but themselves;
     * 422 (field {@code year}) outside the programme; 403 for HOST/IMPROVEMENT-only callers.
     */
    @GET
    @RolesAllowed({"LEADER", "HR", "ADMIN"})
    public ProgressView get(@Auth Caller caller, @PathParam("id") String id, @QueryParam("year") String year) {
        return ProgressView.of(progress.forLeader(caller, Id.fromPath(id, "User"), year));
    }
}

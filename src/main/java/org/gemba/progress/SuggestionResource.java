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
import org.gemba.common.PageRequest;

/** Shifts that would close a leader's gap, with variety. */
@Path("/api/v1/users/{id}/suggestions")
@Produces(MediaType.APPLICATION_JSON)
public class SuggestionResource {
    private final SuggestionService suggestions;

    public SuggestionResource(SuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    /**
     * 200 {@code {items, gapHours}}, best first; 404 for another leader's id (LEADER) or a non-leader;
     * 422 for {@code limit} outside 1..500; 403 for other roles.
     */
    @GET
    @RolesAllowed({"LEADER", "HR"})
    public SuggestionService.Suggestions get(@Auth Caller caller, @PathParam("id") String id,
                                             @QueryParam("limit") Integer limit) {
        return suggestions.suggest(caller, Id.fromPath(id, "User"), PageRequest.limit(limit, 10));
    }
}

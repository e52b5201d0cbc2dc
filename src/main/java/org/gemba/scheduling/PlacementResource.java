package org.gemba.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.auth.Auth;
import jakarta.validation.Validator;
import org.gemba.common.Patch;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.gemba.auth.Caller;
import org.gemba.common.ApiException;
import org.gemba.common.CursorCodec;
import org.gemba.common.Id;
import org.gemba.common.Page;
import org.gemba.common.PageRequest;
import org.gemba.common.QueryParams;
import org.gemba.common.Versions;
import org.gemba.scheduling.PlacementDao.PlacementRow;
import org.jdbi.v3.core.Jdbi;

/** Placements: ADMIN creates and changes them, everyone in the organisation reads them. */
@Path("/api/v1/placements")
@Produces(MediaType.APPLICATION_JSON)
public class PlacementResource {

    public record PlacementView(UUID id, UUID siteId, String siteName, String timeZone, String name,
                                String description, int defaultCapacity, List<String> requiredTrainings,
                                List<UUID> hostIds, Integer maxLeadersPerWeek, boolean excludeOwnDirectorate,
                                String directorate, int version, Instant createdAt) {
        static PlacementView of(PlacementRow r) {
            return new PlacementView(r.id(), r.siteId(), r.siteName(), r.timeZone(), r.name(), r.description(),
                    r.defaultCapacity(), List.of(r.requiredTrainings()), Arrays.asList(r.hostIds()),
                    r.maxLeadersPerWeek(), r.excludeOwnDirectorate(), r.directorate(), r.version(), r.createdAt());
        }
    }

    private final Jdbi jdbi;
    private final PlacementService placements;
    private final CursorCodec cursors;

    private final ObjectMapper mapper;
    private final Validator validator;

    public PlacementResource(Jdbi jdbi, PlacementService placements, CursorCodec cursors, ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
        this.jdbi = jdbi;
        this.placements = placements;
        this.cursors = cursors;
    }

    /** 201 with Location; 422 unknown siteId or hostIds that are not HOSTs of the organisation; 403 non-admins. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public Response create(@Auth Caller caller, @Valid PlacementRequests.CreatePlacement body) {
        PlacementRow row = placements.create(caller, body);
        return Response.created(URI.create("/api/v1/placements/" + row.id()))
                .header("ETag", Versions.etag(row.version())).entity(PlacementView.of(row)).build();
    }

    /** 200 a page sorted by name; filter {@code siteId}. */
    @GET
    @PermitAll
    public Page<PlacementView> list(@Auth Caller caller, @QueryParam("siteId") String siteId,
                                    @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        UUID site = QueryParams.uuid("siteId", siteId);
        PageRequest page = PageRequest.of(limit, cursor, cursors, 2);
        List<PlacementRow> rows = jdbi.onDemand(PlacementDao.class).list(caller.orgId().value(), site, page.after(0),
                page.after() == null ? null : QueryParams.uuid("cursor", page.after(1)), page.fetch());
        return page.page(rows, p -> List.of(p.name().toLowerCase(Locale.ROOT), p.id().toString()), cursors)
                .map(PlacementView::of);
    }

    /** 200 the placement; 404 unknown or of another organisation. */
    @GET
    @Path("/{id}")
    @PermitAll
    public Response get(@Auth Caller caller, @PathParam("id") String id) {
        PlacementRow row = jdbi.onDemand(PlacementDao.class).find(caller.orgId().value(), Id.fromPath(id, "Placement"))
                .orElseThrow(() -> ApiException.notFound("Placement"));
        return withEtag(row);
    }

    /** 200 the updated placement; 412 stale If-Match; 404 unknown; 422 invalid fields. */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public Response update(@Auth Caller caller, @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           ObjectNode json) throws JsonProcessingException {
        PlacementRequests.UpdatePlacement body = Patch.read(json, PlacementRequests.UpdatePlacement.class, mapper, validator).value();
        return withEtag(placements.update(caller, Id.fromPath(id, "Placement"), body, ifMatch));
    }

    private static Response withEtag(PlacementRow row) {
        return Response.ok(PlacementView.of(row)).header("ETag", Versions.etag(row.version())).build();
    }
}

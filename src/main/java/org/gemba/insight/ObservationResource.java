package org.gemba.insight;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import java.util.Map;
import java.util.UUID;
import org.gemba.auth.Caller;
import org.gemba.common.ApiException;
import org.gemba.common.CursorCodec;
import org.gemba.common.Id;
import org.gemba.common.Page;
import org.gemba.common.PageRequest;
import org.gemba.common.QueryParams;
import org.gemba.common.Versions;
import org.gemba.insight.similarity.SimilarService;
import org.jdbi.v3.core.Jdbi;

/** Observations: leaders log them and follow their own; the improvement team triages all of them. */
@Path("/api/v1/observations")
@Produces(MediaType.APPLICATION_JSON)
public class ObservationResource {
    private final Jdbi jdbi;
    private final ObservationService observations;
    private final CursorCodec cursors;
    private final SimilarService similar;

    public ObservationResource(Jdbi jdbi, ObservationService observations, CursorCodec cursors) {
        this(jdbi, observations, cursors, new SimilarService(jdbi, null, null));
    }

    public ObservationResource(Jdbi jdbi, ObservationService observations, CursorCodec cursors,
                               SimilarService similar) {
        this.similar = similar;
        this.jdbi = jdbi;
        this.observations = observations;
        this.cursors = cursors;
    }

    /** 201 {id, status: NEW, triageDueAt, ...} with Location; 422 bad fields or a booking not the caller's. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("LEADER")
    public Response create(@Auth Caller caller, @Valid ObservationRequests.Create body) {
        ObservationRow row = observations.create(caller, body);
        return Response.created(URI.create("/api/v1/observations/" + row.id()))
                .header("ETag", Versions.etag(row.version()))
                .entity(ObservationView.of(row, observations.now())).build();
    }

    /** 200 a page; leaders see only their own. With {@code q} best match first, otherwise newest first. 422 bad filters. */
    @GET
    @RolesAllowed({"LEADER", "IMPROVEMENT", "ADMIN"})
    public Page<ObservationView> list(@Auth Caller caller, @QueryParam("status") String status,
                                      @QueryParam("kind") String kind, @QueryParam("criterion") String criterion,
                                      @QueryParam("cause") String cause, @QueryParam("siteId") String siteId,
                                      @QueryParam("theme") String theme, @QueryParam("q") String q,
                                      @QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("overdue") String overdue, @QueryParam("limit") Integer limit,
                                      @QueryParam("cursor") String cursor) {
        Instant now = observations.now();
        ObservationSearch.Filter filter = new ObservationSearch.Filter(
                ObservationService.seesAll(caller) ? null : caller.id().value(),
                name(QueryParams.enumValue("status", status, InsightTypes.ObservationStatus.class)),
                name(QueryParams.enumValue("kind", kind, InsightTypes.Kind.class)),
                name(QueryParams.enumValue("criterion", criterion, InsightTypes.Criterion.class)),
                name(QueryParams.enumValue("cause", cause, InsightTypes.Cause.class)),
                QueryParams.uuid("siteId", siteId), blankToNull(theme), blankToNull(q),
                Window.parse(from, to, caller.zone()), QueryParams.bool("overdue", overdue), now);
        PageRequest page = PageRequest.of(limit, cursor, cursors, 3);
        Float afterRank = null;
        Instant afterAt = null;
        UUID afterId = null;
        if (page.after() != null) {
            try {
                afterRank = Float.parseFloat(page.after(0));
            } catch (NumberFormatException e) {
                throw ApiException.invalid("cursor", "is not a cursor this server issued");
            }
            afterAt = QueryParams.instant("cursor", page.after(1));
            afterId = QueryParams.uuid("cursor", page.after(2));
        }
        Float rank = afterRank;
        Instant at = afterAt;
        UUID id = afterId;
        List<ObservationSearch.Hit> hits = jdbi.withHandle(h -> ObservationSearch.find(h, caller.orgId().value(),
                filter, rank, at, id, page.fetch()));
        return page.page(hits, hit -> List.of(Float.toString(hit.rank()), hit.row().observedAt().toString(),
                hit.row().id().toString()), cursors).map(hit -> ObservationView.of(hit.row(), now));
    }

    /** 200 with linked actions and outcome; 404 unless the caller is its author, IMPROVEMENT or ADMIN. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"LEADER", "IMPROVEMENT", "ADMIN"})
    public Response get(@Auth Caller caller, @PathParam("id") String id) {
        ObservationRow row = observations.visible(caller, Id.fromPath(id, "Observation"));
        return detail(caller, row);
    }

    /** 200 TRIAGED; 409 INVALID_TRANSITION unless NEW; 412 stale If-Match; 422 bad fields; 404 unknown. */
    @POST
    @Path("/{id}/triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("IMPROVEMENT")
    public Response triage(@Auth Caller caller, @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @Valid ObservationRequests.Triage body) {
        return detail(caller, observations.triage(caller, Id.fromPath(id, "Observation"), body, ifMatch));
    }

    /** 200 DECLINED; 409 INVALID_TRANSITION unless NEW or TRIAGED; 412 stale If-Match; 422 without a reason; 404 unknown. */
    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("IMPROVEMENT")
    public Response decline(@Auth Caller caller, @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                            @Valid ObservationRequests.Decline body) {
        return detail(caller, observations.decline(caller, Id.fromPath(id, "Observation"), body, ifMatch));
    }

    /** 200 {items: [{type, id, score, text|title, status}]} best first (limit 1..500, default 10); 404 unknown; 422 bad limit. */
    @GET
    @Path("/{id}/similar")
    @RolesAllowed("IMPROVEMENT")
    public Map<String, List<SimilarDao.Item>> similar(@Auth Caller caller, @PathParam("id") String id,
                                                      @QueryParam("limit") Integer limit) {
        ObservationRow row = observations.visible(caller, Id.fromPath(id, "Observation"));
        // the same range as every list (API.md); there are rarely more than a hundred-odd candidates
        int l = PageRequest.limit(limit, 10);
        return Map.of("items", similar.similar(caller.orgId().value(), row.id(), l));
    }

    private Response detail(Caller caller, ObservationRow row) {
        return Response.ok(ObservationView.of(row, observations.now(), observations.actionsOf(caller, row.id())))
                .header("ETag", Versions.etag(row.version())).build();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

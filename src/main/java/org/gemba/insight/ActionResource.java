package org.gemba.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.auth.Auth;
import jakarta.validation.Validator;
import org.gemba.common.Patch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gemba.auth.Caller;
import org.gemba.common.CursorCodec;
import org.gemba.common.Id;
import org.gemba.common.Page;
import org.gemba.common.PageRequest;
import org.gemba.common.QueryParams;
import org.gemba.common.Versions;
import org.jdbi.v3.core.Jdbi;

/** Improvement actions, run by the improvement team (and administrators). */
@Path("/api/v1/actions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"IMPROVEMENT", "ADMIN"})
public class ActionResource {
    private final Jdbi jdbi;
    private final ActionService actions;
    private final CursorCodec cursors;

    private final ObjectMapper mapper;
    private final Validator validator;

    public ActionResource(Jdbi jdbi, ActionService actions, CursorCodec cursors, ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
        this.jdbi = jdbi;
        this.actions = actions;
        this.cursors = cursors;
    }

    /** 201 with Location; owner notified; 422 unknown ownerId or observationIds; 409 a declined/closed observation. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth Caller caller, @Valid ActionRequests.Create body) {
        ActionRow row = actions.create(caller, body);
        return Response.created(URI.create("/api/v1/actions/" + row.id()))
                .header("ETag", Versions.etag(row.version())).entity(detailView(caller, row)).build();
    }

    /** 200 a page, newest first; filters {@code status}, {@code ownerId}, {@code overdue}; 422 bad filters. */
    @GET
    public Page<ActionView> list(@Auth Caller caller, @QueryParam("status") String status,
                                 @QueryParam("ownerId") String ownerId, @QueryParam("overdue") String overdue,
                                 @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        InsightTypes.ActionStatus s = QueryParams.enumValue("status", status, InsightTypes.ActionStatus.class);
        UUID owner = QueryParams.uuid("ownerId", ownerId);
        Boolean late = QueryParams.bool("overdue", overdue);
        PageRequest page = PageRequest.of(limit, cursor, cursors, 2);
        Instant afterAt = page.after() == null ? null : QueryParams.instant("cursor", page.after(0));
        UUID afterId = page.after() == null ? null : QueryParams.uuid("cursor", page.after(1));
        LocalDate today = actions.today(caller);
        List<ActionRow> rows = jdbi.onDemand(ActionDao.class).list(caller.orgId().value(), s == null ? null : s.name(),
                owner, late, today, afterAt, afterId, page.fetch());
        return page.page(rows, r -> List.of(r.createdAt().toString(), r.id().toString()), cursors)
                .map(r -> ActionView.of(r, today));
    }

    /** 200 with notes and linked observations; 404 unknown. */
    @GET
    @Path("/{id}")
    public Response get(@Auth Caller caller, @PathParam("id") String id) {
        return detail(caller, actions.find(caller, Id.fromPath(id, "Action")));
    }

    /** 200 updated; 409 INVALID_TRANSITION (status other than OPEN → IN_PROGRESS, or a finished action); 412 stale If-Match. */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@Auth Caller caller, @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           ObjectNode json) throws JsonProcessingException {
        ActionRequests.Update body = Patch.read(json, ActionRequests.Update.class, mapper, validator).value();
        return detail(caller, actions.update(caller, Id.fromPath(id, "Action"), body, ifMatch));
    }

    /** 200 the action; linked observations become ACTIONED; 422 unknown observationIds; 409 finished action; 412 stale If-Match. */
    @POST
    @Path("/{id}/observations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response link(@Auth Caller caller, @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                         @Valid ActionRequests.Link body) {
        return detail(caller, actions.link(caller, Id.fromPath(id, "Action"), body.observationIds(), ifMatch));
    }

    /** 204; an observation left without actions falls back to TRIAGED; 404 when not linked; 412 stale If-Match. */
    @DELETE
    @Path("/{id}/observations/{observationId}")
    public Response unlink(@Auth Caller caller, @PathParam("id") String id,
                           @PathParam("observationId") String observationId, @HeaderParam("If-Match") String ifMatch) {
        actions.unlink(caller, Id.fromPath(id, "Action"), Id.fromPath(observationId, "Observation"), ifMatch);
        return Response.noContent().build();
    }

    /** 201 the note; 422 without text; 404 unknown action. */
    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addNote(@Auth Caller caller, @PathParam("id") String id, @Valid ActionRequests.Note body) {
        UUID actionId = Id.fromPath(id, "Action");
        ActionDao.NoteRow note = actions.addNote(caller, actionId, body);
        return Response.created(URI.create("/api/v1/actions/" + actionId + "/notes/" + note.id())).entity(note).build();
    }

    /** 200 DONE; observations with no other unfinished action close and their authors hear the outcome. 422/409/412. */
    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response complete(@Auth Caller caller, @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                             @Valid ActionRequests.Complete body) {
        return detail(caller, actions.complete(caller, Id.fromPath(id, "Action"), body, ifMatch));
    }

    /** 200 CANCELLED; observations with no other unfinished action fall back to TRIAGED. 422/409/412. */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cancel(@Auth Caller caller, @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @Valid ActionRequests.Cancel body) {
        return detail(caller, actions.cancel(caller, Id.fromPath(id, "Action"), body, ifMatch));
    }

    private Response detail(Caller caller, ActionRow row) {
        return Response.ok(detailView(caller, row)).header("ETag", Versions.etag(row.version())).build();
    }

    private ActionView detailView(Caller caller, ActionRow row) {
        ActionDao dao = jdbi.onDemand(ActionDao.class);
        return ActionView.of(row, actions.today(caller), dao.notes(caller.orgId().value(), row.id()),
                dao.observations(caller.orgId().value(), row.id()));
    }
}

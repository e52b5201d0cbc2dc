package org.gemba.people;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.auth.Auth;
import jakarta.validation.Validator;
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
import java.util.List;
import java.util.UUID;
import org.gemba.auth.Caller;
import org.gemba.auth.Role;
import org.gemba.common.ApiException;
import org.gemba.common.CursorCodec;
import org.gemba.common.Id;
import org.gemba.common.Page;
import org.gemba.common.PageRequest;
import org.gemba.common.Patch;
import org.gemba.common.QueryParams;
import org.gemba.common.UserId;
import org.gemba.common.Versions;
import org.jdbi.v3.core.Jdbi;

/** People of the caller's organisation: ADMIN manages them, HR reads them. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
    private final Jdbi jdbi;
    private final UserService users;
    private final CursorCodec cursors;

    private final ObjectMapper mapper;
    private final Validator validator;

    public UserResource(Jdbi jdbi, UserService users, CursorCodec cursors, ObjectMapper mapper, Validator validator) {
        this.jdbi = jdbi;
        this.users = users;
        this.cursors = cursors;
        this.mapper = mapper;
        this.validator = validator;
    }

    /** 201 with Location; 422 for invalid fields (e-mail in use, weak password); 403 for non-admins. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public Response create(@Auth Caller caller, @Valid UserRequests.CreateUser body) {
        UserRow row = users.create(caller, body);
        return Response.created(URI.create("/api/v1/users/" + row.id()))
                .header("ETag", Versions.etag(row.version()))
                .entity(UserView.of(row)).build();
    }

    /** 200 a page sorted by name; filters {@code role} and {@code q} (name or e-mail contains). */
    @GET
    @RolesAllowed({"ADMIN", "HR"})
    public Page<UserView> list(@Auth Caller caller, @QueryParam("role") String role, @QueryParam("q") String q,
                               @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Role r = QueryParams.enumValue("role", role, Role.class);
        PageRequest page = PageRequest.of(limit, cursor, cursors, 2);
        String query = q == null || q.isBlank() ? null : q.trim();
        String pattern = query == null ? null : "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<UserRow> rows = jdbi.onDemand(UserDao.class).list(caller.orgId().value(), r == null ? null : r.name(),
                query, pattern, page.after(0), page.after() == null ? null : QueryParams.uuid("cursor", page.after(1)),
                page.fetch());
        return page.page(rows, u -> List.of(u.name().toLowerCase(java.util.Locale.ROOT), u.id().toString()), cursors)
                .map(UserView::of);
    }

    /** 200 the user with ETag; 404 when not in the caller's organisation. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"ADMIN", "HR"})
    public Response get(@Auth Caller caller, @PathParam("id") String id) {
        UUID uuid = Id.fromPath(id, "User");
        UserRow row = jdbi.onDemand(UserDao.class).find(caller.orgId().value(), uuid)
                .orElseThrow(() -> ApiException.notFound("User"));
        return withEtag(row);
    }

    /** 200 the updated user; 412 on a stale If-Match; 404 unknown; 422 invalid fields. */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public Response update(@Auth Caller caller, @PathParam("id") String id,
                           @HeaderParam("If-Match") String ifMatch, ObjectNode body) throws JsonProcessingException {
        UserId userId = new UserId(Id.fromPath(id, "User"));
        Patch<UserRequests.UpdateUser> patch = Patch.read(body, UserRequests.UpdateUser.class, mapper, validator);
        return withEtag(users.update(caller, userId, patch, ifMatch));
    }

    static Response withEtag(UserRow row) {
        return Response.ok(UserView.of(row)).header("ETag", Versions.etag(row.version())).build();
    }
}

package org.gemba.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gemba.auth.Caller;
import org.gemba.common.CursorCodec;
import org.gemba.common.Page;
import org.gemba.common.PageRequest;
import org.gemba.common.QueryParams;
import org.jdbi.v3.core.Jdbi;

/** The audit trail, read-only, for administrators of the organisation. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class AuditResource {

    public record Entry(long id, UUID actorId, String actorName, Instant at, String entityType, UUID entityId,
                        String action, JsonNode changes, String reason) {}

    private final Jdbi jdbi;
    private final CursorCodec cursors;
    private final ObjectMapper mapper;

    public AuditResource(Jdbi jdbi, CursorCodec cursors, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.cursors = cursors;
        this.mapper = mapper;
    }

    /** 200 a page of entries, newest first; 403 for non-admins; 422 for bad filters. */
    @GET
    public Page<Entry> list(@Auth Caller caller,
                            @QueryParam("entityId") String entityId,
                            @QueryParam("actorId") String actorId,
                            @QueryParam("from") String from,
                            @QueryParam("to") String to,
                            @QueryParam("limit") Integer limit,
                            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, cursors, 1);
        Long afterId = page.after() == null ? null : parseId(page.after(0));
        List<AuditDao.Row> rows = jdbi.onDemand(AuditDao.class).list(caller.orgId().value(),
                QueryParams.uuid("entityId", entityId), QueryParams.uuid("actorId", actorId),
                QueryParams.bound("from", from, caller.zone(), false), QueryParams.bound("to", to, caller.zone(), true), afterId, page.fetch());
        return page.page(rows, r -> List.of(Long.toString(r.id())), cursors).map(this::toEntry);
    }

    private static Long parseId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw org.gemba.common.ApiException.invalid("cursor", "is not a cursor this server issued");
        }
    }

    private Entry toEntry(AuditDao.Row r) {
        try {
            return new Entry(r.id(), r.actorId(), r.actorName(), r.at(), r.entityType(), r.entityId(), r.action(),
                    mapper.readTree(r.changes()), r.reason());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.gemba.notify;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gemba.auth.Caller;
import org.gemba.common.ApiException;
import org.gemba.common.CursorCodec;
import org.gemba.common.Id;
import org.gemba.common.Page;
import org.gemba.common.PageRequest;
import org.gemba.common.QueryParams;
import org.jdbi.v3.core.Jdbi;

/** The caller's own notifications, newest first. */
@Path("/api/v1/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class NotificationResource {

    public record Notification(UUID id, String type, String subject, String body, String entityType,
                               UUID entityId, Instant createdAt, Instant readAt) {
        static Notification of(NotificationDao.Row r) {
            return new Notification(r.id(), r.type(), r.subject(), r.body(), r.entityType(), r.entityId(),
                    r.createdAt(), r.readAt());
        }
    }

    private final Jdbi jdbi;
    private final CursorCodec cursors;

    public NotificationResource(Jdbi jdbi, CursorCodec cursors) {
        this.jdbi = jdbi;
        this.cursors = cursors;
    }

    /** 200 a page of notifications; {@code unread=true} keeps only unread ones. */
    @GET
    public Page<Notification> list(@Auth Caller caller, @QueryParam("unread") String unread,
                                   @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        boolean unreadOnly = Boolean.TRUE.equals(QueryParams.bool("unread", unread));
        PageRequest page = PageRequest.of(limit, cursor, cursors, 2);
        Instant afterAt = page.after() == null ? null : QueryParams.instant("cursor", page.after(0));
        UUID afterId = page.after() == null ? null : QueryParams.uuid("cursor", page.after(1));
        List<NotificationDao.Row> rows = jdbi.onDemand(NotificationDao.class).list(caller.orgId().value(),
                caller.id().value(), unreadOnly, afterAt, afterId, page.fetch());
        return page.page(rows, r -> List.of(r.createdAt().toString(), r.id().toString()), cursors)
                .map(Notification::of);
    }

    /** 200 the notification, now read; 404 if it is not the caller's. */
    @POST
    @Path("/{id}/read")
    public Notification markRead(@Auth Caller caller, @PathParam("id") String id) {
        UUID uuid = Id.fromPath(id, "Notification");
        return jdbi.onDemand(NotificationDao.class).markRead(caller.orgId().value(), caller.id().value(), uuid)
                .map(Notification::of)
                .orElseThrow(() -> ApiException.notFound("Notification"));
    }

}

package org.gemba.scheduling;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Caller;
import org.gemba.common.ApiException;
import org.gemba.common.CursorCodec;
import org.gemba.common.Id;
import org.gemba.common.Page;
import org.gemba.common.PageRequest;
import org.gemba.common.QueryParams;
import org.gemba.common.Versions;
import org.gemba.scheduling.SiteDao.SiteRow;
import org.jdbi.v3.core.Jdbi;

/** Front-line sites: ADMIN creates them, everyone in the organisation reads them. */
@Path("/api/v1/sites")
@Produces(MediaType.APPLICATION_JSON)
public class SiteResource {
    public static final String DEFAULT_ZONE = "Europe/London";

    public record CreateSite(@NotBlank @Size(max = 200) String name, @Size(max = 100) String timeZone,
                             @Size(max = 1000) String address) {}

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final CursorCodec cursors;

    public SiteResource(Jdbi jdbi, AuditLog audit, CursorCodec cursors) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.cursors = cursors;
    }

    /** 201 with Location; 422 for a blank name or an unknown IANA time zone; 403 for non-admins. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public Response create(@Auth Caller caller, @Valid CreateSite body) {
        String zone = body.timeZone() == null || body.timeZone().isBlank() ? DEFAULT_ZONE : body.timeZone().trim();
        if (!isRegionZone(zone)) {
            throw ApiException.invalid("timeZone", "must be an IANA time zone such as Europe/London");
        }
        String address = body.address() == null || body.address().isBlank() ? null : body.address().trim();
        SiteRow row = jdbi.inTransaction(h -> {
            SiteRow site = h.attach(SiteDao.class).insert(caller.orgId().value(), body.name().trim(), zone, address);
            audit.record(h, caller.orgId(), caller.id(), "SITE", site.id(), "CREATED",
                    Map.of("name", site.name(), "timeZone", zone), null);
            return site;
        });
        return Response.created(URI.create("/api/v1/sites/" + row.id()))
                .header("ETag", Versions.etag(row.version())).entity(row).build();
    }

    /** 200 a page sorted by name. */
    @GET
    @PermitAll
    public Page<SiteRow> list(@Auth Caller caller, @QueryParam("limit") Integer limit,
                              @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, cursors, 2);
        List<SiteRow> rows = jdbi.onDemand(SiteDao.class).list(caller.orgId().value(), page.after(0),
                page.after() == null ? null : QueryParams.uuid("cursor", page.after(1)), page.fetch());
        return page.page(rows, s -> List.of(s.name().toLowerCase(Locale.ROOT), s.id().toString()), cursors);
    }

    /** 200 the site; 404 unknown or of another organisation. */
    @GET
    @Path("/{id}")
    @PermitAll
    public Response get(@Auth Caller caller, @PathParam("id") String id) {
        SiteRow row = jdbi.onDemand(SiteDao.class).find(caller.orgId().value(), Id.fromPath(id, "Site"))
                .orElseThrow(() -> ApiException.notFound("Site"));
        return Response.ok(row).header("ETag", Versions.etag(row.version())).build();
    }

    /** Region ids only ("Europe/London"); fixed offsets would not follow clock changes. */
    static boolean isRegionZone(String zone) {
        return ZoneId.getAvailableZoneIds().contains(zone);
    }
}

package org.gemba.scheduling.calendar;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * The feed calendar programs subscribe to. No authentication: the secret token in the path is the
 * credential (calendar programs cannot send ours), so it is kept out of the request log.
 */
@Path("/api/v1/calendar")
public class CalendarFeedResource {
    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final CalendarFeedService feeds;

    public CalendarFeedResource(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    /** 200 text/calendar; 404 for an unknown, rotated or malformed token. */
    @GET
    @Path("/{token}.ics")
    @Produces({"text/calendar", "application/problem+json"})
    public Response feed(@PathParam("token") String token) {
        String ics = feeds.ics(token);
        // a personal schedule: no shared caches, and calendar programs poll anyway
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        cache.setPrivate(true);
        return Response.ok(ics, TEXT_CALENDAR).cacheControl(cache).header("Referrer-Policy", "no-referrer").build();
    }
}

package org.gemba.scheduling.calendar;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.gemba.auth.Caller;

/** The caller's private calendar feed URL. */
@Path("/api/v1/me/calendar")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("LEADER")
public class MyCalendarResource {

    public record FeedUrl(String url) {}

    private final CalendarFeedService feeds;

    public MyCalendarResource(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    /** 200 {url}: absolute, from publicBaseUrl; 403 for non-leaders. */
    @GET
    public Response url(@Auth Caller caller) {
        return secret(new FeedUrl(feeds.url(caller.orgId(), caller.id())));
    }

    /** 200 {url} with a new token; the old URL answers 404 from now on; 403 for non-leaders. */
    @POST
    @Path("/rotate")
    public Response rotate(@Auth Caller caller) {
        return secret(new FeedUrl(feeds.rotate(caller.orgId(), caller.id())));
    }

    private static Response secret(FeedUrl body) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body).cacheControl(noStore).build();
    }
}

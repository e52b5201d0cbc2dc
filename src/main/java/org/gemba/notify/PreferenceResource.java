package org.gemba.notify;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.gemba.auth.Caller;

/** The caller's e-mail preferences per notification type. */
@Path("/api/v1/me/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PreferenceResource {
    private final PreferenceService preferences;

    public PreferenceResource(PreferenceService preferences) {
        this.preferences = preferences;
    }

    /** 200 {@code {preferences: [{type, essential, email}]}} for every type. */
    @GET
    public PreferenceService.Preferences get(@Auth Caller caller) {
        return preferences.get(caller);
    }

    /**
     * 200 the preferences after the change; body {@code {preferences: [{type, email}]}} names only the
     * types to change. 422 naming the entry for an unknown type or for turning off an essential one.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public PreferenceService.Preferences put(@Auth Caller caller, PreferenceService.Update update) {
        return preferences.update(caller, update);
    }
}

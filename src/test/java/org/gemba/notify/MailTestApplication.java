package org.gemba.notify;

import io.dropwizard.auth.Auth;
import io.dropwizard.core.setup.Environment;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.auth.Caller;
import org.gemba.support.TestApplication;
import org.gemba.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;

/** The test application plus an endpoint that records a notification the way a feature's change does. */
public class MailTestApplication extends TestApplication {

    @Override
    public void run(GembaConfiguration config, Environment env) {
        super.run(config, env);
        env.jersey().register(new NotifyMeResource(TestDatabase.get().jdbi()));
    }

    public record NotifyMe(String subject, String body) {}

    @Path("/api/v1/test-only/notify-me")
    @PermitAll
    public static class NotifyMeResource {
        private final Jdbi jdbi;

        NotifyMeResource(Jdbi jdbi) {
            this.jdbi = jdbi;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, UUID> notifyMe(@Auth Caller caller, NotifyMe body) {
            UUID id = jdbi.inTransaction(h -> new Notifications().notify(h, caller.orgId(), caller.id(),
                    NotificationType.BOOKING_CANCELLED, body.subject(), body.body(), "BOOKING", UUID.randomUUID()));
            return Map.of("id", id);
        }
    }
}

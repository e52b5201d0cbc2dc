package org.gemba.support;

import io.dropwizard.core.setup.Environment;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gemba.GembaApplication;
import org.gemba.GembaConfiguration;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Role;
import org.gemba.common.OrgId;
import org.gemba.people.UserRequests;
import org.gemba.people.UserRow;
import org.gemba.people.UserService;
import org.jdbi.v3.core.Jdbi;

/** The real application with a settable clock and two test-only endpoints that fail on purpose. */
public class TestApplication extends GembaApplication {
    public static final MutableClock CLOCK = new MutableClock(Instant.now());

    public TestApplication() {
        super(CLOCK);
    }

    @Override
    public void run(GembaConfiguration config, Environment env) {
        super.run(config, env);
        Jdbi jdbi = TestDatabase.get().jdbi();
        env.jersey().register(new FailingResource(jdbi, new AuditLog(env.getObjectMapper())));
    }

    @Path("/api/v1/test-only")
    @PermitAll
    public static class FailingResource {
        private final Jdbi jdbi;
        private final AuditLog audit;

        FailingResource(Jdbi jdbi, AuditLog audit) {
            this.jdbi = jdbi;
            this.audit = audit;
        }

        /** A bug: an exception nobody expected. */
        @POST
        @Path("/boom")
        public String boom(@io.dropwizard.auth.Auth org.gemba.auth.Caller caller) {
            throw new IllegalStateException("secret internal detail: SELECT * FROM users");
        }

        /** Writes a user and its audit row, then fails before the transaction ends. */
        @POST
        @Path("/fail-half-way")
        public String failHalfWay(@io.dropwizard.auth.Auth org.gemba.auth.Caller caller) {
            UserService users = new UserService(jdbi, null, audit, () -> { });
            return jdbi.inTransaction(h -> {
                UserRow row = users.insert(h, caller.orgId(), new UserRequests.CreateUser("half.way@test.local",
                        "Half Way", List.of(Role.LEADER), null, null, null, null, null, null, List.of()), null);
                audit.record(h, new OrgId(row.orgId()), caller.id(), "USER", row.id(), "CREATED", Map.of(), null);
                throw new IllegalStateException("failed after writing");
            });
        }
    }
}

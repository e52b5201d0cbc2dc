package org.gemba;

import io.dropwizard.core.setup.Bootstrap;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.gemba.audit.AuditLog;
import org.gemba.auth.PasswordHasher;
import org.gemba.auth.PasswordPolicy;
import org.gemba.auth.Role;
import org.gemba.common.OrgId;
import org.gemba.people.OrganisationDao;
import org.gemba.people.UserDao;
import org.gemba.people.UserRequests;
import org.gemba.people.UserRow;
import org.gemba.people.UserService;
import org.jdbi.v3.core.Jdbi;

/**
 * Creates an organisation and its first administrator from GEMBA_ORG_NAME, GEMBA_ADMIN_EMAIL and
 * GEMBA_ADMIN_PASSWORD. Idempotent per organisation name; a new name adds another organisation.
 */
class BootstrapCommand extends DatabaseCommand {

    BootstrapCommand() {
        super("bootstrap", "Create an organisation and its admin from GEMBA_ORG_NAME, GEMBA_ADMIN_EMAIL, GEMBA_ADMIN_PASSWORD");
    }

    @Override
    protected void run(Jdbi jdbi, GembaConfiguration config, Namespace namespace,
                       Bootstrap<GembaConfiguration> bootstrap) {
        String orgName = required("GEMBA_ORG_NAME");
        String email = required("GEMBA_ADMIN_EMAIL");
        String password = required("GEMBA_ADMIN_PASSWORD");
        System.out.println(bootstrap(jdbi, new PasswordHasher(config.getSecurity().passwordHashCost),
                new AuditLog(bootstrap.getObjectMapper()), orgName, email, password));
    }

    /** Idempotent per organisation name; answers what it did. */
    static String bootstrap(Jdbi jdbi, PasswordHasher hasher, AuditLog audit, String orgName, String email,
                            String password) {
        PasswordPolicy.problem(password).ifPresent(p -> fail("GEMBA_ADMIN_PASSWORD " + p));
        UserService users = new UserService(jdbi, hasher, audit, () -> { });
        return jdbi.inTransaction(h -> {
            OrgId orgId = new OrgId(h.attach(OrganisationDao.class).ensure(orgName, "Europe/London"));
            UserDao dao = h.attach(UserDao.class);
            if (dao.emailTaken(email, null)) {
                if (dao.findByEmail(orgId.value(), email).isEmpty()) {
                    fail(email + " already belongs to another organisation");
                }
                return "Organisation '" + orgName + "' and admin " + email + " already exist; nothing changed.";
            }
            UserRow admin = users.insert(h, orgId, new UserRequests.CreateUser(email, "Administrator",
                    List.of(Role.ADMIN), password, null, null, null, null, null, List.of()), hasher.hash(password));
            audit.record(h, orgId, null, "USER", admin.id(), "BOOTSTRAPPED",
                    Map.of("email", email, "roles", List.of("ADMIN")), "bootstrap command");
            return "Created organisation '" + orgName + "' with admin " + email + ".";
        });
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            fail(name + " must be set");
        }
        return value.trim();
    }

    private static void fail(String message) {
        throw new IllegalArgumentException("bootstrap: " + message);
    }
}

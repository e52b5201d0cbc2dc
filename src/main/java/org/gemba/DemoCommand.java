package org.gemba;

import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import org.gemba.audit.AuditLog;
import org.gemba.auth.PasswordHasher;
import org.gemba.demo.DemoData;
import org.jdbi.v3.core.Jdbi;

/** Loads a realistic demo organisation (idempotent) and prints its logins. */
class DemoCommand extends DatabaseCommand {

    DemoCommand() {
        super("demo", "Load a realistic demo organisation into GEMBA_ORG_NAME (default 'Gemba Demo Trust')");
    }

    @Override
    protected void run(Jdbi jdbi, GembaConfiguration config, Namespace namespace,
                       Bootstrap<GembaConfiguration> bootstrap) {
        String orgName = System.getenv().getOrDefault("GEMBA_ORG_NAME", DemoData.DEFAULT_ORG);
        DemoData demo = new DemoData(jdbi, new PasswordHasher(config.getSecurity().passwordHashCost),
                new AuditLog(bootstrap.getObjectMapper()), java.time.Clock.systemUTC());
        System.out.print(demo.load(orgName.isBlank() ? DemoData.DEFAULT_ORG : orgName.trim()));
    }
}

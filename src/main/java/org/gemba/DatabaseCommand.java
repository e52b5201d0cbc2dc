package org.gemba;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;

/** A command-line command that works on the database configured in config.yml. */
abstract class DatabaseCommand extends ConfiguredCommand<GembaConfiguration> {

    DatabaseCommand(String name, String description) {
        super(name, description);
    }

    @Override
    protected final void run(Bootstrap<GembaConfiguration> bootstrap, Namespace namespace,
                             GembaConfiguration config) throws Exception {
        ManagedDataSource dataSource = Database.dataSource(config.getDatabase(), new MetricRegistry(), getName());
        dataSource.start();
        try {
            run(Database.configure(Jdbi.create(dataSource)), config, namespace, bootstrap);
        } finally {
            dataSource.stop();
        }
    }

    protected abstract void run(Jdbi jdbi, GembaConfiguration config, Namespace namespace,
                                Bootstrap<GembaConfiguration> bootstrap) throws Exception;
}

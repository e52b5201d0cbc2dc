package org.gemba;

import org.gemba.common.IdJdbiSupport;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The JDBI set-up shared by the server and the command-line commands. */
public final class Database {
    private Database() {}

    public static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.registerArrayType(String.class, "text");
        jdbi.registerArrayType(java.util.UUID.class, "uuid");
        IdJdbiSupport.install(jdbi);
        return jdbi;
    }
}

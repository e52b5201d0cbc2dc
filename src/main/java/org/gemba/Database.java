package org.gemba;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.util.List;
import org.apache.tomcat.jdbc.pool.DataSourceProxy;
import org.gemba.common.IdJdbiSupport;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectFactory;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The JDBI set-up shared by the server and the command-line commands. */
public final class Database {
    /** Every SqlObject interface of the application (DatabaseTest fails when one is missing). */
    static final List<Class<?>> SQL_OBJECTS = List.of(
            org.gemba.audit.AuditDao.class,
            org.gemba.auth.AuthDao.class,
            org.gemba.insight.ActionDao.class,
            org.gemba.insight.BriefDao.class,
            org.gemba.insight.ObservationDao.class,
            org.gemba.insight.SimilarDao.class,
            org.gemba.insight.similarity.EmbeddingDao.class,
            org.gemba.notify.DeliveryDao.class,
            org.gemba.notify.NotificationDao.class,
            org.gemba.notify.PreferenceDao.class,
            org.gemba.notify.ScheduledNoticeDao.class,
            org.gemba.people.OrganisationDao.class,
            org.gemba.people.TokenDao.class,
            org.gemba.people.UserDao.class,
            org.gemba.progress.SuggestionDao.class,
            org.gemba.progress.TargetDao.class,
            org.gemba.scheduling.BookingDao.class,
            org.gemba.scheduling.IdempotencyDao.class,
            org.gemba.scheduling.PlacementDao.class,
            org.gemba.scheduling.ShiftDao.class,
            org.gemba.scheduling.SiteDao.class,
            org.gemba.scheduling.WaitlistDao.class,
            org.gemba.scheduling.calendar.BookingEventDao.class,
            org.gemba.scheduling.calendar.CalendarFeedDao.class);

    private Database() {}

    /**
     * The connection pool, without tomcat-jdbc's statement facade. The facade wraps each statement and
     * result set in a reflective proxy, so every {@code rs.getXxx} went through {@code Method.invoke}
     * and a method-name comparison: 25 columns times 50 rows for a page of observations (seen with
     * JFR). JDBI closes its own statements, which is all the facade guards.
     */
    public static ManagedDataSource dataSource(DataSourceFactory factory, MetricRegistry metrics, String name) {
        ManagedDataSource dataSource = factory.build(metrics, name);
        ((DataSourceProxy) dataSource).getPoolProperties().setUseStatementFacade(false);
        return dataSource;
    }

    public static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.registerArrayType(String.class, "text");
        jdbi.registerArrayType(java.util.UUID.class, "uuid");
        IdJdbiSupport.install(jdbi);
        jdbi.setTemplateEngine(new StatementNameTemplates());
        jdbi.getConfig(Extensions.class).registerHandlerCustomizer(new LazySqlObjectMethods());
        warmSqlObjects(jdbi);
        return jdbi;
    }

    /**
     * Computes each SqlObject's metadata once, in the Jdbi's own cache. JDBI 3.51 (pinned by
     * Dropwizard 5.0.1) gives every Handle a copy of that cache and never writes back to it, so a type
     * first met through {@code Handle.attach} had its metadata rebuilt on every request: most of a
     * request's CPU (jdbi#2991, fixed in JDBI 3.53, whose modules the reachable Maven Central lacks).
     */
    private static void warmSqlObjects(Jdbi jdbi) {
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory factory = extensions.findFactory(SqlObjectFactory.class).orElseThrow();
        SQL_OBJECTS.forEach(type -> extensions.findMetadata(type, factory));
    }
}

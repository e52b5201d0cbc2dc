package org.gemba;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.gemba.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizerFactory;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizingAnnotation;
import org.jdbi.v3.sqlobject.customizer.SqlStatementParameterCustomizer;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlCall;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    /** A SqlObject left out of the warm-up list would silently cost every request that attaches it. */
    @Test
    void sqlObjects_listsEverySqlObjectInterfaceOfTheApplication() throws IOException, URISyntaxException {
        Path classes = Path.of(Database.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found;
        try (Stream<Path> files = Files.walk(classes.resolve("org/gemba"))) {
            found = files.map(classes::relativize).map(Path::toString).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .map(DatabaseTest::load).filter(c -> c.isInterface() && isSqlObject(c)).toList();
        }
        assertThat(found).hasSizeGreaterThan(10);
        assertThat(Database.SQL_OBJECTS).containsExactlyInAnyOrderElementsOf(found);
    }

    /** tomcat-jdbc's statement facade proxies every result set, and each column read then reflects. */
    @Test
    void connectionPool_handsOutTheDriversOwnStatementsAndResultSets() throws Exception {
        TestDatabase db = TestDatabase.get();
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.postgresql.Driver");
        factory.setUrl(db.url);
        factory.setUser(db.user);
        factory.setPassword(db.password);
        ManagedDataSource dataSource = Database.dataSource(factory, new MetricRegistry(), "test");
        dataSource.start();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1")) {
            assertThat(Proxy.isProxyClass(st.getClass())).as("statement is a proxy").isFalse();
            assertThat(Proxy.isProxyClass(rs.getClass())).as("result set is a proxy").isFalse();
            assertThat(rs.next()).isTrue();
        } finally {
            dataSource.stop();
        }
    }

    /** Statements say which SqlObject method ran them (pg_stat_statements, logs), as Dropwizard's engine did. */
    @Test
    void sqlObjectStatements_carryTheirMethodName() {
        Jdbi jdbi = TestDatabase.get().jdbi();
        List<String> rendered = new CopyOnWriteArrayList<>();
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                rendered.add(context.getRenderedSql());
            }
        });
        try {
            jdbi.onDemand(Probe.class).one(7);
            jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
        } finally {
            jdbi.setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        }
        assertThat(rendered).containsExactly("/* Probe.one */ SELECT CAST(:n AS int)", "SELECT 1");
    }

    /** Attaching a SqlObject (every onDemand call does) must not prepare the methods it does not call. */
    @Test
    void sqlObjects_prepareOnlyTheMethodsTheyCall() {
        Probe probe = TestDatabase.get().jdbi().onDemand(Probe.class);
        int before = Counted.WARMED.get();
        assertThat(probe.one(1)).isEqualTo(1);
        assertThat(probe.one(2)).isEqualTo(2);
        assertThat(Counted.WARMED.get()).isEqualTo(before);
    }

    interface Probe {
        @SqlQuery("SELECT CAST(:n AS int)")
        int one(int n);

        @SqlQuery("SELECT CAST(:n AS int)")
        int other(@Counted int n);
    }

    /** Counts how often JDBI prepares ("warms") the parameter it marks. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @SqlStatementCustomizingAnnotation(Counted.Factory.class)
    @interface Counted {
        AtomicInteger WARMED = new AtomicInteger();

        final class Factory implements SqlStatementCustomizerFactory {
            @Override
            public SqlStatementParameterCustomizer createForParameter(Annotation annotation, Class<?> sqlObjectType,
                    Method method, Parameter param, int index, Type paramType) {
                return new SqlStatementParameterCustomizer() {
                    @Override
                    public void apply(org.jdbi.v3.core.statement.SqlStatement<?> stmt, Object arg) {
                        stmt.bind("n", arg);
                    }

                    @Override
                    public void warm(org.jdbi.v3.core.config.ConfigRegistry config) {
                        WARMED.incrementAndGet();
                    }
                };
            }
        }
    }

    private static boolean isSqlObject(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).anyMatch(DatabaseTest::isStatement);
    }

    private static boolean isStatement(Method m) {
        return m.isAnnotationPresent(SqlQuery.class) || m.isAnnotationPresent(SqlUpdate.class)
                || m.isAnnotationPresent(SqlBatch.class) || m.isAnnotationPresent(SqlCall.class);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DatabaseTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

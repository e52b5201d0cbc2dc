package org.gemba.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Jdbi;

/**
 * One fresh database per test run ({@code gemba_test_<random>}) on the server named by
 * DATABASE_URL (default 127.0.0.1:5432), migrated once by the real changelog and dropped when the
 * JVM exits.
 */
public final class TestDatabase {
    private static TestDatabase instance;

    public final String url;
    public final String user;
    public final String password;
    private final Jdbi jdbi;

    private TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.jdbi = org.gemba.Database.configure(Jdbi.create(url, user, password));
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    private static TestDatabase create() {
        System.setProperty("liquibase.analytics.enabled", "false");
        String base = env("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = env("DATABASE_USER", "postgres");
        String password = env("DATABASE_PASSWORD", "");
        String server = base.replaceFirst("^(jdbc:postgresql://[^/]+)/.*$", "$1");
        String adminUrl = server + "/postgres";
        String name = "gemba_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database on " + adminUrl
                    + " (is PostgreSQL running? bin/test starts one)", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(adminUrl, user, password, name)));
        TestDatabase db = new TestDatabase(server + "/" + name, user, password);
        db.migrate();
        return db;
    }

    private void migrate() {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            try (Liquibase liquibase = new Liquibase("migrations/changelog.xml", new ClassLoaderResourceAccessor(), database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
        } catch (Exception e) {
            throw new IllegalStateException("migrating the test database failed", e);
        }
    }

    private static void drop(String adminUrl, String user, String password, String name) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

}

package org.gemba.support;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.gemba.GembaConfiguration;

/** Starts the real application on random ports against the test database. */
public final class TestApp {
    private TestApp() {}

    public static DropwizardAppExtension<GembaConfiguration> extension(ConfigOverride... extra) {
        return extension(TestApplication.class, extra);
    }

    /** The same, for a test's own subclass of {@link TestApplication} (e.g. with a test-only endpoint). */
    public static DropwizardAppExtension<GembaConfiguration> extension(Class<? extends TestApplication> app,
                                                                       ConfigOverride... extra) {
        TestDatabase db = TestDatabase.get();
        ConfigOverride[] base = {
                ConfigOverride.config("database.url", db.url),
                ConfigOverride.config("database.user", db.user),
                ConfigOverride.config("database.password", db.password),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("security.passwordHashCost", "4"),
                ConfigOverride.config("logging.level", "WARN"),
                // tests drive the mail worker and notice scheduler by hand (runOnce), not on a timer
                ConfigOverride.config("mail.background", "false"),
        };
        ConfigOverride[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return new DropwizardAppExtension<>(app, "config.yml", all);
    }
}

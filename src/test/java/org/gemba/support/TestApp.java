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

    /**
     * For settings that replace one of the defaults above (e.g. {@code mail.background}): two
     * overrides of one key are not applied reliably, so these are merged into the defaults by key.
     */
    public static DropwizardAppExtension<GembaConfiguration> extension(Class<? extends TestApplication> app,
                                                                       java.util.Map<String, String> settings) {
        TestDatabase db = TestDatabase.get();
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("database.url", db.url);
        all.put("database.user", db.user);
        all.put("database.password", db.password);
        all.put("server.applicationConnectors[0].port", "0");
        all.put("server.adminConnectors[0].port", "0");
        all.put("security.passwordHashCost", "4");
        all.put("logging.level", "WARN");
        all.put("mail.background", "false");
        all.putAll(settings);
        ConfigOverride[] overrides = all.entrySet().stream()
                .map(e -> ConfigOverride.config(e.getKey(), e.getValue())).toArray(ConfigOverride[]::new);
        return new DropwizardAppExtension<>(app, "config.yml", overrides);
    }
}

package org.gemba;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** No password, password hash or API token ever appears in a response body or a log line. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SecretsTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    @Test
    void secrets_neverAppearInResponsesOrLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        logs.start();
        root.addAppender(logs);
        ch.qos.logback.classic.Level before = root.getLevel();
        // the level config.yml runs with in production; DEBUG tracing of HTTP headers is a developer-only switch
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        List<String> bodies = new ArrayList<>();
        String password = "zz-unique-secret-passphrase";
        try {
            Fixtures.Org org = Fixtures.org();
            Http admin = org.user("ADMIN").http(APP.getLocalPort());
            String email = Fixtures.unique("s") + "@test.local";
            Http.Res created = admin.post("/api/v1/users", Map.of("email", email, "name", "Sam Secret",
                    "roles", List.of("LEADER"), "password", password));
            bodies.add(created.body());
            String id = created.json().path("id").asText();
            Http me = Http.at(APP.getLocalPort()).basic(email, password);
            bodies.add(me.get("/api/v1/me").body());
            Http.Res token = me.post("/api/v1/me/tokens", Map.of("name", "laptop"));
            String secretToken = token.json().path("token").asText();
            bodies.add(Http.at(APP.getLocalPort()).bearer(secretToken).get("/api/v1/me").body());
            bodies.add(me.get("/api/v1/me/tokens").body());
            bodies.add(admin.get("/api/v1/users/" + id).body());
            bodies.add(admin.get("/api/v1/users?limit=500").body());
            bodies.add(admin.patch("/api/v1/users/" + id, Map.of("password", password + "-2")).body());
            bodies.add(admin.get("/api/v1/audit?entityId=" + id).body());
            bodies.add(Http.at(APP.getLocalPort()).basic(email, "wrong-" + password).get("/api/v1/me").body());
            bodies.add(admin.post("/api/v1/users", Map.of("email", "x", "name", "", "roles", List.of(), "password", password)).body());

            for (String body : bodies) {
                assertThat(body).doesNotContain(password).doesNotContain("$2b$").doesNotContain("$2a$")
                        .doesNotContain("password_hash").doesNotContain("tokenHash");
            }
            assertThat(bodies.stream().filter(b -> b.contains(secretToken))).isEmpty();
            List<String> lines = new ArrayList<>();
            for (ILoggingEvent e : logs.list) {
                lines.add(e.getFormattedMessage());
                for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                    lines.add(t.getMessage());
                }
            }
            for (String line : lines) {
                if (line != null) {
                    assertThat(line).doesNotContain(password).doesNotContain(secretToken).doesNotContain("$2b$");
                }
            }
        } finally {
            root.setLevel(before);
            root.detachAppender(logs);
        }
    }
}

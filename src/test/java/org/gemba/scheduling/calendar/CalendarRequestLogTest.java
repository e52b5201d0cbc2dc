package org.gemba.scheduling.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The request log, written to a file here, never shows a calendar token. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CalendarRequestLogTest {
    static final Path LOG = tempLog();
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension(
            ConfigOverride.config("server.requestLog.appenders[0].type", "file"),
            ConfigOverride.config("server.requestLog.appenders[0].currentLogFilename", LOG.toString()),
            ConfigOverride.config("server.requestLog.appenders[0].archive", "false"));

    private static Path tempLog() {
        try {
            return Files.createTempFile("gemba-request-log", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void requestLog_masksCalendarTokens_forFeedAndRotatedUrls() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        Http http = leader.http(APP.getLocalPort());
        String first = http.get("/api/v1/me/calendar").json().path("url").asText();
        String second = http.post("/api/v1/me/calendar/rotate", null).json().path("url").asText();
        Http anonymous = Http.at(APP.getLocalPort());
        assertThat(anonymous.get(URI.create(first).getRawPath()).status()).isEqualTo(404);
        assertThat(anonymous.get(URI.create(second).getRawPath()).status()).isEqualTo(200);
        String marker = UUID.randomUUID().toString();
        http.get("/api/v1/me?marker=" + marker);

        String log = awaitLogContaining(marker);

        assertThat(log).doesNotContain(token(first)).doesNotContain(token(second))
                .contains("GET /api/v1/calendar/***.ics").contains("POST /api/v1/me/calendar/rotate");
    }

    @Test
    void mask_hidesOnlyTheFeedToken() {
        assertThat(TokenMaskingRequestLog.mask("/api/v1/calendar/gcal_abc-_123.ics")).isEqualTo("/api/v1/calendar/***.ics");
        assertThat(TokenMaskingRequestLog.mask("/api/v1/calendar/gcal_abc")).isEqualTo("/api/v1/calendar/***");
        assertThat(TokenMaskingRequestLog.mask("/api/v1//calendar/x.ics")).isEqualTo("/api/v1//calendar/***.ics");
        assertThat(TokenMaskingRequestLog.mask("/api/v1/me/calendar/rotate")).isEqualTo("/api/v1/me/calendar/rotate");
        assertThat(TokenMaskingRequestLog.mask("/api/v1/shifts")).isEqualTo("/api/v1/shifts");
    }

    private static String token(String url) {
        return url.replaceAll(".*/calendar/(.*)\\.ics", "$1");
    }

    /** The request log is written asynchronously: wait (bounded) for the last request's line. */
    private static String awaitLogContaining(String text) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            String log = read();
            if (log.contains(text)) {
                return log;
            }
            assertThat(Instant.now()).as("request log never showed " + text).isBefore(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static String read() {
        try {
            return Files.readString(LOG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

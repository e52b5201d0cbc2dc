package org.gemba.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ShiftSeriesApiTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    final Fixtures.Org org = Fixtures.org();
    final Fixtures.User host = org.user("HOST");
    final UUID placement = Sched.placement(org, Sched.site(org), new Sched.P().capacity(2).hosts(host));
    final LocalDateTime nextTuesday = LocalDate.now(LONDON).plusWeeks(1)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).atTime(9, 0);

    Http.Res create(Fixtures.User who, Map<String, Object> body) {
        return who.http(APP.getLocalPort()).post("/api/v1/shift-series", body);
    }

    @Test
    void create_weekly0900Series_createsEveryShiftUnbooked() {
        Http.Res res = create(host, Map.of("placementId", placement.toString(), "localStart", nextTuesday.toString(),
                "durationMinutes", 240, "rrule", "FREQ=WEEKLY;BYDAY=TU;COUNT=10"));
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        assertThat(res.header("Location")).endsWith("/api/v1/shift-series/" + res.json().path("id").asText());
        assertThat(res.json().path("shifts")).hasSize(10);
        res.json().path("shifts").forEach(s -> {
            assertThat(s.path("bookedCount").asInt()).isZero();
            assertThat(s.path("capacity").asInt()).isEqualTo(2);
            assertThat(s.path("localStart").asText()).endsWith("T09:00:00");
        });
        assertThat(Sched.count("SELECT count(*) FROM shifts WHERE series_id = CAST(? AS uuid)",
                res.json().path("id").asText())).isEqualTo(10);
        Http.Res read = org.user("LEADER").http(APP.getLocalPort()).get(res.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("shifts")).hasSize(10);
    }

    @Test
    void create_byHostOfAnotherPlacement_isRefused() {
        Http.Res res = create(org.user("HOST"), Map.of("placementId", placement.toString(),
                "localStart", nextTuesday.toString(), "durationMinutes", 240, "rrule", "FREQ=WEEKLY;COUNT=3"));
        assertThat(res.status()).isIn(403, 404);
        assertThat(Sched.count("SELECT count(*) FROM shifts WHERE placement_id = ?", placement)).isZero();
    }

    @Test
    void create_badBody_is422() {
        assertThat(create(host, Map.of("placementId", placement.toString(), "localStart", nextTuesday.toString(),
                "durationMinutes", 30, "rrule", "FREQ=WEEKLY;COUNT=3")).status()).isEqualTo(422);
        assertThat(create(host, Map.of("placementId", placement.toString(), "localStart", "2026-02-30T09:00",
                "durationMinutes", 240, "rrule", "FREQ=WEEKLY;COUNT=3")).status()).isEqualTo(422);
        assertThat(create(host, Map.of("placementId", UUID.randomUUID().toString(), "localStart", nextTuesday.toString(),
                "durationMinutes", 240, "rrule", "FREQ=WEEKLY;COUNT=3")).status()).isEqualTo(422);
        assertThat(Sched.count("SELECT count(*) FROM shift_series WHERE placement_id = ?", placement)).isZero();
    }
}

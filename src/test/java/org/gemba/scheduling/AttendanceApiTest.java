package org.gemba.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.gemba.support.TestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class AttendanceApiTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    final Fixtures.Org org = Fixtures.org();
    final Fixtures.User host = org.user("HOST");
    final Fixtures.User hr = org.user("HR");
    final Fixtures.User leader = org.user("LEADER");
    final UUID placement = Sched.placement(org, Sched.site(org), new Sched.P().hosts(host));

    @AfterEach
    void resetClock() {
        TestApplication.CLOCK.reset();
    }

    Http as(Fixtures.User u) {
        return u.http(APP.getLocalPort());
    }

    /** HR books the leader on any shift (override allows past ones). */
    String booking(Instant start, Instant end) {
        UUID shift = Sched.shift(org, placement, start, end, 3);
        Http.Res res = as(hr).post("/api/v1/bookings", Map.of("shiftId", shift.toString(),
                "leaderId", leader.id().toString(), "override", true, "reason", "records"));
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().path("id").asText();
    }

    @Test
    void attendance_beforeTheShiftStarts_refusesWithShiftNotStarted() {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String id = booking(start, start.plus(4, ChronoUnit.HOURS));
        Http.Res res = as(host).post("/api/v1/bookings/" + id + "/attendance", Map.of("status", "NO_SHOW"));
        assertThat(res.status()).isEqualTo(409);
        assertThat(res.code()).isEqualTo("SHIFT_NOT_STARTED");
    }

    @Test
    void attendance_nightShiftAcrossOctoberClockChange_credits10Hours() {
        Instant start = LocalDateTime.of(2026, 10, 24, 22, 0).atZone(LONDON).toInstant();
        Instant end = LocalDateTime.of(2026, 10, 25, 7, 0).atZone(LONDON).toInstant();
        String id = booking(start, end);
        TestApplication.CLOCK.set(end.plus(1, ChronoUnit.HOURS));
        Http.Res res = as(host).post("/api/v1/bookings/" + id + "/attendance", Map.of("status", "ATTENDED",
                "actualStart", start.toString(), "actualEnd", end.toString()));
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        assertThat(res.json().path("status").asText()).isEqualTo("ATTENDED");
        assertThat(res.json().path("creditedHours").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(res.json().path("hours").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(Sched.text("SELECT body FROM notifications WHERE user_id = ? AND type = 'ATTENDANCE_RECORDED'",
                leader.id())).contains("10.00 hours");
        assertThat(Sched.count("SELECT credited_minutes FROM bookings WHERE id = CAST(? AS uuid)", id)).isEqualTo(600);
    }

    @Test
    void attendance_instantsOutOfRange_are422NamingTheField() {
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Instant end = start.plus(8, ChronoUnit.HOURS);
        String id = booking(start, end);
        String path = "/api/v1/bookings/" + id + "/attendance";
        Http.Res tooEarly = as(host).post(path, Map.of("status", "ATTENDED",
                "actualStart", start.minus(3, ChronoUnit.HOURS).toString(), "actualEnd", end.toString()));
        assertThat(tooEarly.status()).isEqualTo(422);
        assertThat(tooEarly.json().path("errors").get(0).path("field").asText()).isEqualTo("actualStart");
        Http.Res backwards = as(host).post(path, Map.of("status", "ATTENDED",
                "actualStart", end.toString(), "actualEnd", start.toString()));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().path("errors").get(0).path("field").asText()).isEqualTo("actualEnd");
        Http.Res tooLong = as(host).post(path, Map.of("status", "ATTENDED",
                "actualStart", start.minus(2, ChronoUnit.HOURS).toString(), "actualEnd", end.plus(4, ChronoUnit.HOURS).toString()));
        assertThat(tooLong.status()).isEqualTo(422);
        Http.Res missing = as(host).post(path, Map.of("status", "ATTENDED"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(Sched.text("SELECT status FROM bookings WHERE id = CAST(? AS uuid)", id)).isEqualTo("BOOKED");
    }

    @Test
    void attendance_noShow_canBeCorrectedToAttended_andOtherHostsGet404() {
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Instant end = start.plus(3, ChronoUnit.HOURS);
        String id = booking(start, end);
        String path = "/api/v1/bookings/" + id + "/attendance";
        assertThat(as(org.user("HOST")).post(path, Map.of("status", "NO_SHOW")).status()).isEqualTo(404);
        assertThat(as(leader).post(path, Map.of("status", "NO_SHOW")).status()).isEqualTo(403);
        Http.Res noShow = as(host).post(path, Map.of("status", "NO_SHOW"));
        assertThat(noShow.status()).isEqualTo(200);
        assertThat(noShow.json().path("status").asText()).isEqualTo("NO_SHOW");
        Http.Res attended = as(hr).post(path, Map.of("status", "ATTENDED", "actualStart", start.toString(),
                "actualEnd", start.plus(150, ChronoUnit.MINUTES).toString()));
        assertThat(attended.json().path("creditedHours").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(Sched.count("SELECT count(*) FROM audit_log WHERE entity_id = CAST(? AS uuid) AND action = 'ATTENDANCE'",
                id)).isEqualTo(2);
        assertThat(as(host).post(path, Map.of("status", "MAYBE")).status()).isEqualTo(422);
    }
}

package org.gemba.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pins the field names clients rely on, so a rename in a view record breaks a test, not a client. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ResponseShapeTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void shiftBookingAndWaitlistResponses_carryTheContractsFields() {
        Fixtures.Org org = Fixtures.org();
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        UUID shift = Sched.shift(org, Sched.placement(org), start, start.plus(2, ChronoUnit.HOURS), 1);
        var leader = org.user("LEADER").http(APP.getLocalPort());
        JsonNode s = leader.get("/api/v1/shifts/" + shift).json();
        assertThat(fields(s)).contains("id", "placementId", "placementName", "siteId", "siteName", "timeZone", "start",
                "end", "capacity", "bookedCount", "placesLeft", "status", "version", "sequence");
        JsonNode b = leader.post("/api/v1/bookings", Map.of("shiftId", shift.toString())).json();
        assertThat(fields(b)).contains("id", "shiftId", "leaderId", "status", "start", "end", "hours", "late",
                "creditedHours", "placementName", "siteName");
        assertThat(b.path("start").asText()).endsWith("Z");
        JsonNode w = org.user("LEADER").http(APP.getLocalPort()).post("/api/v1/shifts/" + shift + "/waitlist", Map.of()).json();
        assertThat(fields(w)).contains("id", "shiftId", "leaderId", "position", "status");
        JsonNode page = leader.get("/api/v1/shifts").json();
        assertThat(fields(page)).containsExactlyInAnyOrder("items", "nextCursor");
    }

    @Test
    void openApi_describesTheSchedulingEndpoints() {
        var res = org.gemba.support.Http.at(APP.getLocalPort()).get("/openapi.json");
        assertThat(res.status()).isEqualTo(200);
        assertThat(fields(res.json().path("paths"))).contains("/api/v1/bookings", "/api/v1/shifts/{id}",
                "/api/v1/shifts/{id}/waitlist", "/api/v1/shift-series", "/api/v1/sites", "/api/v1/placements");
    }
}

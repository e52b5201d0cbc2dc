package org.gemba.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;

/** Short-hands for the insight endpoints, each asserting the success status it expects. */
final class InsightApi {
    private final int port;

    InsightApi(int port) {
        this.port = port;
    }

    Http as(Fixtures.User user) {
        return user.http(port);
    }

    JsonNode observe(Fixtures.User leader, UUID siteId, String text, String kind, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("siteId", siteId.toString());
        body.put("text", text);
        body.put("kind", kind);
        Http.Res res = as(leader).post("/api/v1/observations", body);
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        return res.json();
    }

    JsonNode observe(Fixtures.User leader, UUID siteId, String text) {
        return observe(leader, siteId, text, "BARRIER", Map.of());
    }

    static UUID id(JsonNode node) {
        return UUID.fromString(node.path("id").asText());
    }

    JsonNode triage(Fixtures.User improver, UUID observationId, String theme) {
        Http.Res res = as(improver).post("/api/v1/observations/" + observationId + "/triage",
                Map.of("priority", "P2", "theme", theme, "criterion", "DELIVERY", "cause", "PROCESS"));
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        return res.json();
    }

    JsonNode action(Fixtures.User improver, UUID ownerId, String title, UUID... observationIds) {
        Http.Res res = as(improver).post("/api/v1/actions", Map.of("title", title, "ownerId", ownerId.toString(),
                "observationIds", List.of(observationIds).stream().map(UUID::toString).toList()));
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        return res.json();
    }

    JsonNode complete(Fixtures.User improver, UUID actionId, String outcome) {
        Http.Res res = as(improver).post("/api/v1/actions/" + actionId + "/complete", Map.of("outcome", outcome));
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        return res.json();
    }

    String status(Fixtures.User reader, UUID observationId) {
        Http.Res res = as(reader).get("/api/v1/observations/" + observationId);
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        return res.json().path("status").asText();
    }

    /** The ids of a list answer, in order. */
    static List<UUID> ids(Http.Res res) {
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(res.json().path("items").spliterator(), false)
                .map(InsightApi::id).toList();
    }
}

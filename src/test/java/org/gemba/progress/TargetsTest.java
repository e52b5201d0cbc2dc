package org.gemba.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.gemba.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class TargetsTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    private static int auditRows(UUID orgId, String entityType, String reason) {
        return TestDatabase.get().jdbi().withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM audit_log
                        WHERE org_id = :org AND entity_type = :type AND reason IS NOT DISTINCT FROM :reason""")
                .bind("org", orgId).bind("type", entityType).bind("reason", reason).mapTo(Integer.class).one());
    }

    @Test
    void putPolicy_createsThenReplaces_andIsListedAndAudited() {
        Fixtures.Org org = Fixtures.org();
        Http hr = org.user("HR").http(APP.getLocalPort());
        Http.Res first = hr.put("/api/v1/target-policies/SCS%201", Map.of("annualHours", 120));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("grade").asText()).isEqualTo("SCS 1");
        assertThat(hr.put("/api/v1/target-policies/SCS%201", Map.of("annualHours", 99.5)).status()).isEqualTo(200);
        Http.Res list = hr.get("/api/v1/target-policies");
        assertThat(list.json().path("items")).hasSize(1);
        assertThat(list.json().path("items").get(0).path("annualHours").decimalValue()).isEqualByComparingTo("99.5");
        assertThat(auditRows(org.id(), "TARGET_POLICY", null)).isEqualTo(2);
    }

    @Test
    void putPolicy_withBadHours_is422_andChangesNothing() {
        Fixtures.Org org = Fixtures.org();
        Http hr = org.user("HR").http(APP.getLocalPort());
        for (Object bad : new Object[] {-1, 2001, 1.234}) {
            Http.Res res = hr.put("/api/v1/target-policies/SCS1", Map.of("annualHours", bad));
            assertThat(res.status()).as(String.valueOf(bad)).isEqualTo(422);
            assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("annualHours");
        }
        Http.Res unknown = hr.put("/api/v1/target-policies/SCS1", Map.of("annualHours", 10, "colour", "red"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_FIELD");
        assertThat(hr.get("/api/v1/target-policies").json().path("items")).isEmpty();
    }

    @Test
    void targets_forLeaderOrHost_areForbidden() {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User leader = org.user("LEADER");
        Http http = leader.http(APP.getLocalPort());
        assertThat(http.put("/api/v1/target-policies/SCS1", Map.of("annualHours", 1)).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/users/" + leader.id() + "/adjustments",
                Map.of("year", 2026, "hours", 10, "reason", "mine")).status()).isEqualTo(403);
        assertThat(org.user("HOST").http(APP.getLocalPort()).get("/api/v1/target-policies").status()).isEqualTo(403);
    }

    @Test
    void adjustment_isCreatedWithLocation_listed_andAuditedWithItsReason() {
        Fixtures.Org org = Fixtures.org();
        UUID leader = org.user("LEADER").id();
        Http hr = org.user("ADMIN").http(APP.getLocalPort());
        Http.Res res = hr.post("/api/v1/users/" + leader + "/adjustments",
                Map.of("year", 2026, "hours", 37.5, "reason", "maternity leave"));
        assertThat(res.status()).isEqualTo(201);
        assertThat(res.header("Location")).contains("/api/v1/users/" + leader + "/adjustments/");
        assertThat(res.json().path("hours").decimalValue()).isEqualByComparingTo("37.5");
        Http.Res list = hr.get("/api/v1/users/" + leader + "/adjustments");
        assertThat(list.json().path("items")).hasSize(1);
        assertThat(list.json().path("items").get(0).path("reason").asText()).isEqualTo("maternity leave");
        assertThat(hr.get("/api/v1/users/" + leader + "/adjustments?year=2027").json().path("items")).isEmpty();
        assertThat(auditRows(org.id(), "TARGET_ADJUSTMENT", "maternity leave")).isEqualTo(1);
    }

    @Test
    void adjustment_withBadFields_is422NamingEach_andWritesNothing() {
        Fixtures.Org org = Fixtures.org();
        UUID leader = org.user("LEADER").id();
        Http hr = org.user("HR").http(APP.getLocalPort());
        Http.Res res = hr.post("/api/v1/users/" + leader + "/adjustments", Map.of("year", 2024, "hours", 0, "reason", " "));
        assertThat(res.status()).isEqualTo(422);
        assertThat(res.json().path("errors").findValuesAsText("field")).contains("year", "hours", "reason");
        Http.Res wrongType = hr.post("/api/v1/users/" + leader + "/adjustments",
                Map.of("year", "next", "hours", 1, "reason", "x"));
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(hr.get("/api/v1/users/" + leader + "/adjustments").json().path("items")).isEmpty();
        assertThat(auditRows(org.id(), "TARGET_ADJUSTMENT", " ")).isZero();
    }

    @Test
    void adjustment_forUnknownOrOtherOrganisationsLeader_isNotFound() {
        Fixtures.Org org = Fixtures.org();
        Http hr = org.user("HR").http(APP.getLocalPort());
        UUID stranger = Fixtures.org().user("LEADER").id();
        Map<String, Object> body = Map.of("year", 2026, "hours", 1, "reason", "x");
        assertThat(hr.post("/api/v1/users/" + stranger + "/adjustments", body).status()).isEqualTo(404);
        assertThat(hr.post("/api/v1/users/" + UUID.randomUUID() + "/adjustments", body).status()).isEqualTo(404);
        assertThat(hr.get("/api/v1/users/" + stranger + "/adjustments").status()).isEqualTo(404);
    }
}

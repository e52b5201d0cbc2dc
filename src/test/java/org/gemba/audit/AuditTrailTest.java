package org.gemba.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.gemba.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class AuditTrailTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    @Test
    void changes_areListedForAdmins_newestFirst_filteredByEntityAndActor() {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User adminUser = org.user("ADMIN");
        Http admin = adminUser.http(APP.getLocalPort());
        Fixtures.User leader = org.user("LEADER");
        admin.patch("/api/v1/users/" + leader.id(), Map.of("grade", "SCS2"));
        admin.patch("/api/v1/users/" + leader.id(), Map.of("grade", "SCS3"));

        Http.Res res = admin.get("/api/v1/audit?entityId=" + leader.id());
        assertThat(res.status()).isEqualTo(200);
        List<com.fasterxml.jackson.databind.JsonNode> items = List.copyOf(
                (java.util.Collection<com.fasterxml.jackson.databind.JsonNode>) toList(res.json().path("items")));
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("changes").path("grade").path("to").asText()).isEqualTo("SCS3");
        assertThat(items.get(0).path("actorId").asText()).isEqualTo(adminUser.id().toString());
        assertThat(items.get(0).path("entityType").asText()).isEqualTo("USER");

        assertThat(admin.get("/api/v1/audit?actorId=" + leader.id()).json().path("items")).isEmpty();
        assertThat(admin.get("/api/v1/audit?actorId=" + adminUser.id()).json().path("items").size()).isEqualTo(2);
    }

    @Test
    void auditOfAnotherOrganisation_isInvisible() {
        Fixtures.Org other = Fixtures.org();
        Http otherAdmin = other.user("ADMIN").http(APP.getLocalPort());
        Fixtures.User otherLeader = other.user("LEADER");
        otherAdmin.patch("/api/v1/users/" + otherLeader.id(), Map.of("grade", "SCS2"));

        Http admin = Fixtures.org().user("ADMIN").http(APP.getLocalPort());
        assertThat(admin.get("/api/v1/audit?entityId=" + otherLeader.id()).json().path("items")).isEmpty();
    }

    @Test
    void nonAdmins_areForbidden() {
        Fixtures.Org org = Fixtures.org();
        for (String role : List.of("LEADER", "HR", "HOST", "IMPROVEMENT")) {
            assertThat(org.user(role).http(APP.getLocalPort()).get("/api/v1/audit").status()).as(role).isEqualTo(403);
        }
    }

    @Test
    void auditTable_refusesUpdateAndDelete() {
        Fixtures.Org org = Fixtures.org();
        Http admin = org.user("ADMIN").http(APP.getLocalPort());
        Fixtures.User leader = org.user("LEADER");
        admin.patch("/api/v1/users/" + leader.id(), Map.of("grade", "SCS2"));
        var jdbi = TestDatabase.get().jdbi();
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("UPDATE audit_log SET reason = 'rewritten' WHERE entity_id = ?", leader.id())))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("DELETE FROM audit_log WHERE entity_id = ?", leader.id())))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("TRUNCATE audit_log")))
                .hasMessageContaining("append-only");
        long rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log WHERE entity_id = :id")
                .bind("id", leader.id()).mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
    }

    private static java.util.Collection<?> toList(com.fasterxml.jackson.databind.JsonNode array) {
        java.util.List<com.fasterxml.jackson.databind.JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}

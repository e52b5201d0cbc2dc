package org.gemba.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class SiteAndPlacementApiTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    final Fixtures.Org org = Fixtures.org();
    final Fixtures.User admin = org.user("ADMIN");

    Http as(Fixtures.User u) {
        return u.http(APP.getLocalPort());
    }

    String site(String name, String zone) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name));
        if (zone != null) {
            body.put("timeZone", zone);
        }
        Http.Res res = as(admin).post("/api/v1/sites", body);
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().path("id").asText();
    }

    @Test
    void site_create_defaultsToLondon_andRefusesUnknownZones() {
        Http.Res res = as(admin).post("/api/v1/sites", Map.of("name", "St Mary's", "address", "Praed Street"));
        assertThat(res.status()).isEqualTo(201);
        assertThat(res.header("Location")).endsWith("/api/v1/sites/" + res.json().path("id").asText());
        assertThat(res.json().path("timeZone").asText()).isEqualTo("Europe/London");
        Http.Res bad = as(admin).post("/api/v1/sites", Map.of("name", "Nowhere", "timeZone", "Mars/Olympus"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("timeZone");
        assertThat(as(admin).post("/api/v1/sites", Map.of("name", "")).status()).isEqualTo(422);
        assertThat(as(org.user("HOST")).post("/api/v1/sites", Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(as(admin).post("/api/v1/sites", Map.of("name", "x", "colour", "red")).code()).isEqualTo("UNKNOWN_FIELD");
    }

    @Test
    void site_readByAnyRoleOfTheOrganisation_only() {
        String id = site("Riverside", "Europe/Dublin");
        Fixtures.User leader = org.user("LEADER");
        assertThat(as(leader).get("/api/v1/sites/" + id).json().path("timeZone").asText()).isEqualTo("Europe/Dublin");
        assertThat(as(leader).get("/api/v1/sites").json().path("items")).hasSize(1);
        assertThat(as(Fixtures.org().user("ADMIN")).get("/api/v1/sites/" + id).status()).isEqualTo(404);
    }

    @Test
    void placement_create_withHosts_andFilterBySite() {
        String site = site("St Mary's", null);
        String otherSite = site("Northgate", null);
        Fixtures.User host = org.user("HOST");
        Http.Res res = as(admin).post("/api/v1/placements", Map.of("siteId", site, "name", "Catering — Ward 3",
                "defaultCapacity", 2, "requiredTrainings", List.of("FOOD_HYGIENE"), "hostIds", List.of(host.id().toString()),
                "maxLeadersPerWeek", 3, "excludeOwnDirectorate", true, "directorate", "Estates"));
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        assertThat(res.json().path("hostIds").get(0).asText()).isEqualTo(host.id().toString());
        assertThat(res.json().path("requiredTrainings").get(0).asText()).isEqualTo("FOOD_HYGIENE");
        assertThat(res.json().path("maxLeadersPerWeek").asInt()).isEqualTo(3);
        as(admin).post("/api/v1/placements", Map.of("siteId", otherSite, "name", "Calls", "defaultCapacity", 1,
                "requiredTrainings", List.of(), "hostIds", List.of()));
        Fixtures.User leader = org.user("LEADER");
        assertThat(as(leader).get("/api/v1/placements").json().path("items")).hasSize(2);
        Http.Res filtered = as(leader).get("/api/v1/placements?siteId=" + site);
        assertThat(filtered.json().path("items")).hasSize(1);
        assertThat(filtered.json().path("items").get(0).path("name").asText()).isEqualTo("Catering — Ward 3");
        String id = res.json().path("id").asText();
        assertThat(as(leader).get("/api/v1/placements/" + id).status()).isEqualTo(200);
        assertThat(as(Fixtures.org().user("LEADER")).get("/api/v1/placements/" + id).status()).isEqualTo(404);
    }

    @Test
    void placement_create_refusesNonHostsUnknownSitesAndBadCapacity() {
        String site = site("St Mary's", null);
        Http.Res notHost = as(admin).post("/api/v1/placements", Map.of("siteId", site, "name", "Porters",
                "defaultCapacity", 2, "requiredTrainings", List.of(), "hostIds", List.of(org.user("LEADER").id().toString())));
        assertThat(notHost.status()).isEqualTo(422);
        assertThat(notHost.json().path("errors").get(0).path("field").asText()).isEqualTo("hostIds");
        Http.Res otherOrgHost = as(admin).post("/api/v1/placements", Map.of("siteId", site, "name", "Porters",
                "defaultCapacity", 2, "hostIds", List.of(Fixtures.org().user("HOST").id().toString())));
        assertThat(otherOrgHost.status()).isEqualTo(422);
        Http.Res unknownSite = as(admin).post("/api/v1/placements", Map.of("siteId", UUID.randomUUID().toString(),
                "name", "Porters", "defaultCapacity", 2));
        assertThat(unknownSite.status()).isEqualTo(422);
        assertThat(unknownSite.json().path("errors").get(0).path("field").asText()).isEqualTo("siteId");
        assertThat(as(admin).post("/api/v1/placements", Map.of("siteId", site, "name", "Porters", "defaultCapacity", 0))
                .status()).isEqualTo(422);
        assertThat(as(org.user("HR")).post("/api/v1/placements", Map.of("siteId", site, "name", "P", "defaultCapacity", 1))
                .status()).isEqualTo(403);
    }

    @Test
    void placement_patch_changesHostsAndCap() {
        String site = site("St Mary's", null);
        String id = as(admin).post("/api/v1/placements", Map.of("siteId", site, "name", "Reception",
                "defaultCapacity", 2)).json().path("id").asText();
        Fixtures.User host = org.user("HOST");
        Http.Res res = as(admin).patch("/api/v1/placements/" + id, Map.of("hostIds", List.of(host.id().toString()),
                "maxLeadersPerWeek", 2));
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        assertThat(res.json().path("hostIds")).hasSize(1);
        assertThat(res.json().path("maxLeadersPerWeek").asInt()).isEqualTo(2);
        assertThat(res.json().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void patch_leavesAbsentFieldsAlone_andAnExplicitNullClears() {
        String site = site("Pharmacy site", null);
        String id = as(admin).post("/api/v1/placements", Map.of("siteId", site, "name", "Pharmacy",
                "description", "Dispensary counter", "defaultCapacity", 2, "maxLeadersPerWeek", 3,
                "directorate", "Operations")).json().path("id").asText();
        Http.Res renamed = as(admin).patch("/api/v1/placements/" + id, Map.of("name", "Pharmacy dispensary"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("description").asText()).isEqualTo("Dispensary counter");
        assertThat(renamed.json().path("maxLeadersPerWeek").asInt()).isEqualTo(3);
        assertThat(renamed.json().path("directorate").asText()).isEqualTo("Operations");

        java.util.Map<String, Object> clear = new java.util.HashMap<>();
        clear.put("maxLeadersPerWeek", null);
        Http.Res cleared = as(admin).patch("/api/v1/placements/" + id, clear);
        assertThat(cleared.json().path("maxLeadersPerWeek").isNull()).isTrue();
        assertThat(cleared.json().path("description").asText()).isEqualTo("Dispensary counter");
    }
}

package org.gemba.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.gemba.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class UserApiTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    private Fixtures.Org org;
    private Http admin;

    @BeforeEach
    void setUp() {
        org = Fixtures.org();
        admin = org.user("ADMIN").http(APP.getLocalPort());
    }

    private Map<String, Object> newUser(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("name", "Ada Leader");
        body.put("roles", List.of("LEADER", "HOST"));
        body.put("password", "a-long-unusual-passphrase");
        body.put("grade", "SCS2");
        body.put("directorate", "Finance");
        body.put("fte", 0.8);
        body.put("startDate", "2025-06-01");
        body.put("trainings", List.of("food_hygiene", "INFECTION_CONTROL"));
        return body;
    }

    @Test
    void create_returns201WithLocationAndTheUser_andTheUserCanLogIn() {
        String email = Fixtures.unique("ada") + "@test.local";
        Http.Res res = admin.post("/api/v1/users", newUser(email));
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        JsonNode user = res.json();
        assertThat(res.header("Location")).endsWith("/api/v1/users/" + user.path("id").asText());
        assertThat(res.header("ETag")).isEqualTo("\"1\"");
        assertThat(user.path("roles").toString()).isEqualTo("[\"HOST\",\"LEADER\"]");
        assertThat(user.path("fte").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(user.path("trainings").toString()).isEqualTo("[\"FOOD_HYGIENE\",\"INFECTION_CONTROL\"]");
        assertThat(res.body()).doesNotContain("a-long-unusual-passphrase").doesNotContain("$2b$").doesNotContain("hash");

        Http.Res me = Http.at(APP.getLocalPort()).basic(email, "a-long-unusual-passphrase").get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("grade").asText()).isEqualTo("SCS2");
    }

    @Test
    void create_withShortOrCommonPassword_isRefusedOnPassword() {
        for (String weak : List.of("short", "password1234", "Password1234", "aaaaaaaaaaaaaaaa", "x".repeat(129))) {
            Map<String, Object> body = newUser(Fixtures.unique("weak") + "@test.local");
            body.put("password", weak);
            Http.Res res = admin.post("/api/v1/users", body);
            assertThat(res.status()).as(weak).isEqualTo(422);
            assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("password");
        }
    }

    @Test
    void create_withEmailInUse_isRefusedOnEmail() {
        Fixtures.User existing = org.user("LEADER");
        Http.Res res = admin.post("/api/v1/users", newUser(existing.email().toUpperCase()));
        assertThat(res.status()).isEqualTo(422);
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("email");
    }

    @Test
    void create_byHr_isForbidden() {
        Http hr = org.user("HR").http(APP.getLocalPort());
        assertThat(hr.post("/api/v1/users", newUser(Fixtures.unique("x") + "@test.local")).status()).isEqualTo(403);
    }

    @Test
    void get_userOfAnotherOrganisation_isNotFound() {
        Fixtures.User stranger = Fixtures.org().user("LEADER");
        Http.Res res = admin.get("/api/v1/users/" + stranger.id());
        assertThat(res.status()).isEqualTo(404);
        assertThat(res.code()).isEqualTo("NOT_FOUND");
        Http.Res patch = admin.patch("/api/v1/users/" + stranger.id(), Map.of("name", "Hijacked"));
        assertThat(patch.status()).isEqualTo(404);
    }

    @Test
    void list_showsOnlyTheCallersOrganisation_andHrMayRead() {
        Fixtures.User mine = org.user("LEADER");
        Fixtures.User theirs = Fixtures.org().user("LEADER");
        Http hr = org.user("HR").http(APP.getLocalPort());
        Http.Res res = hr.get("/api/v1/users?limit=500");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().path("items").findValuesAsText("id")).contains(mine.id().toString())
                .doesNotContain(theirs.id().toString());
        assertThat(hr.get("/api/v1/users/" + mine.id()).status()).isEqualTo(200);
        assertThat(hr.patch("/api/v1/users/" + mine.id(), Map.of("name", "X")).status()).isEqualTo(403);
    }

    @Test
    void list_filtersByRoleAndQuery() {
        Fixtures.User host = org.user(new Fixtures.UserSpec("HOST").name("Zebedee Host"));
        Fixtures.User leader = org.user(new Fixtures.UserSpec("LEADER").name("Yolanda Leader"));
        List<String> hosts = admin.get("/api/v1/users?role=HOST").json().path("items").findValuesAsText("id");
        assertThat(hosts).contains(host.id().toString()).doesNotContain(leader.id().toString());
        List<String> found = admin.get("/api/v1/users?q=yolanda").json().path("items").findValuesAsText("id");
        assertThat(found).containsExactly(leader.id().toString());
        List<String> byEmail = admin.get("/api/v1/users?q=" + host.email().substring(0, 12)).json().path("items")
                .findValuesAsText("id");
        assertThat(byEmail).contains(host.id().toString()).doesNotContain(leader.id().toString());
    }

    @Test
    void list_pagesWithCursorsWithoutGapsOrRepeats() {
        for (int i = 0; i < 7; i++) {
            org.user(new Fixtures.UserSpec("LEADER").name("Same Name"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Http.Res res = admin.get("/api/v1/users?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(res.status()).isEqualTo(200);
            seen.addAll(res.json().path("items").findValuesAsText("id"));
            cursor = res.json().path("nextCursor").isNull() ? null : res.json().path("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(8).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void patch_updatesFieldsAuditsAndBumpsTheVersion() {
        Fixtures.User leader = org.user("LEADER");
        Http.Res res = admin.header("If-Match", "\"1\"").patch("/api/v1/users/" + leader.id(),
                Map.of("grade", "SCS3", "fte", 0.5, "trainings", List.of("MANUAL_HANDLING")));
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        assertThat(res.json().path("grade").asText()).isEqualTo("SCS3");
        assertThat(res.json().path("version").asInt()).isEqualTo(2);
        assertThat(res.header("ETag")).isEqualTo("\"2\"");
        Map<String, Object> clear = new HashMap<>();
        clear.put("directorate", null);
        assertThat(admin.patch("/api/v1/users/" + leader.id(), clear).json().path("directorate").isNull()).isTrue();

        String changes = TestDatabase.get().jdbi().withHandle(h -> h.createQuery(
                        "SELECT changes::text FROM audit_log WHERE entity_id = :id AND action = 'UPDATED' ORDER BY id LIMIT 1")
                .bind("id", leader.id()).mapTo(String.class).one());
        assertThat(changes).contains("grade").contains("SCS3").doesNotContain("trainings\": {\"from\": [], \"to\": []");
    }

    @Test
    void patch_withStaleIfMatch_isPreconditionFailedAndChangesNothing() {
        Fixtures.User leader = org.user("LEADER");
        assertThat(admin.patch("/api/v1/users/" + leader.id(), Map.of("name", "First")).status()).isEqualTo(200);
        Http.Res stale = admin.header("If-Match", "\"1\"").patch("/api/v1/users/" + leader.id(), Map.of("name", "Second"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("PRECONDITION_FAILED");
        assertThat(admin.get("/api/v1/users/" + leader.id()).json().path("name").asText()).isEqualTo("First");
    }

    @Test
    void patch_password_takesEffectAtOnceEvenThoughLoginsAreCached() {
        Fixtures.User leader = org.user("LEADER");
        Http old = leader.http(APP.getLocalPort());
        assertThat(old.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/users/" + leader.id(), Map.of("password", "a-brand-new-passphrase")).status())
                .isEqualTo(200);
        assertThat(old.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Http.at(APP.getLocalPort()).basic(leader.email(), "a-brand-new-passphrase").get("/api/v1/me").status())
                .isEqualTo(200);
    }

    @Test
    void patch_endBeforeStart_isRefused() {
        Fixtures.User leader = org.user("LEADER");
        Http.Res res = admin.patch("/api/v1/users/" + leader.id(), Map.of("startDate", "2026-05-01", "endDate", "2026-04-01"));
        assertThat(res.status()).isEqualTo(422);
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("endDate");
    }

    @Test
    void me_showsTheCallersProfile() {
        Fixtures.User leader = org.user(new Fixtures.UserSpec("LEADER").grade("SCS2").directorate("Digital")
                .fte("0.6").trainings("FOOD_HYGIENE"));
        JsonNode me = leader.http(APP.getLocalPort()).get("/api/v1/me").json();
        assertThat(me.path("id").asText()).isEqualTo(leader.id().toString());
        assertThat(me.path("grade").asText()).isEqualTo("SCS2");
        assertThat(me.path("directorate").asText()).isEqualTo("Digital");
        assertThat(me.path("fte").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(me.path("trainings").get(0).asText()).isEqualTo("FOOD_HYGIENE");
    }
}

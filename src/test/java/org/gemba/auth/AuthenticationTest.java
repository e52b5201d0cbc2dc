package org.gemba.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class AuthenticationTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    private Http anonymous() {
        return Http.at(APP.getLocalPort());
    }

    @Test
    void me_withBasicCredentials_returnsTheCaller() {
        Fixtures.User admin = Fixtures.org().user("ADMIN");
        Http.Res res = admin.http(APP.getLocalPort()).get("/api/v1/me");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().path("email").asText()).isEqualTo(admin.email());
        assertThat(res.json().path("roles").get(0).asText()).isEqualTo("ADMIN");
        assertThat(res.body()).doesNotContain("password").doesNotContain("$2b$");
    }

    @Test
    void me_withoutCredentials_is401WithChallenge() {
        Http.Res res = anonymous().get("/api/v1/me");
        assertThat(res.status()).isEqualTo(401);
        assertThat(res.contentType()).startsWith("application/problem+json");
        assertThat(res.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(res.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void me_withWrongPassword_is401() {
        Fixtures.User user = Fixtures.org().user("LEADER");
        Http.Res res = anonymous().basic(user.email(), "not-the-password-at-all").get("/api/v1/me");
        assertThat(res.status()).isEqualTo(401);
        assertThat(res.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void me_withUnknownBearerToken_is401() {
        Http.Res res = anonymous().bearer("gmb_not-a-real-token").get("/api/v1/me");
        assertThat(res.status()).isEqualTo(401);
        assertThat(res.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(res.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void token_inAnySchemeCase_actsWithItsUsersRoles() {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User hr = org.user("HR", "LEADER");
        Fixtures.User leader = org.user("LEADER");
        String token = hr.http(APP.getLocalPort()).post("/api/v1/me/tokens", Map.of("name", "script"))
                .json().path("token").asText();

        Http lowerCase = anonymous().header("Authorization", "bearer " + token);
        Http.Res me = lowerCase.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo(hr.id().toString());
        assertThat(me.json().path("roles").toString()).contains("HR").contains("LEADER");
        // HR may read another leader's progress; a LEADER-only caller may not
        assertThat(lowerCase.get("/api/v1/users/" + leader.id() + "/progress").status()).isEqualTo(200);
        String leaderToken = leader.http(APP.getLocalPort()).post("/api/v1/me/tokens", Map.of("name", "mine"))
                .json().path("token").asText();
        assertThat(anonymous().bearer(leaderToken).get("/api/v1/users/" + hr.id() + "/progress").status())
                .isEqualTo(404);
    }

    @Test
    void token_ofADeactivatedUser_is401() {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User admin = org.user("ADMIN");
        Fixtures.User leader = org.user("LEADER");
        String token = leader.http(APP.getLocalPort()).post("/api/v1/me/tokens", Map.of("name", "laptop"))
                .json().path("token").asText();
        assertThat(anonymous().bearer(token).get("/api/v1/me").status()).isEqualTo(200);

        assertThat(admin.http(APP.getLocalPort()).patch("/api/v1/users/" + leader.id(), Map.of("active", false))
                .status()).isEqualTo(200);
        Http.Res after = anonymous().bearer(token).get("/api/v1/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void token_createdOnce_authenticatesUntilRevoked() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        Http http = leader.http(APP.getLocalPort());
        Http.Res created = http.post("/api/v1/me/tokens", Map.of("name", "laptop"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).contains("/api/v1/me/tokens/");
        String token = created.json().path("token").asText();
        String tokenId = created.json().path("id").asText();
        assertThat(token).startsWith("gmb_").hasSizeGreaterThan(40);

        Http bearer = anonymous().bearer(token);
        assertThat(bearer.get("/api/v1/me").json().path("email").asText()).isEqualTo(leader.email());

        Http.Res listed = http.get("/api/v1/me/tokens");
        assertThat(listed.json().path("items").get(0).path("name").asText()).isEqualTo("laptop");
        assertThat(listed.body()).doesNotContain(token).doesNotContain("\"token\"");

        assertThat(http.delete("/api/v1/me/tokens/" + tokenId).status()).isEqualTo(204);
        Http.Res after = bearer.get("/api/v1/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void token_isStoredOnlyAsAHash() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        String token = leader.http(APP.getLocalPort()).post("/api/v1/me/tokens", Map.of("name", "ci"))
                .json().path("token").asText();
        long plain = org.gemba.support.TestDatabase.get().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM api_tokens WHERE token_hash = :t OR name = :t").bind("t", token).mapTo(Long.class).one());
        assertThat(plain).isZero();
    }

    @Test
    void revokingSomeoneElsesToken_is404() {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User owner = org.user("LEADER");
        Fixtures.User other = org.user("LEADER");
        String tokenId = owner.http(APP.getLocalPort()).post("/api/v1/me/tokens", Map.of("name", "mine"))
                .json().path("id").asText();
        Http.Res res = other.http(APP.getLocalPort()).delete("/api/v1/me/tokens/" + tokenId);
        assertThat(res.status()).isEqualTo(404);
        assertThat(res.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void tokenName_isRequired() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        Http.Res res = leader.http(APP.getLocalPort()).post("/api/v1/me/tokens", Map.of("name", " "));
        assertThat(res.status()).isEqualTo(422);
        assertThat(res.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("name");
    }

    @Test
    void roleNotAllowed_is403() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        Http.Res res = leader.http(APP.getLocalPort()).get("/api/v1/users");
        assertThat(res.status()).isEqualTo(403);
        assertThat(res.contentType()).startsWith("application/problem+json");
        assertThat(res.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void inactiveUser_cannotLogIn() {
        Fixtures.User user = Fixtures.org().user("LEADER");
        org.gemba.support.TestDatabase.get().jdbi().useHandle(h ->
                h.execute("UPDATE users SET active = false WHERE id = ?", user.id()));
        assertThat(user.http(APP.getLocalPort()).get("/api/v1/me").status()).isEqualTo(401);
    }
}

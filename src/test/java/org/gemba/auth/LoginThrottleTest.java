package org.gemba.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class LoginThrottleTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    @Test
    void failedLogins_throttleThatAccountOnly() {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User victim = org.user("LEADER");
        Fixtures.User bystander = org.user("LEADER");
        Http attacker = Http.at(APP.getLocalPort()).basic(victim.email(), "wrong-password-guess");

        for (int i = 0; i < 5; i++) {
            assertThat(attacker.get("/api/v1/me").status()).isEqualTo(401);
        }
        Http.Res throttled = attacker.get("/api/v1/me");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 3600L);

        // even the right password waits while the account is throttled
        assertThat(victim.http(APP.getLocalPort()).get("/api/v1/me").status()).isEqualTo(429);
        // other accounts are not affected
        assertThat(bystander.http(APP.getLocalPort()).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void successfulLogin_clearsEarlierFailures() {
        Fixtures.User user = Fixtures.org().user("LEADER");
        Http wrong = Http.at(APP.getLocalPort()).basic(user.email(), "wrong-password-guess");
        for (int i = 0; i < 4; i++) {
            assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(user.http(APP.getLocalPort()).get("/api/v1/me").status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void unknownEmail_isThrottledLikeAKnownOne() {
        Http guesser = Http.at(APP.getLocalPort()).basic(Fixtures.unique("nobody") + "@test.local", "whatever-password");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(guesser.get("/api/v1/me").status()).isEqualTo(429);
    }
}

package org.gemba.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gemba.notify.MailTestSupport.delivery;
import static org.gemba.notify.MailTestSupport.notifyUser;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.MutableClock;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class PreferenceTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();
    static final String PATH = "/api/v1/me/notification-preferences";

    private Http http(Fixtures.User user) {
        return user.http(APP.getLocalPort());
    }

    private static Map<String, Object> change(String type, Object email) {
        return Map.of("preferences", List.of(Map.of("type", type, "email", email)));
    }

    private static JsonNode find(JsonNode prefs, String type) {
        for (JsonNode p : prefs.path("preferences")) {
            if (p.path("type").asText().equals(type)) {
                return p;
            }
        }
        throw new AssertionError("no preference for " + type + " in " + prefs);
    }

    @Test
    void get_listsEveryTypeOnByDefaultWithItsEssentialFlag() {
        Fixtures.User leader = Fixtures.org().user("LEADER");

        Http.Res res = http(leader).get(PATH);

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().path("preferences")).hasSize(NotificationType.values().length);
        assertThat(find(res.json(), "SHIFT_REMINDER").path("essential").asBoolean()).isFalse();
        assertThat(find(res.json(), "BOOKING_CANCELLED").path("essential").asBoolean()).isTrue();
        assertThat(res.json().path("preferences")).allSatisfy(p -> assertThat(p.path("email").asBoolean()).isTrue());
    }

    @Test
    void put_nonEssentialOff_isStoredForThatUserOnly() {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User leader = org.user("LEADER");
        Fixtures.User colleague = org.user("LEADER");

        Http.Res res = http(leader).put(PATH, change("SHIFT_REMINDER", false));

        assertThat(res.status()).isEqualTo(200);
        assertThat(find(res.json(), "SHIFT_REMINDER").path("email").asBoolean()).isFalse();
        assertThat(find(http(leader).get(PATH).json(), "SHIFT_REMINDER").path("email").asBoolean()).isFalse();
        assertThat(find(http(leader).get(PATH).json(), "HOST_DAILY_LIST").path("email").asBoolean()).isTrue();
        assertThat(find(http(colleague).get(PATH).json(), "SHIFT_REMINDER").path("email").asBoolean()).isTrue();
        assertThat(find(http(leader).put(PATH, change("SHIFT_REMINDER", true)).json(), "SHIFT_REMINDER")
                .path("email").asBoolean()).isTrue();
    }

    @Test
    void put_essentialTypeOff_refusedWith422NamingTheType() {
        Fixtures.User leader = Fixtures.org().user("LEADER");

        Http.Res res = http(leader).put(PATH, change("BOOKING_CANCELLED", false));

        assertThat(res.status()).isEqualTo(422);
        assertThat(res.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("preferences[0].type");
        assertThat(res.json().path("detail").asText()).contains("BOOKING_CANCELLED");
        assertThat(find(http(leader).get(PATH).json(), "BOOKING_CANCELLED").path("email").asBoolean()).isTrue();
    }

    @Test
    void put_mixedValidAndEssential_changesNothing() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        Map<String, Object> body = Map.of("preferences", List.of(Map.of("type", "SHIFT_REMINDER", "email", false),
                Map.of("type", "SHIFT_CHANGED", "email", false)));

        Http.Res res = http(leader).put(PATH, body);

        assertThat(res.status()).isEqualTo(422);
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("preferences[1].type");
        assertThat(find(http(leader).get(PATH).json(), "SHIFT_REMINDER").path("email").asBoolean()).isTrue();
    }

    @Test
    void put_badInput_422NamingTheField() {
        Fixtures.User leader = Fixtures.org().user("LEADER");

        Http.Res unknown = http(leader).put(PATH, change("NO_SUCH_TYPE", false));
        Http.Res noEmail = http(leader).put(PATH, Map.of("preferences", List.of(Map.of("type", "SHIFT_REMINDER"))));
        Http.Res noList = http(leader).put(PATH, Map.of());

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("preferences[0].type");
        assertThat(noEmail.status()).isEqualTo(422);
        assertThat(noEmail.json().path("errors").get(0).path("field").asText()).isEqualTo("preferences[0].email");
        assertThat(noList.status()).isEqualTo(422);
        assertThat(noList.json().path("errors").get(0).path("field").asText()).isEqualTo("preferences");
    }

    @Test
    void get_withoutCredentials_is401() {
        assertThat(Http.at(APP.getLocalPort()).get(PATH).status()).isEqualTo(401);
    }

    @Test
    void optedOutNonEssential_isSkippedButStillListed_whileEssentialIsStillSent() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        assertThat(http(leader).put(PATH, change("SHIFT_REMINDER", false)).status()).isEqualTo(200);
        UUID reminder = notifyUser(leader, NotificationType.SHIFT_REMINDER, "Reminder", "Your shift is in 48 hours.",
                "BOOKING", UUID.randomUUID());
        UUID cancelled = notifyUser(leader, NotificationType.BOOKING_CANCELLED, "Cancelled",
                "HR cancelled it: the ward closed.", "BOOKING", UUID.randomUUID());
        List<OutgoingMail> outbox = new CopyOnWriteArrayList<>();
        MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofMinutes(10)));

        MailTestSupport.worker(leader.orgId(), outbox::add, clock).runOnce();

        assertThat(delivery(reminder).deliveryStatus()).isEqualTo("SKIPPED");
        assertThat(delivery(cancelled).deliveryStatus()).isEqualTo("SENT");
        assertThat(outbox.stream().filter(m -> m.to().equals(leader.email())).map(OutgoingMail::notificationId))
                .containsExactly(cancelled);
        assertThat(http(leader).get("/api/v1/me/notifications").json().path("items")).hasSize(2);
    }

    @Test
    void healthCheck_withoutSmtpHost_saysMailIsNotSentButStaysHealthy() {
        Http.Res res = Http.at(APP.getAdminPort()).get("/healthcheck");

        JsonNode mail = res.json().path("mail");
        assertThat(mail.path("healthy").asBoolean()).isTrue();
        assertThat(mail.path("message").asText()).contains("no SMTP host configured");
    }
}

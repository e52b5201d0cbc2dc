package org.gemba.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.common.OrgId;
import org.gemba.common.UserId;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.gemba.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class NotificationApiTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    private static UUID notify(Fixtures.User user, String subject) {
        return TestDatabase.get().jdbi().inTransaction(h -> new Notifications().notify(h, new OrgId(user.orgId()),
                new UserId(user.id()), NotificationType.SHIFT_CHANGED, subject, "Because the ward moved.", "SHIFT",
                UUID.randomUUID()));
    }

    @Test
    void list_isNewestFirst_andUnreadFilterAndMarkReadWork() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        UUID first = notify(leader, "First");
        UUID second = notify(leader, "Second");
        Http http = leader.http(APP.getLocalPort());

        Http.Res all = http.get("/api/v1/me/notifications");
        assertThat(all.json().path("items").findValuesAsText("subject")).containsExactly("Second", "First");
        assertThat(all.json().path("items").get(0).path("readAt").isNull()).isTrue();

        Http.Res read = http.post("/api/v1/me/notifications/" + first + "/read", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("readAt").isNull()).isFalse();

        assertThat(http.get("/api/v1/me/notifications?unread=true").json().path("items").findValuesAsText("id"))
                .containsExactly(second.toString());
    }

    @Test
    void someoneElsesNotification_isNotFound() {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User owner = org.user("LEADER");
        UUID id = notify(owner, "Private");
        Http.Res res = org.user("LEADER").http(APP.getLocalPort()).post("/api/v1/me/notifications/" + id + "/read", null);
        assertThat(res.status()).isEqualTo(404);
        assertThat(org.user("ADMIN").http(APP.getLocalPort()).get("/api/v1/me/notifications").json().path("items")).isEmpty();
    }

    @Test
    void notificationWrittenInARolledBackTransaction_isNotStored() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        try {
            TestDatabase.get().jdbi().useTransaction(h -> {
                new Notifications().notify(h, new OrgId(leader.orgId()), new UserId(leader.id()),
                        NotificationType.BOOKING_MADE, "Booked", "You are booked.", null, null);
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // the booking failed, so nobody may be told about it
        }
        assertThat(leader.http(APP.getLocalPort()).get("/api/v1/me/notifications").json().path("items")).isEmpty();
    }
}

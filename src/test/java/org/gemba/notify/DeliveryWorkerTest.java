package org.gemba.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gemba.notify.MailTestSupport.await;
import static org.gemba.notify.MailTestSupport.delivery;
import static org.gemba.notify.MailTestSupport.messagesTo;
import static org.gemba.notify.MailTestSupport.notifyUser;
import static org.gemba.notify.MailTestSupport.worker;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.MutableClock;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** E-mail delivery against a real SMTP server (GreenMail on a free loopback port). */
@ExtendWith(DropwizardExtensionsSupport.class)
class DeliveryWorkerTest {
    static final int SMTP_PORT = MailTestSupport.freePort();
    static final GreenMail GREEN_MAIL = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension(MailTestApplication.class,
            ConfigOverride.config("mail.host", "127.0.0.1"),
            ConfigOverride.config("mail.port", Integer.toString(SMTP_PORT)),
            ConfigOverride.config("mail.tls", "none"),
            ConfigOverride.config("mail.from", "Gemba <gemba@test.local>"));

    // ahead of the database's now(), so every notification a test records is already due
    private final MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofMinutes(10)));

    @BeforeAll
    static void startMail() {
        GREEN_MAIL.start();
    }

    @AfterAll
    static void stopMail() {
        GREEN_MAIL.stop();
    }

    /** A sender for the app's own mail configuration, i.e. GreenMail. */
    private static MailSender appSmtp() {
        return new SmtpMailSender(APP.getConfiguration().getMail());
    }

    @Test
    void bookingNotification_sendsExactlyOneMailWithReasonTextHtmlAndIcs() throws Exception {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        UUID bookingId = UUID.randomUUID();
        UUID id = notifyUser(leader, NotificationType.BOOKING_CANCELLED, "Your booking on 25 Nov was cancelled",
                "Sam Host cancelled the shift because the ward is closed for deep cleaning.", "BOOKING", bookingId);
        DeliveryWorker worker = worker(leader.orgId(), appSmtp(), clock, 50, 5,
                (org, booking) -> booking.equals(bookingId) ? Optional.of(MailComposerTest.ICS) : Optional.empty());

        worker.runOnce();
        worker.runOnce();

        assertThat(await(() -> messagesTo(GREEN_MAIL, leader.email()).size() == 1)).isTrue();
        MimeMessage mail = messagesTo(GREEN_MAIL, leader.email()).get(0);
        assertThat(mail.getSubject()).isEqualTo("[Gemba] Your booking on 25 Nov was cancelled");
        assertThat(MailTestSupport.header(mail, "X-Gemba-Notification")).isEqualTo(id.toString());
        Multipart mixed = (Multipart) mail.getContent();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("the ward is closed for deep cleaning");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("the ward is closed for deep cleaning");
        assertThat(mixed.getBodyPart(1).getContentType()).startsWith("text/calendar");
        try (InputStream in = mixed.getBodyPart(1).getInputStream()) {
            Calendar calendar = new CalendarBuilder().build(in);
            assertThat(calendar.getComponent("VEVENT")).isPresent();
        }
        assertThat(delivery(id)).isEqualTo(new MailTestSupport.Delivery("SENT", 1, null, true));
    }

    @Test
    void smtpDown_requestStillSucceedsQuickly_andMailIsDeliveredOnceTheServerIsBack() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        long started = System.nanoTime();
        Http.Res res = leader.http(APP.getLocalPort()).post("/api/v1/test-only/notify-me",
                Map.of("subject", "Your shift was cancelled", "body", "The host cancelled it: the ward closed."));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(res.status()).isEqualTo(200);
        assertThat(millis).isLessThan(2000);
        UUID id = UUID.fromString(res.json().path("id").asText());

        int downPort = MailTestSupport.freePort();
        GreenMail later = new GreenMail(new ServerSetup(downPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        DeliveryWorker worker = worker(leader.orgId(), new SmtpMailSender(MailTestSupport.smtp(downPort)), clock);
        worker.runOnce();
        MailTestSupport.Delivery failed = delivery(id);
        assertThat(failed.deliveryStatus()).isEqualTo("PENDING");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isNotBlank().doesNotContain("the ward closed");
        assertThat(leader.http(APP.getLocalPort()).get("/api/v1/me/notifications").json().path("items").get(0)
                .path("id").asText()).isEqualTo(id.toString());

        later.start();
        try {
            worker.runOnce();   // backing off: not due yet
            assertThat(messagesTo(later, leader.email())).isEmpty();
            clock.advance(MailTestSupport.BACKOFF.plusSeconds(1));
            worker.runOnce();
            assertThat(await(() -> messagesTo(later, leader.email()).size() == 1)).isTrue();
            assertThat(delivery(id).deliveryStatus()).isEqualTo("SENT");
            assertThat(delivery(id).attempts()).isEqualTo(2);
        } finally {
            later.stop();
        }
    }

    @Test
    void twoWorkersAtOnce_neverSendTheSameNotificationTwice() throws Exception {
        Fixtures.Org org = Fixtures.org();
        List<Fixtures.User> users = List.of(org.user("LEADER"), org.user("LEADER"), org.user("HOST"), org.user("HR"));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(notifyUser(users.get(i % users.size()), NotificationType.SHIFT_CHANGED, "Shift moved " + i,
                    "Moved an hour later because the kitchen delivery is late.", "SHIFT", UUID.randomUUID()));
        }
        DeliveryWorker a = worker(org.id(), appSmtp(), clock, 3, 5, (o, b) -> Optional.empty());
        DeliveryWorker b = worker(org.id(), appSmtp(), clock, 3, 5, (o, b2) -> Optional.empty());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Void>> runs = List.of(a, b).stream().map(w -> CompletableFuture.runAsync(() -> {
                awaitLatch(go);
                while (w.runOnce() > 0) {
                    // keep claiming until nothing is due
                }
            }, pool)).toList();
            go.countDown();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        String[] emails = users.stream().map(Fixtures.User::email).toArray(String[]::new);
        assertThat(await(() -> messagesTo(GREEN_MAIL, emails).size() >= 40)).isTrue();
        List<MimeMessage> received = messagesTo(GREEN_MAIL, emails);
        assertThat(received).hasSize(40);
        assertThat(received.stream().map(m -> MailTestSupport.header(m, "X-Gemba-Notification")).distinct())
                .hasSize(40);
        assertThat(ids).allSatisfy(id -> assertThat(delivery(id)).isEqualTo(
                new MailTestSupport.Delivery("SENT", 1, null, true)));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a JVM crash looks like to the worker: nothing after this point runs. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("worker died between claim and send", null, false, false);
        }
    }

    @Test
    void workerKilledBetweenClaimAndSend_notificationIsDeliveredAfterTheLeaseRunsOut() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        UUID id = notifyUser(leader, NotificationType.WAITLIST_PROMOTED, "You got a place on Tuesday's shift",
                "A place freed when another leader cancelled, so you were booked from the waitlist.", "BOOKING",
                UUID.randomUUID());
        DeliveryWorker dying = worker(leader.orgId(), mail -> { throw new SimulatedCrash(); }, clock);

        assertThatThrownBy(dying::runOnce).isInstanceOf(SimulatedCrash.class);
        assertThat(delivery(id).deliveryStatus()).isEqualTo("SENDING");

        DeliveryWorker survivor = worker(leader.orgId(), appSmtp(), clock);
        survivor.runOnce();   // the lease still holds: nobody else sends it
        assertThat(messagesTo(GREEN_MAIL, leader.email())).isEmpty();

        clock.advance(MailTestSupport.LEASE.plusSeconds(1));
        survivor.runOnce();
        assertThat(await(() -> messagesTo(GREEN_MAIL, leader.email()).size() == 1)).isTrue();
        assertThat(delivery(id)).isEqualTo(new MailTestSupport.Delivery("SENT", 2, null, true));
        survivor.runOnce();
        assertThat(messagesTo(GREEN_MAIL, leader.email())).hasSize(1);
    }

    @Test
    void invalidAddress_isMarkedFailedAtOnceAndNeverRetried() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        MailTestSupport.jdbi().useHandle(h -> h.createUpdate("UPDATE users SET email = :e WHERE id = :id")
                .bind("e", "no-at-sign " + UUID.randomUUID()).bind("id", leader.id()).execute());
        UUID id = notifyUser(leader, NotificationType.BOOKING_MADE, "Booked", "You booked a shift.", "BOOKING",
                UUID.randomUUID());
        DeliveryWorker worker = worker(leader.orgId(), appSmtp(), clock);

        worker.runOnce();
        assertThat(delivery(id).deliveryStatus()).isEqualTo("FAILED");
        assertThat(delivery(id).attempts()).isEqualTo(1);
        assertThat(delivery(id).lastError()).contains("AddressException");

        clock.advance(Duration.ofDays(1));
        worker.runOnce();
        assertThat(delivery(id).attempts()).isEqualTo(1);
    }

    @Test
    void serverDownForGood_retriesWithBackoffThenFailsAtMaxAttempts() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        UUID id = notifyUser(leader, NotificationType.BOOKING_MADE, "Booked", "You booked a shift.", "BOOKING",
                UUID.randomUUID());
        MailSender down = new SmtpMailSender(MailTestSupport.smtp(MailTestSupport.freePort()));
        DeliveryWorker worker = worker(leader.orgId(), down, clock,
                50, 3, (o, b) -> Optional.empty());

        worker.runOnce();
        assertThat(delivery(id).attempts()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(59));   // first back-off is one minute
        worker.runOnce();
        assertThat(delivery(id).attempts()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        worker.runOnce();
        assertThat(delivery(id).attempts()).isEqualTo(2);
        assertThat(delivery(id).deliveryStatus()).isEqualTo("PENDING");
        clock.advance(Duration.ofSeconds(121));   // then two minutes
        worker.runOnce();
        assertThat(delivery(id).attempts()).isEqualTo(3);
        assertThat(delivery(id).deliveryStatus()).isEqualTo("FAILED");

        clock.advance(Duration.ofDays(1));
        worker.runOnce();
        assertThat(delivery(id).attempts()).isEqualTo(3);
    }

    @Test
    void smtpDown_firstFailureReleasesTheRestOfTheBatchWithoutCountingTheirAttempts() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(notifyUser(leader, NotificationType.SHIFT_CHANGED, "Moved " + i, "Moved because of a strike.",
                    "SHIFT", UUID.randomUUID()));
        }
        MailSender down = new SmtpMailSender(MailTestSupport.smtp(MailTestSupport.freePort()));
        DeliveryWorker worker = worker(leader.orgId(), down, clock);

        worker.runOnce();

        assertThat(ids.stream().mapToInt(id -> delivery(id).attempts()).sum()).isEqualTo(1);
        assertThat(ids).allSatisfy(id -> assertThat(delivery(id).deliveryStatus()).isEqualTo("PENDING"));
        clock.advance(Duration.ofSeconds(30));   // all wait for the back-off, not only the one that was tried
        assertThat(worker.runOnce()).isZero();
    }

    @Test
    void noSmtpHost_notificationIsListedButMarkedSkipped() {
        Fixtures.User leader = Fixtures.org().user("LEADER");
        UUID id = notifyUser(leader, NotificationType.BOOKING_MADE, "Booked", "You booked a shift.", "BOOKING",
                UUID.randomUUID());

        worker(leader.orgId(), null, clock).runOnce();

        assertThat(delivery(id).deliveryStatus()).isEqualTo("SKIPPED");
        assertThat(delivery(id).lastError()).isEqualTo("no SMTP host configured");
        assertThat(messagesTo(GREEN_MAIL, leader.email())).isEmpty();
        assertThat(leader.http(APP.getLocalPort()).get("/api/v1/me/notifications").json().path("items"))
                .hasSize(1);
    }

    @Test
    void oneBatch_skipsInactiveAndOptedOutRecipientsWithTheirReasons_andSendsTheRest() {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User gone = org.user("LEADER");
        Fixtures.User optedOut = org.user("LEADER");
        Fixtures.User reader = org.user("LEADER");
        UUID toGone = notifyUser(gone, NotificationType.BOOKING_MADE, "Booked", "You booked a shift.", "BOOKING",
                UUID.randomUUID());
        UUID toOptedOut = notifyUser(optedOut, NotificationType.SHIFT_REMINDER, "Reminder", "Your shift is in 48 hours.",
                "BOOKING", UUID.randomUUID());
        UUID toReader = notifyUser(reader, NotificationType.BOOKING_MADE, "Booked", "You booked a shift.", "BOOKING",
                UUID.randomUUID());
        MailTestSupport.jdbi().useHandle(h -> {
            h.execute("UPDATE users SET active = false WHERE id = ?", gone.id());
            h.execute("INSERT INTO notification_preferences (org_id, user_id, type, email)"
                    + " VALUES (?, ?, 'SHIFT_REMINDER', false)", org.id(), optedOut.id());
        });

        assertThat(worker(org.id(), appSmtp(), clock).runOnce()).isEqualTo(3);

        assertThat(delivery(toGone)).isEqualTo(new MailTestSupport.Delivery("SKIPPED", 1,
                "recipient is no longer active", false));
        assertThat(delivery(toOptedOut)).isEqualTo(new MailTestSupport.Delivery("SKIPPED", 1,
                "recipient turned off e-mail for SHIFT_REMINDER", false));
        assertThat(delivery(toReader).deliveryStatus()).isEqualTo("SENT");
        assertThat(await(() -> messagesTo(GREEN_MAIL, reader.email()).size() == 1)).isTrue();
        assertThat(messagesTo(GREEN_MAIL, gone.email())).isEmpty();
        assertThat(messagesTo(GREEN_MAIL, optedOut.email())).isEmpty();
        // a skip is final: the next run claims nothing
        clock.advance(Duration.ofHours(1));
        assertThat(worker(org.id(), appSmtp(), clock).runOnce()).isZero();
    }

    @Test
    void backoff_doublesEachAttemptAndIsCapped() {
        DeliveryWorker worker = worker(UUID.randomUUID(), null, clock);
        assertThat(worker.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(worker.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(worker.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(worker.backoff(40)).isEqualTo(Duration.ofHours(6));
    }
}

package org.gemba.notify;

import com.codahale.metrics.MetricRegistry;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.gemba.common.OrgId;
import org.gemba.common.UserId;
import org.gemba.support.Fixtures;
import org.gemba.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;

/** Shared pieces of the mail tests: workers built by hand, notifications, and reading GreenMail. */
final class MailTestSupport {
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration BACKOFF = Duration.ofMinutes(1);

    private MailTestSupport() {}

    static Jdbi jdbi() {
        return TestDatabase.get().jdbi();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MailConfig smtp(int port) {
        MailConfig c = new MailConfig();
        c.host = "127.0.0.1";
        c.port = port;
        c.tls = MailConfig.Tls.NONE;
        c.from = "Gemba <gemba@test.local>";
        c.timeout = io.dropwizard.util.Duration.seconds(5);
        return c;
    }

    /** A worker for one test's organisation only, so other tests' mail never gets in its way. */
    static DeliveryWorker worker(UUID orgId, MailSender sender, Clock clock, int batchSize, int maxAttempts,
                                 DeliveryWorker.Attachments attachments) {
        return new DeliveryWorker(jdbi(), sender, new MailComposer("http://localhost:8080"), attachments, clock,
                new DeliveryWorker.Settings(batchSize, maxAttempts, BACKOFF, LEASE, orgId), new MetricRegistry());
    }

    static DeliveryWorker worker(UUID orgId, MailSender sender, Clock clock) {
        return worker(orgId, sender, clock, 50, 5, (org, booking) -> Optional.empty());
    }

    static UUID notifyUser(Fixtures.User user, NotificationType type, String subject, String body, String entityType,
                       UUID entityId) {
        return jdbi().inTransaction(h -> new Notifications().notify(h, new OrgId(user.orgId()), new UserId(user.id()),
                type, subject, body, entityType, entityId));
    }

    record Delivery(String deliveryStatus, int attempts, String lastError, boolean sent) {}

    static Delivery delivery(UUID notificationId) {
        return jdbi().withHandle(h -> h.createQuery("""
                        SELECT delivery_status, attempts, last_error, sent_at IS NOT NULL AS sent
                          FROM notifications WHERE id = :id""")
                .bind("id", notificationId)
                .map((rs, ctx) -> new Delivery(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4)))
                .one());
    }

    /** The messages GreenMail received for these addresses (other tests' mail is ignored). */
    static List<MimeMessage> messagesTo(GreenMail mail, String... emails) {
        List<String> wanted = Arrays.stream(emails).map(String::toLowerCase).toList();
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                for (Address a : m.getAllRecipients()) {
                    if (wanted.contains(((InternetAddress) a).getAddress().toLowerCase())) {
                        return true;
                    }
                }
                return false;
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits (up to 10 s) until the condition holds; answers whether it did. */
    static boolean await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return true;
    }

    static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

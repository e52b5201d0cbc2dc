package org.gemba.notify;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gemba.scheduling.calendar.BookingCalendar;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications by e-mail: claim a batch (a short transaction that commits a lease),
 * send each outside any transaction, record each outcome (another short transaction). Any number
 * of workers, on any number of servers, may run this at once.
 */
public class DeliveryWorker {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);

    /**
     * How a worker is tuned; the clock decides what is due and when leases end. {@code onlyOrg}
     * limits it to one organisation's mail (null, the server's setting: all of them).
     */
    public record Settings(int batchSize, int maxAttempts, Duration backoff, Duration lease, UUID onlyOrg) {
        public static Settings of(MailConfig c) {
            return new Settings(c.batchSize, c.maxAttempts, c.backoff.toJavaDuration(), c.lease.toJavaDuration(), null);
        }
    }

    /** Looks up the .ics to attach to a booking's mail; the calendar feature supplies it. */
    public interface Attachments {
        Optional<String> icsForBooking(UUID orgId, UUID bookingId);
    }

    private final Jdbi jdbi;
    private final MailSender sender;   // null: no SMTP configured
    private final MailComposer composer;
    private final Attachments attachments;
    private final Clock clock;
    private final Settings settings;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private final Counter skipped;

    public DeliveryWorker(Jdbi jdbi, MailSender sender, MailComposer composer, Attachments attachments, Clock clock,
                          Settings settings, MetricRegistry metrics) {
        this.jdbi = jdbi;
        this.sender = sender;
        this.composer = composer;
        this.attachments = attachments;
        this.clock = clock;
        this.settings = settings;
        this.sent = metrics.counter("gemba.mail.sent");
        this.retried = metrics.counter("gemba.mail.retried");
        this.failed = metrics.counter("gemba.mail.failed");
        this.skipped = metrics.counter("gemba.mail.skipped");
    }

    /** The calendar feature's event for a booking, read in its own short transaction. */
    public static Attachments bookingCalendar(Jdbi jdbi) {
        return (orgId, bookingId) -> jdbi.withHandle(h -> BookingCalendar.icsForBooking(h, orgId, bookingId));
    }

    /** Claims one batch, sends it, records the outcomes; answers how many were claimed. */
    public int runOnce() {
        // PostgreSQL keeps microseconds; the lease doubles as a fencing token, so it must compare equal
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<UUID> abandoned = jdbi.inTransaction(h ->
                h.attach(DeliveryDao.class).abandonExhausted(now, settings.maxAttempts(), settings.onlyOrg()));
        abandoned.forEach(id -> {
            failed.inc();
            LOG.error("mail: notification {} FAILED: its worker never reported back after {} attempts",
                    id, settings.maxAttempts());
        });
        Instant leaseUntil = now.plus(settings.lease());
        // stop sending well before the lease ends, so no other worker can take a row we are sending
        Instant stopBy = leaseUntil.minus(settings.lease().dividedBy(2));
        List<DeliveryDao.Claimed> batch = jdbi.inTransaction(h -> h.attach(DeliveryDao.class)
                .claim(now, leaseUntil, settings.batchSize(), settings.maxAttempts(), settings.onlyOrg()));
        List<DeliveryDao.Claimed> toSend = skipThoseNeedingNoMail(batch);
        for (int i = 0; i < toSend.size(); i++) {
            if (clock.instant().isAfter(stopBy)) {
                release(toSend.subList(i, toSend.size()), leaseUntil, clock.instant());
                break;
            }
            Optional<Instant> serverDownUntil = deliver(toSend.get(i));
            if (serverDownUntil.isPresent()) {
                // the next ones would only wait for the same timeout and burn an attempt each
                release(toSend.subList(i + 1, toSend.size()), leaseUntil, serverDownUntil.get());
                break;
            }
        }
        return batch.size();
    }

    /**
     * Records every claimed row that is not to be e-mailed as SKIPPED, in one statement (with no SMTP
     * host that is every row, and a bulk load's backlog was one transaction each), and answers the rest.
     */
    private List<DeliveryDao.Claimed> skipThoseNeedingNoMail(List<DeliveryDao.Claimed> batch) {
        List<DeliveryDao.Claimed> toSend = new ArrayList<>();
        List<DeliveryDao.Claimed> skip = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (DeliveryDao.Claimed n : batch) {
            String reason = skipReason(n);
            if (reason == null) {
                toSend.add(n);
            } else {
                skip.add(n);
                reasons.add(reason);
            }
        }
        if (!skip.isEmpty()) {
            UUID[] ids = skip.stream().map(DeliveryDao.Claimed::id).toArray(UUID[]::new);
            int[] attempts = skip.stream().mapToInt(DeliveryDao.Claimed::attempts).toArray();
            jdbi.useTransaction(h -> h.attach(DeliveryDao.class)
                    .markSkipped(ids, attempts, reasons.toArray(String[]::new)));
            skipped.inc(skip.size());
            if (sender == null) {
                skip.forEach(n -> LOG.info("mail: not e-mailed (no SMTP host): notification {} ({}) for user {}",
                        n.id(), n.type(), n.userId()));
            }
        }
        return toSend;
    }

    /** Why a claimed notification is not to be e-mailed, or null to send it. */
    private String skipReason(DeliveryDao.Claimed n) {
        if (!n.active()) {
            return "recipient is no longer active";
        }
        if (n.optedOut() && !MailComposer.typeOf(n.type()).essential()) {
            return "recipient turned off e-mail for " + n.type();
        }
        return sender == null ? "no SMTP host configured" : null;
    }

    private void release(List<DeliveryDao.Claimed> rest, Instant leaseUntil, Instant nextAttemptAt) {
        if (!rest.isEmpty()) {
            UUID[] ids = rest.stream().map(DeliveryDao.Claimed::id).toArray(UUID[]::new);
            jdbi.useTransaction(h -> h.attach(DeliveryDao.class).release(ids, leaseUntil, nextAttemptAt));
        }
    }

    /** Runs batches until nothing more is due (or a batch was not full). */
    public void drain() {
        while (runOnce() >= settings.batchSize()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /** Sends one; answers when to try again if the mail server itself is unavailable. */
    private Optional<Instant> deliver(DeliveryDao.Claimed n) {
        try {
            OutgoingMail mail = composer.compose(new MailComposer.Content(n.id(), n.email(), n.name(), n.type(),
                    n.subject(), n.body()), ics(n));
            sender.send(mail);
        } catch (Exception e) {
            return failed(n, e);
        }
        int recorded = jdbi.withHandle(h -> h.attach(DeliveryDao.class).markSent(n.id(), n.attempts(), clock.instant()));
        if (recorded == 0) {
            LOG.warn("mail: notification {} was sent after its lease ran out; another worker may send it too", n.id());
        }
        sent.inc();
        return Optional.empty();
    }

    private String ics(DeliveryDao.Claimed n) {
        if (!"BOOKING".equals(n.entityType()) || n.entityId() == null) {
            return null;
        }
        try {
            return attachments.icsForBooking(n.orgId(), n.entityId()).orElse(null);
        } catch (RuntimeException e) {
            // the mail still says what changed; the calendar event is a convenience
            LOG.warn("mail: no calendar attachment for notification {}: {}", n.id(), e.toString());
            return null;
        }
    }

    private Optional<Instant> failed(DeliveryDao.Claimed n, Exception e) {
        String reason = MailFailures.describe(e);
        if (MailFailures.permanent(e) || n.attempts() >= settings.maxAttempts()) {
            recordFailed(n, reason);
            LOG.error("mail: notification {} for user {} FAILED after {} attempt(s): {}",
                    n.id(), n.userId(), n.attempts(), reason);
            return Optional.empty();
        }
        Instant next = clock.instant().plus(backoff(n.attempts()));
        jdbi.useTransaction(h -> h.attach(DeliveryDao.class).markRetry(n.id(), n.attempts(), next, reason));
        retried.inc();
        LOG.warn("mail: notification {} not sent (attempt {} of {}), retrying at {}: {}",
                n.id(), n.attempts(), settings.maxAttempts(), next, reason);
        return MailFailures.recipientSpecific(e) ? Optional.empty() : Optional.of(next);
    }

    /** backoff × 2^(attempt−1), capped: 1, 2, 4, 8 … minutes with the defaults. */
    Duration backoff(int attempt) {
        Duration d = settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private void recordFailed(DeliveryDao.Claimed n, String reason) {
        jdbi.useTransaction(h -> h.attach(DeliveryDao.class).markFailed(n.id(), n.attempts(), reason));
        failed.inc();
    }
}

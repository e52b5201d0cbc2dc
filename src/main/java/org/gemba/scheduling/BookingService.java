package org.gemba.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Caller;
import org.gemba.common.ApiException;
import org.gemba.common.ErrorCode;
import org.gemba.common.UserId;
import org.gemba.notify.NotificationType;
import org.gemba.notify.Notifications;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Booking and cancelling; each change, its audit row and its notifications share one transaction. */
public class BookingService {
    static final Duration KEY_LIFETIME = Duration.ofHours(24);

    /** What POST /bookings answers: the status and JSON body (replayed verbatim for a repeated key). */
    public record Answer(int status, UUID id, String json) {}

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Waitlist waitlist;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Duration minNotice;
    private final Duration lateCancellation;

    BookingService(Jdbi jdbi, AuditLog audit, Notifications notifications, Waitlist waitlist, Clock clock,
                   ObjectMapper mapper, Duration minNotice, Duration lateCancellation) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.notifications = notifications;
        this.waitlist = waitlist;
        this.clock = clock;
        this.mapper = mapper;
        this.minNotice = minNotice;
        this.lateCancellation = lateCancellation;
    }

    /**
     * With an Idempotency-Key the key row is claimed first, in the booking's own transaction: a
     * concurrent duplicate blocks on its primary key until the first commits, then replays its answer.
     */
    public Answer book(Caller caller, BookingRequests.Book req, String key) {
        if (key == null) {
            BookingView v = jdbi.withHandle(h -> book(h, caller, req));   // one statement: autocommit
            return new Answer(201, v.id(), json(v));
        }
        if (key.isBlank() || key.length() > 200) {
            throw ApiException.invalid("Idempotency-Key", "must be 1 to 200 characters");
        }
        String hash = sha256(json(req));
        UUID org = caller.orgId().value();
        UUID user = caller.id().value();
        return jdbi.inTransaction(h -> {
            IdempotencyDao keys = h.attach(IdempotencyDao.class);
            Instant now = clock.instant();
            if (keys.claim(org, user, key, hash, now, now.minus(KEY_LIFETIME)).isEmpty()) {
                IdempotencyDao.Stored first = keys.find(org, user, key).orElseThrow();
                if (!first.requestHash().equals(hash)) {
                    throw ApiException.invalid(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key",
                            "was already used with a different request body");
                }
                return new Answer(first.responseStatus(), idOf(first.responseBody()), first.responseBody());
            }
            BookingView v = book(h, caller, req);
            String body = json(v);
            keys.answer(org, user, key, 201, body);
            return new Answer(201, v.id(), body);
        });
    }

    /**
     * One statement (book_shift, migration 0110) takes the locks, applies the rules, books, resolves
     * the leader's waitlist entry and writes the audit row and notification; a refusal writes nothing.
     */
    private BookingView book(Handle h, Caller caller, BookingRequests.Book req) {
        boolean override = Boolean.TRUE.equals(req.override());
        String reason = req.reason() == null || req.reason().isBlank() ? null : req.reason().trim();
        UUID leaderId = req.leaderId() == null ? caller.id().value() : req.leaderId();
        if (!caller.isOffice() && (override || !leaderId.equals(caller.id().value()))) {
            throw ApiException.forbidden(override ? "Only HR and ADMIN may override the booking rules."
                    : "Leaders book shifts only for themselves.");
        }
        if (override && reason == null) {
            throw ApiException.invalid("reason", "is required when overriding the booking rules");
        }
        BookingDao.Outcome o = SchedulingErrors.translate(() -> BookingDao.book(h, caller.orgId().value(),
                req.shiftId(), leaderId, caller.id().value(), caller.name(), override, reason, clock.instant(),
                minNotice));
        if (o.refusal() != null) {
            throw o.refusal().toException(o.subject(), minNotice);
        }
        return BookingView.of(o.booking());
    }

    /** Frees the place and offers it to the waitlist in the same transaction. */
    public BookingView cancel(Caller caller, UUID id, String reason) {
        UUID org = caller.orgId().value();
        String why = reason.trim();
        return jdbi.inTransaction(h -> {
            BookingDao bookings = h.attach(BookingDao.class);
            BookingRow b = bookings.find(org, id).filter(r -> caller.isOffice() || r.leaderId().equals(caller.id().value()))
                    .orElseThrow(() -> ApiException.notFound("Booking"));
            ShiftRow shift = Booker.lockShift(h, org, b.shiftId());
            b = bookings.lock(org, id).orElseThrow();
            if (!"BOOKED".equals(b.status())) {
                throw new ApiException(ErrorCode.INVALID_TRANSITION, "Only a BOOKED booking can be cancelled; this one is "
                        + b.status() + ".");
            }
            Instant now = clock.instant();
            if (!caller.isOffice() && !now.isBefore(b.startsAt())) {
                throw new ApiException(ErrorCode.TOO_LATE_TO_CANCEL, "The shift has started; ask HR to cancel it.");
            }
            boolean late = now.isAfter(b.startsAt().minus(lateCancellation));
            bookings.cancel(org, id, caller.id().value(), why, late, now);
            h.attach(ShiftDao.class).freePlace(org, b.shiftId());
            audit.record(h, caller.orgId(), caller.id(), "BOOKING", id, "CANCELLED", Map.of("late", late), why);
            String body = "Your booking on " + describe(shift) + " is cancelled";
            body += b.leaderId().equals(caller.id().value()) ? ". Reason given: " + why
                    : " by " + caller.name() + ". Reason: " + why;
            notifications.notify(h, caller.orgId(), new UserId(b.leaderId()), NotificationType.BOOKING_CANCELLED,
                    "Booking cancelled: " + shift.placementName(), body, "BOOKING", id);
            waitlist.fill(h, caller.orgId(), b.shiftId(), caller.id(), now);
            return BookingView.of(bookings.find(org, id).orElseThrow());
        });
    }

    static String describe(ShiftRow s) {
        return s.placementName() + " at " + s.siteName() + ", " + Hours.window(s.startsAt(), s.endsAt(), s.zone());
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID idOf(String json) {
        try {
            String id = mapper.readTree(json).path("id").asText(null);
            return id == null ? null : UUID.fromString(id);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

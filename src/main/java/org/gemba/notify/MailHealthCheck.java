package org.gemba.notify;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Reports the state of e-mail delivery on the admin port. Always healthy: a mail server outage
 * must not take app servers out of the load balancer; the message and details say what is wrong.
 */
public class MailHealthCheck extends HealthCheck {
    private final Jdbi jdbi;
    private final Clock clock;
    private final boolean smtpConfigured;

    public MailHealthCheck(Jdbi jdbi, Clock clock, boolean smtpConfigured) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.smtpConfigured = smtpConfigured;
    }

    public record Counts(long overdue, long failedLastDay) {}

    @Override
    protected Result check() {
        Instant now = clock.instant();
        Counts c = jdbi.withHandle(h -> h.createQuery("""
                        SELECT (SELECT count(*) FROM notifications
                                 WHERE delivery_status IN ('PENDING', 'SENDING') AND next_attempt_at < :overdue) AS overdue,
                               (SELECT count(*) FROM notifications
                                 WHERE delivery_status = 'FAILED' AND created_at > :dayAgo) AS failed_last_day
                        """)
                .bind("overdue", now.minus(Duration.ofMinutes(15))).bind("dayAgo", now.minus(Duration.ofDays(1)))
                .map((rs, ctx) -> new Counts(rs.getLong("overdue"), rs.getLong("failed_last_day"))).one());
        String message = !smtpConfigured ? "no SMTP host configured; notifications are not e-mailed"
                : c.overdue() > 0 || c.failedLastDay() > 0
                ? c.overdue() + " e-mail(s) overdue by 15+ minutes (mail server down?), "
                  + c.failedLastDay() + " failed permanently in the last day (see last_error)"
                : "e-mail delivery up to date";
        return Result.builder().healthy().withMessage(message)
                .withDetail("overdue", c.overdue()).withDetail("failedLastDay", c.failedLastDay()).build();
    }
}

package org.gemba.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gemba.common.ApiException;
import org.gemba.common.ErrorCode;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows password guessing per account. State lives in PostgreSQL so every app server behind a
 * load balancer sees the same count.
 */
public class LoginThrottle {
    private final Jdbi jdbi;
    private final int maxFailures;
    private final Duration window;
    private final Duration backoff;

    public LoginThrottle(Jdbi jdbi, int maxFailures, Duration window, Duration backoff) {
        this.jdbi = jdbi;
        this.maxFailures = maxFailures;
        this.window = window;
        this.backoff = backoff;
    }

    /** Refuses with 429 and Retry-After while the account is throttled, even for a right password. */
    public void checkAllowed(String email) {
        jdbi.onDemand(AuthDao.class).lockedUntil(email).ifPresent(until -> {
            long seconds = Math.max(1, Duration.between(Instant.now(), until).toSeconds() + 1);
            throw new ApiException(ErrorCode.TOO_MANY_ATTEMPTS,
                    "Too many failed logins for this account; try again in " + seconds + " seconds.",
                    List.of(), Map.of("Retry-After", Long.toString(seconds)));
        });
    }

    public void recordFailure(String email) {
        jdbi.useTransaction(h -> {
            AuthDao dao = h.attach(AuthDao.class);
            int failures = dao.recordFailure(email, window.toSeconds());
            if (failures >= maxFailures) {
                dao.lock(email, backoff.toSeconds(), maxFailures);
            }
        });
    }

    public void recordSuccess(String email) {
        jdbi.onDemand(AuthDao.class).clearFailures(email);
    }
}

package org.gemba.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SQL behind logging in with a password: credentials and the failed-login throttle ({@link TokenAuthenticator} looks up API tokens). */
@RegisterConstructorMapper(AuthDao.Login.class)
public interface AuthDao {

    record Login(UUID id, UUID orgId, String email, String name, String[] roles, String timeZone, String passwordHash) {}

    @SqlQuery("""
            SELECT u.id, u.org_id, u.email, u.name, u.roles, o.time_zone, u.password_hash
              FROM users u JOIN organisations o ON o.id = u.org_id
             WHERE lower(u.email) = lower(:email) AND u.active
            """)
    Optional<Login> findByEmail(String email);

    /** When the account may try again, if it is throttled now. */
    @SqlQuery("SELECT locked_until FROM login_throttle WHERE email_key = lower(:email) AND locked_until > now()")
    Optional<Instant> lockedUntil(String email);

    /**
     * Counts a failure inside the window (a failure after the window starts a new one) and,
     * once the count reaches the limit, locks the account for a back-off that doubles with each
     * further failure, capped at an hour. Keyed by e-mail, so one account's attacker cannot
     * lock anyone else out.
     */
    @SqlQuery("""
            INSERT INTO login_throttle AS t (email_key, failures, window_started_at)
            VALUES (lower(:email), 1, now())
            ON CONFLICT (email_key) DO UPDATE SET
                failures = CASE WHEN t.window_started_at < now() - make_interval(secs => :windowSeconds)
                                THEN 1 ELSE t.failures + 1 END,
                window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => :windowSeconds)
                                         THEN now() ELSE t.window_started_at END
            RETURNING failures
            """)
    int recordFailure(String email, long windowSeconds);

    @SqlUpdate("""
            UPDATE login_throttle
               SET locked_until = now() + make_interval(secs => least(3600, :backoffSeconds * power(2, greatest(0, failures - :maxFailures))))
             WHERE email_key = lower(:email)
            """)
    void lock(String email, long backoffSeconds, int maxFailures);

    @SqlUpdate("DELETE FROM login_throttle WHERE email_key = lower(:email)")
    void clearFailures(String email);
}

package org.gemba.support;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;

/**
 * Test data written straight to the database: each test builds its own organisation with unique
 * names, so tests never depend on each other or on order.
 */
public final class Fixtures {
    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String HASH = new String(BCrypt.with(BCrypt.Version.VERSION_2B, new java.security.SecureRandom(),
            LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2B)).hash(4, PASSWORD.getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);

    private Fixtures() {}

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQ.incrementAndGet();
    }

    public static Org org() {
        return org("Europe/London");
    }

    public static Org org(String timeZone) {
        Jdbi jdbi = TestDatabase.get().jdbi();
        UUID id = jdbi.withHandle(h -> h.createQuery(
                        "INSERT INTO organisations (name, time_zone) VALUES (:name, :tz) RETURNING id")
                .bind("name", unique("Org")).bind("tz", timeZone).mapTo(UUID.class).one());
        return new Org(id);
    }

    public record Org(UUID id) {
        public User user(String... roles) {
            return user(new UserSpec(roles));
        }

        public User user(UserSpec spec) {
            String email = unique(spec.roles[0].toLowerCase()) + "@test.local";
            Jdbi jdbi = TestDatabase.get().jdbi();
            UUID userId = jdbi.withHandle(h -> h.createQuery("""
                            INSERT INTO users (org_id, email, name, password_hash, roles, grade, directorate, fte,
                                               start_date, end_date, trainings)
                            VALUES (:org, :email, :name, :hash, :roles, :grade, :directorate, :fte, :start, :end, :trainings)
                            RETURNING id""")
                    .bind("org", id).bind("email", email).bind("name", spec.name == null ? "Person " + email : spec.name)
                    .bind("hash", HASH).bind("roles", spec.roles).bind("grade", spec.grade)
                    .bind("directorate", spec.directorate).bind("fte", spec.fte)
                    .bind("start", spec.startDate).bind("end", spec.endDate)
                    .bind("trainings", spec.trainings.toArray(String[]::new))
                    .mapTo(UUID.class).one());
            return new User(userId, id, email);
        }
    }

    public record User(UUID id, UUID orgId, String email) {
        public Http http(int port) {
            return Http.at(port).basic(email, PASSWORD);
        }
    }

    /** What a test user looks like; defaults to a full-time leader with no trainings. */
    public static final class UserSpec {
        final String[] roles;
        String name;
        String grade = "SCS1";
        String directorate = "Operations";
        BigDecimal fte = BigDecimal.ONE;
        LocalDate startDate;
        LocalDate endDate;
        List<String> trainings = List.of();

        public UserSpec(String... roles) {
            this.roles = roles.length == 0 ? new String[] {"LEADER"} : roles;
        }

        public UserSpec name(String v) { name = v; return this; }
        public UserSpec grade(String v) { grade = v; return this; }
        public UserSpec directorate(String v) { directorate = v; return this; }
        public UserSpec fte(String v) { fte = new BigDecimal(v); return this; }
        public UserSpec startDate(LocalDate v) { startDate = v; return this; }
        public UserSpec endDate(LocalDate v) { endDate = v; return this; }
        public UserSpec trainings(String... v) { trainings = List.of(v); return this; }
    }
}

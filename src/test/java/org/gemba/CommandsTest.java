package org.gemba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.gemba.audit.AuditLog;
import org.gemba.auth.PasswordHasher;
import org.gemba.demo.DemoData;
import org.gemba.support.Fixtures;
import org.gemba.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class CommandsTest {
    private final Jdbi jdbi = TestDatabase.get().jdbi();
    private final PasswordHasher hasher = new PasswordHasher(4);
    private final AuditLog audit = new AuditLog(new ObjectMapper().findAndRegisterModules());

    private long count(String sql, Object arg) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind(0, arg).mapTo(Long.class).one());
    }

    @Test
    void bootstrap_isIdempotentPerOrganisationName() {
        String org = Fixtures.unique("Trust");
        String email = Fixtures.unique("admin") + "@test.local";
        String first = BootstrapCommand.bootstrap(jdbi, hasher, audit, org, email, "a-very-long-admin-pass");
        String second = BootstrapCommand.bootstrap(jdbi, hasher, audit, org, email, "a-very-long-admin-pass");
        assertThat(first).startsWith("Created");
        assertThat(second).contains("already exist");
        assertThat(count("SELECT count(*) FROM organisations WHERE name = ?", org)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM users WHERE lower(email) = lower(?)", email)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM users WHERE lower(email) = lower(?) AND roles @> ARRAY['ADMIN']", email))
                .isEqualTo(1);
    }

    @Test
    void bootstrap_withANewName_addsAnotherOrganisation() {
        String a = Fixtures.unique("Trust A");
        String b = Fixtures.unique("Trust B");
        BootstrapCommand.bootstrap(jdbi, hasher, audit, a, Fixtures.unique("a") + "@test.local", "a-very-long-admin-pass");
        BootstrapCommand.bootstrap(jdbi, hasher, audit, b, Fixtures.unique("b") + "@test.local", "a-very-long-admin-pass");
        assertThat(count("SELECT count(*) FROM organisations WHERE name IN (?, '" + b.replace("'", "''") + "')", a))
                .isEqualTo(2);
    }

    @Test
    void bootstrap_refusesAWeakPasswordAndAnEmailOfAnotherOrganisation() {
        assertThatThrownBy(() -> BootstrapCommand.bootstrap(jdbi, hasher, audit, Fixtures.unique("T"),
                Fixtures.unique("a") + "@test.local", "short")).hasMessageContaining("GEMBA_ADMIN_PASSWORD");
        Fixtures.User taken = Fixtures.org().user("ADMIN");
        String org = Fixtures.unique("T");
        assertThatThrownBy(() -> BootstrapCommand.bootstrap(jdbi, hasher, audit, org, taken.email(),
                "a-very-long-admin-pass")).hasMessageContaining("another organisation");
        assertThat(count("SELECT count(*) FROM organisations WHERE name = ?", org)).isZero();
    }

    @Test
    void demo_loadsPeopleOnceAndPrintsTheirLogins() {
        String org = Fixtures.unique("Demo");
        DemoData demo = new DemoData(jdbi, hasher, audit, Clock.systemUTC());
        // the demo uses fixed e-mails, so run it in its own organisation only if nobody else has loaded it
        long existing = count("SELECT count(*) FROM users WHERE email = ?", "hr@gemba.local");
        if (existing > 0) {
            return;
        }
        String out = demo.load(org);
        demo.load(org);
        assertThat(out).contains("hr@gemba.local").contains(DemoData.PASSWORD);
        long people = jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM users u JOIN organisations o ON o.id = u.org_id WHERE o.name = :n")
                .bind("n", org).mapTo(Long.class).one());
        assertThat(people).isGreaterThanOrEqualTo(10);
        long leaders = jdbi.withHandle(h -> h.createQuery("""
                SELECT count(DISTINCT grade) FROM users u JOIN organisations o ON o.id = u.org_id
                 WHERE o.name = :n AND roles @> ARRAY['LEADER']""").bind("n", org).mapTo(Long.class).one());
        assertThat(leaders).isGreaterThanOrEqualTo(3);
    }
}

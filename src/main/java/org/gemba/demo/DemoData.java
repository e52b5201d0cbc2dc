package org.gemba.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gemba.audit.AuditLog;
import org.gemba.auth.PasswordHasher;
import org.gemba.auth.Role;
import org.gemba.common.OrgId;
import org.gemba.people.OrganisationDao;
import org.gemba.people.UserDao;
import org.gemba.people.UserRequests;
import org.gemba.people.UserRow;
import org.gemba.people.UserService;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A demo NHS trust: leaders of several grades and directorates, hosts, HR and improvement staff,
 * all with one known password. Safe to run again: existing people are left as they are.
 */
public class DemoData {
    public static final String DEFAULT_ORG = "Gemba Demo Trust";
    public static final String PASSWORD = "gemba-demo-password";

    record Person(String email, String name, List<Role> roles, String grade, String directorate, String fte,
                  List<String> trainings) {}

    static final List<Person> PEOPLE = List.of(
            new Person("perm.sec@gemba.local", "Dame Helen Marsh", List.of(Role.LEADER), "PERM_SEC", "Office of the Permanent Secretary", "1", List.of("INFECTION_CONTROL", "FOOD_HYGIENE")),
            new Person("dg.ops@gemba.local", "Sir Anil Kapoor", List.of(Role.LEADER), "SCS3", "Operations", "1", List.of("INFECTION_CONTROL")),
            new Person("director.finance@gemba.local", "Rachel Okafor", List.of(Role.LEADER), "SCS2", "Finance", "0.8", List.of()),
            new Person("director.digital@gemba.local", "Tom Brennan", List.of(Role.LEADER), "SCS2", "Digital", "1", List.of("FOOD_HYGIENE")),
            new Person("deputy.policy@gemba.local", "Priya Shah", List.of(Role.LEADER), "SCS1", "Policy", "1", List.of("INFECTION_CONTROL", "MANUAL_HANDLING")),
            new Person("deputy.estates@gemba.local", "Gareth Hughes", List.of(Role.LEADER), "SCS1", "Estates and Facilities", "0.6", List.of()),
            new Person("host.catering@gemba.local", "Maureen Clarke", List.of(Role.HOST), null, "Estates and Facilities", "1", List.of("FOOD_HYGIENE")),
            new Person("host.wards@gemba.local", "Kwame Mensah", List.of(Role.HOST), null, "Operations", "1", List.of("INFECTION_CONTROL")),
            new Person("host.reception@gemba.local", "Siobhan Kelly", List.of(Role.HOST), null, "Operations", "1", List.of()),
            new Person("hr@gemba.local", "Fiona Grant", List.of(Role.HR), null, "People", "1", List.of()),
            new Person("improvement@gemba.local", "Dev Patel", List.of(Role.IMPROVEMENT), null, "Quality and Improvement", "1", List.of()),
            new Person("improvement.lead@gemba.local", "Laura Jenkins", List.of(Role.IMPROVEMENT, Role.LEADER), "SCS1", "Quality and Improvement", "1", List.of("INFECTION_CONTROL")));

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public DemoData(Jdbi jdbi, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Loads the demo and returns the text to print: who can log in, and with what. */
    public String load(String orgName) {
        String hash = hasher.hash(PASSWORD);
        UserService users = new UserService(jdbi, hasher, audit, () -> { });
        StringBuilder scheduling = new StringBuilder();
        StringBuilder insight = new StringBuilder();
        List<UserRow> people = jdbi.inTransaction(h -> {
            OrgId orgId = new OrgId(h.attach(OrganisationDao.class).ensure(orgName, "Europe/London"));
            List<UserRow> rows = new ArrayList<>();
            for (Person p : PEOPLE) {
                rows.add(ensure(h, users, orgId, p, hash));
            }
            scheduling.append(SchedulingDemoData.load(h, orgId, byEmail(rows), clock));
            insight.append(new InsightDemo(audit, clock).load(h, orgId, rows));
            return rows;
        });
        StringBuilder out = new StringBuilder();
        out.append("Demo organisation '").append(orgName).append("' is loaded. Every demo login uses the password ")
                .append(PASSWORD).append(":\n");
        for (UserRow u : people) {
            out.append(String.format("  %-32s %-24s %s%n", u.email(), u.name(), String.join(",", u.roles())));
        }
        out.append(scheduling);
        out.append(insight);
        return out.toString();
    }

    private static java.util.Map<String, UserRow> byEmail(List<UserRow> rows) {
        java.util.Map<String, UserRow> map = new java.util.HashMap<>();
        rows.forEach(r -> map.put(r.email(), r));
        return map;
    }

    private UserRow ensure(Handle h, UserService users, OrgId orgId, Person p, String hash) {
        UserDao dao = h.attach(UserDao.class);
        return dao.findByEmail(orgId.value(), p.email()).orElseGet(() -> {
            if (dao.emailTaken(p.email(), null)) {
                throw new IllegalStateException(p.email() + " already belongs to another organisation");
            }
            LocalDate start = LocalDate.now(clock).minusYears(2).withMonth(4).withDayOfMonth(1);
            UserRow row = users.insert(h, orgId, new UserRequests.CreateUser(p.email(), p.name(), p.roles(), null,
                    p.grade(), p.directorate(), new BigDecimal(p.fte()), start, null, p.trainings()), hash);
            audit.record(h, orgId, null, "USER", row.id(), "CREATED", java.util.Map.of("email", p.email()), "demo data");
            return row;
        });
    }
}

package org.gemba.people;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Caller;
import org.gemba.auth.PasswordHasher;
import org.gemba.auth.PasswordPolicy;
import org.gemba.auth.Role;
import org.gemba.common.ApiException;
import org.gemba.common.Checks;
import org.gemba.common.OrgId;
import org.gemba.common.Patch;
import org.gemba.common.UserId;
import org.gemba.common.Versions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Creating and changing people of an organisation; every change audited in its transaction. */
public class UserService {
    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Runnable loginCacheInvalidator;

    public UserService(Jdbi jdbi, PasswordHasher hasher, AuditLog audit, Runnable loginCacheInvalidator) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.audit = audit;
        this.loginCacheInvalidator = loginCacheInvalidator;
    }

    public UserRow create(Caller actor, UserRequests.CreateUser req) {
        checkPassword(req.password(), false);
        checkDates(req.startDate(), req.endDate());
        String hash = req.password() == null ? null : hasher.hash(req.password());
        return jdbi.inTransaction(h -> {
            UserRow row = insert(h, actor.orgId(), req, hash);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("email", row.email());
            changes.put("name", row.name());
            changes.put("roles", List.of(row.roles()));
            changes.put("password", hash == null ? "none" : "set");
            audit.record(h, actor.orgId(), actor.id(), "USER", row.id(), "CREATED", changes, null);
            return row;
        });
    }

    /** Inserts a user in the given transaction; used by the API, bootstrap and the demo loader. */
    public UserRow insert(Handle h, OrgId orgId, UserRequests.CreateUser req, String passwordHash) {
        UserDao dao = h.attach(UserDao.class);
        String email = req.email().trim();
        if (dao.emailTaken(email, null)) {
            throw ApiException.invalid("email", "is already in use");
        }
        return dao.insert(orgId.value(), email, req.name().trim(), passwordHash, roles(req.roles()),
                blankToNull(req.grade()), blankToNull(req.directorate()), req.fte(), req.startDate(), req.endDate(),
                trainings(req.trainings()));
    }

    public String hashPassword(String password) {
        checkPassword(password, true);
        return hasher.hash(password);
    }

    public UserRow update(Caller actor, UserId id, Patch<UserRequests.UpdateUser> patch, String ifMatch) {
        UserRequests.UpdateUser req = patch.value();
        Checks.start()
                .require(!patch.has("email") || req.email() != null, "email", "must not be null")
                .require(!patch.has("name") || (req.name() != null && !req.name().isBlank()), "name", "must not be blank")
                .require(!patch.has("roles") || req.roles() != null, "roles", "must not be null")
                .require(!patch.has("fte") || req.fte() != null, "fte", "must not be null")
                .require(!patch.has("trainings") || req.trainings() != null, "trainings", "must not be null")
                .require(!patch.has("active") || req.active() != null, "active", "must not be null")
                .orThrow();
        if (patch.has("password")) {
            checkPassword(req.password(), true);
        }
        String newHash = patch.has("password") ? hasher.hash(req.password()) : null;
        UserRow updated = jdbi.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            UserRow current = dao.lock(actor.orgId().value(), id.value())
                    .orElseThrow(() -> ApiException.notFound("User"));
            Versions.checkIfMatch(ifMatch, current.version());
            String email = req.email() == null ? current.email() : req.email().trim();
            if (!email.equalsIgnoreCase(current.email()) && dao.emailTaken(email, current.id())) {
                throw ApiException.invalid("email", "is already in use");
            }
            LocalDate start = patch.has("startDate") ? req.startDate() : current.startDate();
            LocalDate end = patch.has("endDate") ? req.endDate() : current.endDate();
            checkDates(start, end);
            boolean active = req.active() == null ? current.active() : req.active();
            if (!active && current.id().equals(actor.id().value())) {
                throw ApiException.invalid("active", "you cannot deactivate yourself");
            }
            String[] roles = req.roles() == null ? current.roles() : roles(req.roles());
            if (current.id().equals(actor.id().value()) && !List.of(roles).contains(Role.ADMIN.name())) {
                throw ApiException.invalid("roles", "you cannot remove your own ADMIN role");
            }
            UserRow row = dao.update(actor.orgId().value(), id.value(), email,
                    req.name() == null ? current.name() : req.name().trim(), roles,
                    blankToNull(patch.has("grade") ? req.grade() : current.grade()),
                    blankToNull(patch.has("directorate") ? req.directorate() : current.directorate()),
                    req.fte() == null ? current.fte() : req.fte(), start, end,
                    req.trainings() == null ? current.trainings() : trainings(req.trainings()), active);
            if (newHash != null) {
                dao.setPasswordHash(actor.orgId().value(), id.value(), newHash);
            }
            audit.record(h, actor.orgId(), actor.id(), "USER", row.id(), "UPDATED", diff(current, row, newHash != null), null);
            return row;
        });
        loginCacheInvalidator.run();
        return updated;
    }

    private static Map<String, Object> diff(UserRow before, UserRow after, boolean passwordChanged) {
        Map<String, Object> changes = new LinkedHashMap<>();
        put(changes, "email", before.email(), after.email());
        put(changes, "name", before.name(), after.name());
        put(changes, "roles", List.of(before.roles()), List.of(after.roles()));
        put(changes, "grade", before.grade(), after.grade());
        put(changes, "directorate", before.directorate(), after.directorate());
        put(changes, "fte", before.fte(), after.fte());
        put(changes, "startDate", before.startDate(), after.startDate());
        put(changes, "endDate", before.endDate(), after.endDate());
        put(changes, "trainings", List.of(before.trainings()), List.of(after.trainings()));
        put(changes, "active", before.active(), after.active());
        if (passwordChanged) {
            changes.put("password", "changed");
        }
        return changes;
    }

    private static void put(Map<String, Object> changes, String field, Object before, Object after) {
        boolean same = before == null ? after == null
                : before instanceof java.math.BigDecimal b && after instanceof java.math.BigDecimal a
                        ? b.compareTo(a) == 0 : before.equals(after);
        if (!same) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", before);
            change.put("to", after);
            changes.put(field, change);
        }
    }

    private static void checkPassword(String password, boolean required) {
        if (password == null) {
            Checks.start().require(!required, "password", "must not be null").orThrow();
            return;
        }
        PasswordPolicy.problem(password).ifPresent(p -> {
            throw ApiException.invalid("password", p);
        });
    }

    private static void checkDates(LocalDate start, LocalDate end) {
        Checks.start().require(start == null || end == null || !end.isBefore(start), "endDate",
                "must not be before startDate").orThrow();
    }

    private static String[] roles(List<Role> roles) {
        return roles.stream().map(Role::name).distinct().sorted().toArray(String[]::new);
    }

    private static String[] trainings(List<String> trainings) {
        return trainings == null ? new String[0]
                : trainings.stream().map(t -> t.trim().toUpperCase(Locale.ROOT)).distinct().sorted().toArray(String[]::new);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

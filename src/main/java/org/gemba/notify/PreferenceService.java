package org.gemba.notify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Caller;
import org.gemba.common.Checks;
import org.jdbi.v3.core.Jdbi;

/** Which notification types a person gets by e-mail. Essential ones cannot be turned off. */
public class PreferenceService {

    public record Preference(String type, boolean essential, boolean email) {}

    public record Preferences(List<Preference> preferences) {}

    public record Change(String type, Boolean email) {}

    public record Update(List<Change> preferences) {}

    private final Jdbi jdbi;
    private final AuditLog audit;

    public PreferenceService(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    public Preferences get(Caller caller) {
        Map<String, Boolean> stored = jdbi.withHandle(h -> h.attach(PreferenceDao.class)
                .emailByType(caller.orgId().value(), caller.id().value()));
        return view(stored);
    }

    /** Changes only the types named; all of them or none (422 naming the first bad entry). */
    public Preferences update(Caller caller, Update update) {
        List<Change> changes = update == null || update.preferences() == null ? List.of() : update.preferences();
        Checks checks = Checks.start().require(update != null && update.preferences() != null, "preferences",
                "must be a list of {type, email}");
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            String field = "preferences[" + i + "]";
            NotificationType type = c == null ? null : parse(c.type());
            checks.require(type != null, field + ".type", "must be one of " + Arrays.toString(NotificationType.values()))
                    .require(c != null && c.email() != null, field + ".email", "must be true or false");
            if (type != null && c.email() != null) {
                checks.require(c.email() || !type.essential(), field + ".type",
                        type + " is essential (a change to your own bookings or work) and is always e-mailed");
            }
        }
        checks.orThrow();
        return jdbi.inTransaction(h -> {
            PreferenceDao dao = h.attach(PreferenceDao.class);
            Map<String, Object> audited = new LinkedHashMap<>();
            for (Change c : changes) {
                dao.set(caller.orgId().value(), caller.id().value(), c.type(), c.email());
                audited.put(c.type(), c.email());
            }
            audit.record(h, caller.orgId(), caller.id(), "USER", caller.id().value(),
                    "NOTIFICATION_PREFERENCES_CHANGED", Map.of("email", audited), null);
            return view(dao.emailByType(caller.orgId().value(), caller.id().value()));
        });
    }

    private static NotificationType parse(String type) {
        if (type == null) {
            return null;
        }
        try {
            return NotificationType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Preferences view(Map<String, Boolean> stored) {
        List<Preference> out = new ArrayList<>();
        for (NotificationType t : NotificationType.values()) {
            out.add(new Preference(t.name(), t.essential(), t.essential() || stored.getOrDefault(t.name(), true)));
        }
        return new Preferences(out);
    }
}

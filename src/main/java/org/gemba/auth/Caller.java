package org.gemba.auth;

import java.security.Principal;
import java.time.ZoneId;
import java.util.Set;
import org.gemba.common.OrgId;
import org.gemba.common.UserId;

/**
 * The authenticated person behind a request, always inside one organisation; {@code zone} is that
 * organisation's time zone, in which date-only filters and "today" are taken.
 */
public record Caller(UserId id, OrgId orgId, String email, String name, Set<Role> roles, ZoneId zone)
        implements Principal {

    public Caller {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return email;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role r : candidates) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** HR and ADMIN act for the whole organisation (on a leader's behalf, reports, ...). */
    public boolean isOffice() {
        return hasAny(Role.HR, Role.ADMIN);
    }
}

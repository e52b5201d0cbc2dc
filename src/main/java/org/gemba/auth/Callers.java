package org.gemba.auth;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.gemba.common.OrgId;
import org.gemba.common.UserId;

final class Callers {
    private Callers() {}

    static Caller from(AuthDao.Login login) {
        return new Caller(new UserId(login.id()), new OrgId(login.orgId()), login.email(), login.name(),
                Arrays.stream(login.roles()).map(Role::valueOf).collect(Collectors.toSet()), ZoneId.of(login.timeZone()));
    }
}

package org.gemba.auth;

import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;

public class RoleAuthorizer implements Authorizer<Caller> {
    @Override
    public boolean authorize(Caller caller, String role, ContainerRequestContext request) {
        for (Role r : caller.roles()) {
            if (r.name().equals(role)) {
                return true;
            }
        }
        return false;
    }
}

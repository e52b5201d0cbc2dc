package org.gemba.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;

/**
 * Hands a request to the filter for the scheme its {@code Authorization} header names: bearer
 * tokens to one, everything else (Basic, or nothing) to the other, whose challenge a client without
 * credentials gets. Dropwizard's chained filter tried Basic first on every token request and built a
 * 401, stack trace included, before trying the token.
 */
@Priority(Priorities.AUTHENTICATION)
public final class SchemeAuthFilter implements ContainerRequestFilter {
    private static final String BEARER = "Bearer ";

    private final ContainerRequestFilter bearer;
    private final ContainerRequestFilter otherwise;

    public SchemeAuthFilter(ContainerRequestFilter bearer, ContainerRequestFilter otherwise) {
        this.bearer = bearer;
        this.otherwise = otherwise;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean isBearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
        (isBearer ? bearer : otherwise).filter(request);
    }
}

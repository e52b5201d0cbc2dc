package org.gemba.people;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Caller;
import org.gemba.auth.Tokens;
import org.gemba.common.ApiException;
import org.gemba.common.Id;
import org.jdbi.v3.core.Jdbi;

/** The caller themself and their API tokens. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class MeResource {

    /** The one answer that carries a token; it is never shown again. */
    public record CreatedToken(UUID id, String name, String token, Instant createdAt) {}

    public record TokenView(UUID id, String name, Instant createdAt) {}

    private final Jdbi jdbi;
    private final AuditLog audit;

    public MeResource(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** 200 the caller: id, email, name, roles, grade, directorate, fte, trainings. */
    @GET
    public UserView me(@Auth Caller caller) {
        return jdbi.onDemand(UserDao.class).find(caller.orgId().value(), caller.id().value())
                .map(UserView::of)
                .orElseThrow(() -> ApiException.notFound("User"));
    }

    /** 201 with the new token (shown only here) and Location; 422 without a name. */
    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createToken(@Auth Caller caller, @Valid UserRequests.CreateToken body) {
        String token = Tokens.newApiToken();
        TokenDao.Row row = jdbi.inTransaction(h -> {
            TokenDao.Row created = h.attach(TokenDao.class).insert(caller.orgId().value(), caller.id().value(),
                    body.name().trim(), Tokens.hash(token));
            audit.record(h, caller.orgId(), caller.id(), "API_TOKEN", created.id(), "CREATED",
                    Map.of("name", created.name()), null);
            return created;
        });
        return Response.created(URI.create("/api/v1/me/tokens/" + row.id()))
                .entity(new CreatedToken(row.id(), row.name(), token, row.createdAt())).build();
    }

    /** 200 the caller's active tokens, without their secrets. */
    @GET
    @Path("/tokens")
    public Map<String, List<TokenView>> tokens(@Auth Caller caller) {
        return Map.of("items", jdbi.onDemand(TokenDao.class).listActive(caller.orgId().value(), caller.id().value())
                .stream().map(r -> new TokenView(r.id(), r.name(), r.createdAt())).toList());
    }

    /** 204 revoked (at once: the next request with it is 401); 404 if not the caller's token. */
    @DELETE
    @Path("/tokens/{id}")
    public Response revokeToken(@Auth Caller caller, @PathParam("id") String id) {
        UUID tokenId = Id.fromPath(id, "Token");
        jdbi.useTransaction(h -> {
            if (h.attach(TokenDao.class).revoke(caller.orgId().value(), caller.id().value(), tokenId) == 0) {
                throw ApiException.notFound("Token");
            }
            audit.record(h, caller.orgId(), caller.id(), "API_TOKEN", tokenId, "REVOKED", Map.of(), null);
        });
        return Response.noContent().build();
    }
}

package org.gemba.auth;

import io.dropwizard.auth.Authenticator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gemba.common.OrgId;
import org.gemba.common.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Bearer API tokens: looked up by their SHA-256, so the database never holds a usable token.
 * Every API request runs this lookup, so it is a plain query with its own mapper: as an on-demand
 * SQL object with a constructor mapper, the proxy, the config copy and the mapper's set-up cost more
 * Java time than the query (a sixth of a search request's, async-profiler).
 */
public class TokenAuthenticator implements Authenticator<String, Caller> {
    private static final String FIND_BY_TOKEN_HASH = """
            SELECT u.id, u.org_id, u.email, u.name, u.roles, o.time_zone
              FROM api_tokens t JOIN users u ON u.id = t.user_id AND u.org_id = t.org_id
                   JOIN organisations o ON o.id = u.org_id
             WHERE t.token_hash = :tokenHash AND t.revoked_at IS NULL AND u.active
            """;

    private final Jdbi jdbi;

    public TokenAuthenticator(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        if (!Tokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        return jdbi.withHandle(h -> h.createQuery(FIND_BY_TOKEN_HASH).bind("tokenHash", hash)
                .map(TokenAuthenticator::caller).findOne());
    }

    private static Caller caller(ResultSet rs, StatementContext ctx) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : (String[]) rs.getArray(5).getArray()) {
            roles.add(Role.valueOf(role));
        }
        return new Caller(new UserId(rs.getObject(1, UUID.class)), new OrgId(rs.getObject(2, UUID.class)),
                rs.getString(3), rs.getString(4), roles, ZoneId.of(rs.getString(6)));
    }
}

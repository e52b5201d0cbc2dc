package org.gemba.auth;

import io.dropwizard.auth.Authenticator;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Bearer API tokens: looked up by their SHA-256, so the database never holds a usable token. */
public class TokenAuthenticator implements Authenticator<String, Caller> {
    private final Jdbi jdbi;

    public TokenAuthenticator(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        if (!Tokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return jdbi.onDemand(AuthDao.class).findByTokenHash(Tokens.hash(token)).map(Callers::from);
    }
}

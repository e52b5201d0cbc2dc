package org.gemba.auth;

import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.basic.BasicCredentials;
import java.util.Optional;
import org.gemba.common.NulCharacters;
import org.jdbi.v3.core.Jdbi;

/** E-mail and password, checked against the bcrypt hash, behind the per-account throttle. */
public class BasicAuthenticator implements Authenticator<BasicCredentials, Caller> {
    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;

    public BasicAuthenticator(Jdbi jdbi, PasswordHasher hasher, LoginThrottle throttle) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    @Override
    public Optional<Caller> authenticate(BasicCredentials credentials) {
        String email = credentials.getUsername();
        if (email == null || email.isBlank() || email.length() > 320 || NulCharacters.contains(email)
                || NulCharacters.contains(credentials.getPassword())) {
            return Optional.empty();
        }
        throttle.checkAllowed(email);
        Optional<AuthDao.Login> login = jdbi.onDemand(AuthDao.class).findByEmail(email);
        String password = credentials.getPassword() == null ? "" : credentials.getPassword();
        boolean ok = password.length() <= PasswordPolicy.MAX
                && hasher.verify(password, login.map(AuthDao.Login::passwordHash).orElse(null));
        if (!ok) {
            throttle.recordFailure(email);
            return Optional.empty();
        }
        throttle.recordSuccess(email);
        return login.map(Callers::from);
    }
}

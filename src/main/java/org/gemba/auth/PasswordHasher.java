package org.gemba.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt (salted, deliberately slow). Passwords may be up to 128 characters, beyond bcrypt's
 * 72-byte input, so longer ones are pre-hashed with SHA-512 rather than silently truncated.
 */
public class PasswordHasher {
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, new java.security.SecureRandom(),
            LongPasswordStrategies.hashSha512(VERSION));
    private final BCrypt.Verifyer verifier = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final int cost;
    private final String dummyHash;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.dummyHash = hash("dummy-password-for-timing");
    }

    public String hash(String password) {
        return new String(hasher.hash(cost, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    public boolean verify(String password, String hash) {
        if (hash == null) {
            // spend the same time as a real check, so unknown e-mails are not revealed by timing
            verifier.verify(password.getBytes(StandardCharsets.UTF_8), dummyHash.getBytes(StandardCharsets.UTF_8));
            return false;
        }
        return verifier.verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }
}

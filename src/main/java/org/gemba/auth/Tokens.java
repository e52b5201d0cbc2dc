package org.gemba.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (API and calendar tokens): 256 bits from SecureRandom, URL-safe. Stored only as
 * SHA-256: with that much entropy a fast hash is enough, and it allows lookup by hash.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "gmb_";

    private Tokens() {}

    public static String newApiToken() {
        return PREFIX + randomSecret();
    }

    public static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean looksLikeToken(String token) {
        return token != null && token.startsWith(PREFIX) && token.length() < 100;
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.gemba.scheduling.calendar;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gemba.auth.Tokens;

/**
 * Calendar feed tokens. A feed URL must be shown again on every GET /me/calendar, yet no usable
 * secret may sit in the database. So the token is derived, not stored: HMAC-SHA256 under a server
 * key (config security.calendarSecret) of the org, the leader and the feed's generation. The database
 * keeps only the generation and the token's SHA-256 (to find the feed from a request); a database
 * leak alone yields no working URL. Rotation bumps the generation, which changes the token and
 * strands the old one; changing the server key strands every token.
 */
public final class CalendarTokens {
    private static final String PREFIX = "gcal_";
    private static final Pattern SHAPE = Pattern.compile("gcal_[A-Za-z0-9_-]{43}");

    private final SecretKeySpec key;

    public CalendarTokens(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String token(UUID orgId, UUID userId, int generation) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("gemba-calendar:" + orgId + ":" + userId + ":" + generation)
                    .getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Malformed tokens are refused before any database lookup. */
    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    public static String hash(String token) {
        return Tokens.hash(token);
    }
}

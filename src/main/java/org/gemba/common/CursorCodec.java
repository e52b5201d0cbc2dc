package org.gemba.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque keyset cursors: the sort key of the last row, signed so that a cursor the server did
 * not issue is refused (422) instead of being trusted as a position.
 */
public class CursorCodec {
    private static final char SEPARATOR = '\u001f';
    private final Mac keyed;

    public CursorCodec(String secret) {
        try {
            keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String encode(List<String> values) {
        byte[] payload = String.join(String.valueOf(SEPARATOR), values).getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload) + "." + b64.encodeToString(sign(payload));
    }

    public List<String> decode(String cursor, int parts) {
        try {
            int dot = cursor.indexOf('.');
            byte[] payload = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                throw invalid();
            }
            List<String> values = Arrays.asList(new String(payload, StandardCharsets.UTF_8)
                    .split(String.valueOf(SEPARATOR), -1));
            if (values.size() != parts) {
                throw invalid();
            }
            return values;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    /** A clone of the keyed MAC: looking up the provider and keying it cost more than the HMAC itself. */
    private byte[] sign(byte[] payload) {
        try {
            Mac mac = (Mac) keyed.clone();
            return Arrays.copyOf(mac.doFinal(payload), 16);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException invalid() {
        return ApiException.invalid("cursor", "is not a cursor this server issued");
    }
}

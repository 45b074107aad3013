package io.billingnow.platform.identity.sessions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The session cookie's value: {@code v1.<key id>.<256-bit session id>.<HMAC-SHA256>}, all base64url. The signature
 * lets a node refuse a forged or tampered cookie before touching the database; the id itself is only ever stored
 * hashed. The key id names the signing key so keys can be rotated without signing everyone out.
 */
public final class SessionCookie {

    public static final String NAME = "__Host-bn_session";
    public static final String CSRF_NAME = "__Host-bn_csrf";
    private static final String VERSION = "v1";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SigningKeys keys;

    public SessionCookie(SigningKeys keys) {
        this.keys = keys;
    }

    public static byte[] newId() {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return id;
    }

    public String encode(byte[] sessionId) {
        String payload = VERSION + "." + keys.currentId() + "." + B64.encodeToString(sessionId);
        return payload + "." + B64.encodeToString(mac(keys.current(), payload));
    }

    /** The session id, if the value is well formed and signed by a key we still hold. */
    public Optional<byte[]> decode(String value) {
        if (value == null || value.length() > 200) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        Optional<byte[]> key = keys.byId(parts[1]);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] id = B64D.decode(parts[2]);
            byte[] signature = B64D.decode(parts[3]);
            byte[] expected = mac(key.get(), parts[0] + "." + parts[1] + "." + parts[2]);
            if (id.length != 32 || !MessageDigest.isEqual(expected, signature)) {
                return Optional.empty();
            }
            return Optional.of(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static byte[] mac(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
        }
    }

    /** A Set-Cookie value for the session: host-only, HTTPS-only, invisible to scripts, not sent on cross-site POSTs. */
    public static String setCookie(String value, long maxAgeSeconds) {
        return NAME + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; Secure; HttpOnly; SameSite=Lax";
    }

    /** The CSRF token for double submission: readable by our own scripts, which echo it in X-CSRF-Token. */
    public static String setCsrfCookie(String token, long maxAgeSeconds) {
        return CSRF_NAME + "=" + token + "; Path=/; Max-Age=" + maxAgeSeconds + "; Secure; SameSite=Strict";
    }

    public static String clear(String name) {
        return name + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax";
    }
}

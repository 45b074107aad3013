package io.billingnow.platform.identity.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Bearer secrets we issue: a short kind prefix (so a leaked token is recognisable and scanners can find it) and 256
 * bits from a CSPRNG. Only their SHA-256 is stored: the secret has full entropy, so a slow hash would add nothing.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {
    }

    public static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** What may be shown of a token after creation: its kind and first few characters. */
    public static String displayPrefix(String token) {
        return token.substring(0, Math.min(token.length(), 12));
    }
}

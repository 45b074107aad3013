package io.billingnow.platform.identity.sessions;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ring of named HMAC keys: the first signs, every one verifies, so a key is rotated by putting a new one first and
 * removing the old one after everything it signed has expired. The key id travels with what it signed.
 */
public final class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    private static final int MIN_BYTES = 32;

    private final Map<String, byte[]> keys;
    private final String current;

    private SigningKeys(Map<String, byte[]> keys) {
        this.keys = Map.copyOf(keys);
        this.current = keys.keySet().iterator().next();
    }

    /** From configuration; with none configured, one random key for this process (development and tests). */
    public static SigningKeys from(Map<String, String> configured, String purpose) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (Map.Entry<String, String> key : configured.entrySet()) {
            if (!key.getKey().matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException(purpose + " key ids are 1-32 letters, digits, '-' or '_'");
            }
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(key.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(purpose + " key " + key.getKey() + " is not base64", e);
            }
            if (secret.length < MIN_BYTES) {
                throw new IllegalArgumentException(purpose + " key " + key.getKey() + " is shorter than 256 bits");
            }
            if (keys.put(key.getKey(), secret) != null) {
                throw new IllegalArgumentException(purpose + " key id " + key.getKey() + " is used twice");
            }
        }
        if (keys.isEmpty()) {
            LOG.warn("No {} keys configured: using a random key that lives as long as this process "
                    + "(fine for development; in production configure keys shared by all nodes)", purpose);
            byte[] random = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(random);
            keys.put("ephemeral", random);
        }
        return new SigningKeys(keys);
    }

    public String currentId() {
        return current;
    }

    public byte[] current() {
        return keys.get(current);
    }

    public Optional<byte[]> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }
}

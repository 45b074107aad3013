package io.billingnow.platform.keys;

import java.time.Instant;

/**
 * One data-key version as the key inventory shows it: version, state, which master key wraps it, how many
 * encryptions it has been reserved for, and when its state changed. Never key material, wrapped or not.
 */
public record KeyInfo(int version, String state, String masterKeyId, long encryptions, Instant createdAt,
                      Instant rotatedAt, Instant retiredAt, Instant destroyedAt) {
}

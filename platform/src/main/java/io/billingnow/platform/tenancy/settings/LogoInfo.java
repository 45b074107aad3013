package io.billingnow.platform.tenancy.settings;

import java.time.Instant;

/**
 * What is known of a business's logo without its bytes.
 *
 * @param contentType {@code image/png} or {@code image/jpeg}
 * @param width       pixels
 * @param height      pixels
 * @param bytes       the stored image's size
 * @param sha256      the stored image's SHA-256 (hex), also its ETag and the cache-busting part of its address
 * @param updatedAt   when it was set
 */
public record LogoInfo(String contentType, int width, int height, int bytes, String sha256, Instant updatedAt) {
}

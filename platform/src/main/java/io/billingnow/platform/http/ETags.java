package io.billingnow.platform.http;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency: an entity's ETag is its row version; updates must name the version they were based on
 * with If-Match, and the UPDATE itself checks it, so two writers can never silently overwrite each other.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(int version) {
        return new EntityTag(Integer.toString(version), true);
    }

    /** The version an If-Match header names: missing → 428, unparseable → 412. */
    public static int requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
            throw ApiException.preconditionFailed("If-Match does not name a current ETag");
        }
        try {
            return Integer.parseInt(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            throw ApiException.preconditionFailed("If-Match does not name a current ETag");
        }
    }
}

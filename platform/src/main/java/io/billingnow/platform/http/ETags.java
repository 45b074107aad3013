package io.billingnow.platform.http;

import io.billingnow.platform.core.errors.DomainException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency on an entity's integer {@code version}. Responses carry {@code ETag: W/"<version>"}; an
 * update must send it back in {@code If-Match}, and loses (412) if someone else changed the entity in between.
 *
 * <p>The tags are weak because they name a version of the entity, not a byte sequence (a representation may change
 * with a new field while the version stays). {@code If-Match} therefore compares the opaque value and ignores the
 * {@code W/} prefix, as RFC 9110's weak comparison does.
 *
 * <pre>{@code
 * tenants.update(id, definition, actor, version -> ETags.requireMatch(ifMatch, version));
 * }</pre>
 */
public final class ETags {

    private ETags() {
    }

    /** The tag for this version; {@code ResponseBuilder.tag(ETags.of(v))} renders it as {@code W/"v"}. */
    public static EntityTag of(int version) {
        return new EntityTag(Integer.toString(version), true);
    }

    /**
     * Passes if {@code ifMatch} (the raw header) names {@code currentVersion} or is {@code *}; otherwise throws 428
     * (no header) or 412 (any other value, including one that is not a valid tag). Call it where the current
     * version is read under the update's lock, so nobody can change the entity between check and write.
     */
    public static void requireMatch(String ifMatch, int currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw DomainException.preconditionRequired();
        }
        String current = Integer.toString(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || current.equals(opaque(tag))) {
                return;
            }
        }
        throw DomainException.preconditionFailed("The resource has changed (its ETag is now " + headerValue(currentVersion)
                + "); fetch it again and reapply your change");
    }

    /** The header text of a version's tag, e.g. {@code W/"3"}. */
    public static String headerValue(int version) {
        return "W/\"" + version + "\"";
    }

    private static String opaque(String tag) {
        String strong = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (strong.length() >= 2 && strong.startsWith("\"") && strong.endsWith("\"")) {
            return strong.substring(1, strong.length() - 1);
        }
        return null;
    }
}

package io.billingnow.platform.core;

import io.billingnow.platform.http.ETagFilter;

/**
 * An entity with an optimistic-locking version (incremented by every update). Returning one from a resource method
 * is enough for its response to carry the matching {@code ETag} ({@link ETagFilter}).
 */
public interface Versioned {
    int version();
}

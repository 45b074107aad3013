package io.billingnow.platform.core.paging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** One page of a list: the items and, when there are more, the cursor for the next page. */
public record Page<T>(List<T> data, String nextCursor) {

    /** Builds a page from a query that fetched one row more than {@code limit} to learn whether more exist. */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, Instant> createdAt, Function<T, UUID> id) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> data = fetched.subList(0, limit);
        T last = data.get(limit - 1);
        return new Page<>(List.copyOf(data), new Cursor(createdAt.apply(last), id.apply(last)).encode());
    }
}

package io.billingnow.platform.core.paging;

import io.billingnow.platform.core.errors.DomainException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset-pagination position: the (created at, id) of the last item of a page, opaque to clients. Keyset rather
 * than offset pagination so pages stay stable and cheap however deep a client goes.
 */
public record Cursor(Instant createdAt, UUID id) {

    public static final Cursor START = new Cursor(Instant.EPOCH.minusSeconds(1), new UUID(0, 0));
    public static final int MAX_LIMIT = 200;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(28);
        buffer.putLong(createdAt.getEpochSecond()).putInt(createdAt.getNano());
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return START;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length != 28) {
                throw new IllegalArgumentException();
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            Instant at = Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
            // A forged position outside what a timestamp column holds would fail in the database as a 500.
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw new IllegalArgumentException();
            }
            return new Cursor(at, new UUID(buffer.getLong(), buffer.getLong()));
        } catch (RuntimeException e) {
            throw DomainException.invalid("/cursor", "not a cursor returned by this API");
        }
    }

    public static int limit(Integer requested) {
        int limit = requested == null ? 50 : requested;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("/limit", "between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}

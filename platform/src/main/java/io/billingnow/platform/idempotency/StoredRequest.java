package io.billingnow.platform.idempotency;

import java.time.Instant;

/** A remembered request and, once it finished, its response exactly as it was sent. */
public record StoredRequest(String requestMethod, String requestPath, byte[] requestHash, Integer responseStatus,
                            String responseHeaders, byte[] responseBody, Instant createdAt, Instant completedAt) {

    public boolean completed() {
        return completedAt != null;
    }
}

package io.billingnow.platform.idempotency;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.json.Json;

/** A remembered request and, once it finished, its response exactly as it was sent. */
public record StoredRequest(String requestMethod, String requestPath, byte[] requestHash, Integer responseStatus,
                            @Json Map<String, List<String>> responseHeaders, byte[] responseBody, Instant createdAt, Instant completedAt) {

    public boolean completed() {
        return completedAt != null;
    }
}

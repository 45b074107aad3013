package io.billingnow.platform.testing;

import jakarta.ws.rs.core.Response;

/** Response helpers for HTTP tests. */
public final class Responses {

    private Responses() {
    }

    /**
     * The status of a response whose body is not needed, closing it: an unread response keeps its pooled connection,
     * and the test client's small pool then stalls the next request.
     */
    public static int status(Response response) {
        try (response) {
            return response.getStatus();
        }
    }
}

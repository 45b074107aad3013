package io.billingnow.sdk.http;

import java.io.IOException;

/**
 * Sends one HTTP request and returns the whole response. Implemented by the host (and by the testkit for tests);
 * the host applies its own connect and read timeouts and may refuse destinations it does not allow.
 */
public interface HttpTransport {

    /**
     * Sends a request. Any status code, including 4xx and 5xx, is returned as a response, not thrown.
     *
     * @param request the request
     * @return the response
     * @throws IOException if no response was received (connection refused, timeout, refused by egress rules)
     */
    HttpResponse send(HttpRequest request) throws IOException;
}

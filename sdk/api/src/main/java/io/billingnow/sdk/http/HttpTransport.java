package io.billingnow.sdk.http;

import java.io.IOException;

/**
 * Sends one HTTP request and returns the whole response. Implemented by the host (and by the testkit for tests);
 * the host applies its own connect and read timeouts and refuses destinations its egress policy does not allow
 * (see {@link io.billingnow.sdk.ProviderContext}): a scheme other than HTTPS in production, a host the provider did
 * not declare, an address that is not public. Redirects are never followed.
 */
public interface HttpTransport {

    /**
     * Sends a request. Any status code, including 4xx and 5xx, is returned as a response, not thrown.
     *
     * @param request the request
     * @return the response
     * @throws IOException if no response was received (connection refused, timeout, refused by the egress policy)
     */
    HttpResponse send(HttpRequest request) throws IOException;
}

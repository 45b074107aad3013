package io.billingnow.platform.providers.plugins;

import io.billingnow.platform.protection.egress.EgressHttpClient;
import io.billingnow.platform.protection.egress.EgressPolicy;
import io.billingnow.platform.protection.egress.EgressRefusedException;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.http.HttpRequest;
import io.billingnow.sdk.http.HttpResponse;
import io.billingnow.sdk.http.HttpTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.http.HttpField;

/**
 * The HTTP transport of one provider: every request goes through the host's {@link EgressHttpClient}, so it reaches
 * only the provider's allowed hosts, over HTTPS, on checked public addresses, with the host's timeouts and no
 * redirect followed (a provider API answering a redirect is answered as is). A refused destination is an
 * {@link EgressRefusedException} for the plugin, and is recorded for {@link PluginHost} to answer the request with.
 */
final class HostHttpTransport implements HttpTransport {

    /** Headers the client computes itself; a plugin cannot set them. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");

    private final EgressHttpClient client;
    private final EgressPolicy.AllowedHosts allowed;

    HostHttpTransport(EgressHttpClient client, EgressPolicy.AllowedHosts allowed) {
        this.client = client;
        this.allowed = allowed;
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        try {
            Request outgoing = client.newRequest(request.uri(), allowed).method(request.method());
            outgoing.headers(headers -> request.headers().map().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> headers.add(name, v));
                }
            }));
            if (request.body().length > 0) {
                outgoing.body(new BytesRequestContent(request.body()));
            }
            ContentResponse response = outgoing.send();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HttpField field : response.getHeaders()) {
                headers.computeIfAbsent(field.getName(), k -> new java.util.ArrayList<>()).add(field.getValue());
            }
            return new HttpResponse(response.getStatus(), new Headers(headers), response.getContent());
        } catch (EgressRefusedException e) {
            throw EgressRefusals.record(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the provider");
        } catch (TimeoutException e) {
            throw new IOException("the provider did not answer in time");
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof EgressRefusedException refused) {
                    throw EgressRefusals.record(refused);
                }
            }
            throw new IOException("no response from the provider: " + e.getCause().getClass().getSimpleName(),
                    e.getCause());
        } catch (IllegalArgumentException e) {
            throw new IOException("request refused by the HTTP client", e);
        }
    }
}

package io.billingnow.platform.security.tls;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Applies {@code Forwarded} / {@code X-Forwarded-*} headers only when the TCP peer is a configured proxy.
 * From any other peer the headers are removed before the application sees them, so neither Jetty nor application
 * code can be fooled by a client that sends them itself.
 * <p>
 * Proxies append to {@code X-Forwarded-For}; its leftmost entries are whatever the client sent. The client address
 * is therefore the rightmost entry that is not itself a trusted proxy, and only that entry is passed on.
 */
public final class TrustedForwardedRequestCustomizer implements HttpConfiguration.Customizer {

    static final Set<String> FORWARDING_HEADERS = Set.of(
            "forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port",
            "x-forwarded-server", "x-forwarded-prefix", "x-forwarded-https", "x-forwarded-ssl", "x-proxied-https",
            "x-real-ip", "proxy-auth-cert", "proxy-ssl-id");

    private final TrustedProxies trustedProxies;
    private final ForwardedRequestCustomizer delegate = new ForwardedRequestCustomizer();

    public TrustedForwardedRequestCustomizer(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (!hasForwardingHeader(request.getHeaders())) {
            return request;
        }
        SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
        boolean trusted = peer instanceof InetSocketAddress socket && socket.getAddress() != null
                && trustedProxies.contains(socket.getAddress());
        if (!trusted) {
            return withHeaders(request, withoutForwardingHeaders(request.getHeaders()));
        }
        return delegate.customize(withHeaders(request, withClientAddressOnly(request.getHeaders())), responseHeaders);
    }

    private static boolean hasForwardingHeader(HttpFields headers) {
        for (HttpField field : headers) {
            if (FORWARDING_HEADERS.contains(field.getLowerCaseName())) {
                return true;
            }
        }
        return false;
    }

    private static HttpFields withoutForwardingHeaders(HttpFields headers) {
        HttpFields.Mutable kept = HttpFields.build(headers.size());
        for (HttpField field : headers) {
            if (!FORWARDING_HEADERS.contains(field.getLowerCaseName())) {
                kept.add(field);
            }
        }
        return kept.asImmutable();
    }

    private HttpFields withClientAddressOnly(HttpFields headers) {
        List<String> hops = new ArrayList<>();
        for (HttpField field : headers.getFields(HttpHeader.X_FORWARDED_FOR)) {
            Arrays.stream(field.getValue().split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(hops::add);
        }
        if (hops.isEmpty()) {
            return headers;
        }
        String client = hops.get(0);
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.containsLiteral(hops.get(i))) {
                client = hops.get(i);
                break;
            }
        }
        HttpFields.Mutable rewritten = HttpFields.build(headers);
        rewritten.put(HttpHeader.X_FORWARDED_FOR, client);
        return rewritten.asImmutable();
    }

    private static Request withHeaders(Request request, HttpFields headers) {
        return new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return headers;
            }
        };
    }
}

package io.billingnow.platform.protection.tls;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code Forwarded} / {@code X-Forwarded-*} headers only when the TCP peer is a configured proxy.
 * From any other peer the headers are removed before the application sees them, so neither Jetty nor application
 * code can be fooled by a client that sends them itself.
 * <p>
 * Proxies append to {@code X-Forwarded-For} and {@code Forwarded}; their leftmost entries are whatever the client
 * sent. The client is therefore the rightmost entry that is not itself a trusted proxy, and only that entry is passed
 * on to Jetty's {@link ForwardedRequestCustomizer} (which would otherwise take the leftmost).
 */
public final class TrustedForwardedRequestCustomizer implements HttpConfiguration.Customizer {

    static final Set<String> FORWARDING_HEADERS = Set.of(
            "forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port",
            "x-forwarded-server", "x-forwarded-prefix", "x-forwarded-https", "x-forwarded-ssl", "x-proxied-https",
            "x-real-ip", "proxy-auth-cert", "proxy-ssl-id");

    /**
     * Request attribute set (to the peer's address) when a peer outside {@code trustedProxies} sent forwarding
     * headers: most likely a proxy nobody configured, in front of every client. Security monitoring then does not
     * lock that address out (it would lock out everybody behind the proxy).
     */
    public static final String UNTRUSTED_FORWARDING = "io.billingnow.untrustedForwarding";

    private static final Logger LOG = LoggerFactory.getLogger(TrustedForwardedRequestCustomizer.class);

    private final TrustedProxies trustedProxies;
    private final ForwardedRequestCustomizer delegate = new ForwardedRequestCustomizer();
    private final AtomicBoolean warned = new AtomicBoolean();

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
            String address = peer instanceof InetSocketAddress socket && socket.getAddress() != null
                    ? socket.getAddress().getHostAddress() : String.valueOf(peer);
            if (warned.compareAndSet(false, true)) {
                LOG.warn("Forwarding headers (X-Forwarded-For, Forwarded, ...) arrive from {}, which is not in this "
                        + "listener's trustedProxies: they are ignored and every client behind that proxy shares its "
                        + "address (rate limits, lockouts). If {} is your proxy, add it to trustedProxies. "
                        + "(Logged once.)", address, address);
            }
            Request stripped = withHeaders(request, withoutForwardingHeaders(request.getHeaders()));
            stripped.setAttribute(UNTRUSTED_FORWARDING, address);
            return stripped;
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
        HttpFields.Mutable rewritten = HttpFields.build(headers);
        List<String> hops = elements(headers, HttpHeader.X_FORWARDED_FOR);
        if (!hops.isEmpty()) {
            rewritten.put(HttpHeader.X_FORWARDED_FOR, rightmostUntrusted(hops, hop -> hop));
        }
        List<String> forwarded = elements(headers, HttpHeader.FORWARDED);
        if (!forwarded.isEmpty()) {
            rewritten.put(HttpHeader.FORWARDED,
                    rightmostUntrusted(forwarded, TrustedForwardedRequestCustomizer::forParameter));
        }
        return rewritten.asImmutable();
    }

    private static List<String> elements(HttpFields headers, HttpHeader header) {
        List<String> elements = new ArrayList<>();
        for (HttpField field : headers.getFields(header)) {
            Arrays.stream(field.getValue().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(elements::add);
        }
        return elements;
    }

    /** Walks from the proxy nearest to us towards the client; the first hop we do not run is the client. */
    private String rightmostUntrusted(List<String> elements, Function<String, String> address) {
        for (int i = elements.size() - 1; i >= 0; i--) {
            if (!trustedProxies.containsLiteral(address.apply(elements.get(i)))) {
                return elements.get(i);
            }
        }
        return elements.get(0);
    }

    /** The address in a {@code Forwarded} element's {@code for=} parameter, without quotes, brackets or port. */
    static String forParameter(String element) {
        for (String pair : element.split(";")) {
            String trimmed = pair.trim();
            if (trimmed.regionMatches(true, 0, "for=", 0, 4)) {
                String value = trimmed.substring(4).replace("\"", "");
                if (value.startsWith("[")) {
                    int end = value.indexOf(']');
                    return end > 0 ? value.substring(1, end) : value;
                }
                int colon = value.indexOf(':');
                return colon > 0 ? value.substring(0, colon) : value;
            }
        }
        return "";
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

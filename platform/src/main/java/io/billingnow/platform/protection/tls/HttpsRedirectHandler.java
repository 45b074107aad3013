package io.billingnow.platform.protection.tls;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.util.regex.Pattern;

/** Answers every request that arrived on one plain-HTTP connector with a redirect to HTTPS; passes others on. */
final class HttpsRedirectHandler extends Handler.Wrapper {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}|[0-9A-Fa-f:.]{2,45}");

    private final Connector redirectConnector;
    private final int httpsPort;
    private final String redirectHost;

    HttpsRedirectHandler(Connector redirectConnector, int httpsPort, String redirectHost) {
        this.redirectConnector = redirectConnector;
        this.httpsPort = httpsPort;
        this.redirectHost = redirectHost;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getConnectionMetaData().getConnector() != redirectConnector) {
            return super.handle(request, response, callback);
        }
        String host = redirectHost != null ? redirectHost : Request.getServerName(request);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!HOST.matcher(host).matches()) {
            response.setStatus(HttpStatus.BAD_REQUEST_400);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, null, callback);
            return true;
        }
        String authority = host.contains(":") ? "[" + host + "]" : host;
        int port = targetPort();
        String pathQuery = request.getHttpURI().getPathQuery();
        String location = "https://" + authority + (port == 443 ? "" : ":" + port)
                + (pathQuery == null || pathQuery.isEmpty() ? "/" : pathQuery);
        response.setStatus(HttpStatus.PERMANENT_REDIRECT_308);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
        response.write(true, null, callback);
        return true;
    }

    private int targetPort() {
        if (httpsPort != 0) {
            return httpsPort;
        }
        for (Connector connector : getServer().getConnectors()) {
            // Dropwizard wraps the SslConnectionFactory for metrics; the protocol name survives the wrapping.
            if (connector instanceof ServerConnector server
                    && server.getProtocols().stream().anyMatch("ssl"::equalsIgnoreCase)) {
                return server.getLocalPort();
            }
        }
        return 443;
    }
}

package io.billingnow.platform.protection.tls;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.PortRange;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.ThreadPool;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import java.net.URI;
import java.util.List;

/**
 * A plain-HTTP listener ({@code type: https-redirect}) that serves nothing: every request, whatever its method or
 * path, gets a {@code 308 Permanent Redirect} to the same path and query on HTTPS and an empty body. The redirect
 * is answered by {@link HttpsRedirectHandler}, placed in front of all other handlers of the server, so no
 * application or admin content is reachable through this listener.
 */
@JsonTypeName("https-redirect")
public class HttpsRedirectConnectorFactory extends HttpConnectorFactory {

    /** 0: the local port of the server's first TLS listener (useful with random test ports). */
    @PortRange
    private int httpsPort = 443;

    /**
     * Where redirects go. When not configured, {@code SecurityBundle} sets it to the host of
     * {@code security.contact.publicBaseUrl} ({@link #pinRedirectHosts}): the request's Host header is never
     * reflected, so a forged Host cannot turn the redirect into one to another site.
     */
    private String redirectHost;

    public HttpsRedirectConnectorFactory() {
        setPort(8080);
        setMaxRequestHeaderSize(DataSize.kibibytes(8));
        setIdleTimeout(Duration.seconds(10));
        setUseForwardedHeaders(false);
    }

    @JsonProperty
    public int getHttpsPort() {
        return httpsPort;
    }

    @JsonProperty
    public void setHttpsPort(int httpsPort) {
        this.httpsPort = httpsPort;
    }

    @JsonProperty
    public String getRedirectHost() {
        return redirectHost;
    }

    @JsonProperty
    public void setRedirectHost(String redirectHost) {
        this.redirectHost = redirectHost;
    }

    /** Gives every redirect listener without a {@code redirectHost} the public host of the platform. */
    public static void pinRedirectHosts(ServerFactory serverFactory, URI publicBaseUrl) {
        List<ConnectorFactory> connectors = serverFactory instanceof DefaultServerFactory server
                ? server.getApplicationConnectors()
                : serverFactory instanceof SimpleServerFactory simple ? List.of(simple.getConnector()) : List.of();
        for (ConnectorFactory connector : connectors) {
            if (connector instanceof HttpsRedirectConnectorFactory redirect && redirect.getRedirectHost() == null) {
                redirect.setRedirectHost(publicBaseUrl.getHost());
            }
        }
    }

    @Override
    public Connector build(Server server, MetricRegistry metrics, String name, ThreadPool threadPool) {
        Connector connector = super.build(server, metrics, name, threadPool);
        // Dropwizard sets the server's handler after building connectors, so wrap it once the server starts.
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                server.insertHandler(new HttpsRedirectHandler(connector, httpsPort, redirectHost));
            }
        });
        return connector;
    }

    @Override
    protected HttpConfiguration buildHttpConfiguration() {
        return ConnectorHardening.harden(super.buildHttpConfiguration(), TrustedProxies.parse(List.of()));
    }
}

package io.billingnow.platform.protection.egress;

import io.dropwizard.lifecycle.Managed;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP client every outbound request of the platform goes through: each request's destination is checked by the
 * {@link EgressPolicy} before it is sent and its connection uses only addresses the policy checked
 * ({@link PinnedAddressResolver}). No redirect is followed (a 3xx is answered as is), no proxy is used, responses are
 * not decompressed behind the caller's back, and the server certificate is verified against the host name.
 */
public final class EgressHttpClient implements Managed {

    private final EgressPolicy policy;
    private final Duration timeout;
    private final HttpClient client;

    public EgressHttpClient(EgressPolicy policy, Duration timeout) {
        this.policy = policy;
        this.timeout = timeout;
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        connector.setConnectTimeout(timeout);
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("egress-http");
        threads.setDaemon(true);
        connector.setExecutor(threads);
        this.client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setExecutor(threads);
        client.setSocketAddressResolver(new PinnedAddressResolver(policy));
        client.setFollowRedirects(false);
        client.setConnectTimeout(timeout.toMillis());
        client.setUserAgentField(null);
        client.getContentDecoderFactories().clear();
    }

    public EgressPolicy policy() {
        return policy;
    }

    /**
     * A request to an allowed destination, with the client's timeout; refused before anything is sent otherwise.
     * The connection's addresses are checked again when it is opened.
     */
    public Request newRequest(URI uri, EgressPolicy.AllowedHosts allowed) throws EgressRefusedException {
        policy.checkDestination(uri, allowed);
        return client.newRequest(uri).followRedirects(false).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void start() throws Exception {
        client.start();
        // No protocol handlers (Jetty installs its defaults when it starts): a provider's 401 with or without a
        // challenge, 407, 3xx or 100 is the plugin's to read as is. Jetty's authentication handler would otherwise
        // fail a 401 without WWW-Authenticate, and a tenant's wrong API key would look like an unreachable provider.
        client.getProtocolHandlers().clear();
    }

    @Override
    public void stop() throws Exception {
        client.stop();
    }
}

package io.billingnow.platform.protection.tls;

import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;

import java.util.ArrayList;
import java.util.List;

/** Settings every BillingNow listener shares, whatever the YAML says. */
final class ConnectorHardening {

    private ConnectorHardening() {
    }

    /**
     * No product name or version in any response, and forwarded headers only through
     * {@link TrustedForwardedRequestCustomizer}: Dropwizard's {@code useForwardedHeaders} would trust every peer.
     */
    static HttpConfiguration harden(HttpConfiguration config, TrustedProxies trustedProxies) {
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        List<HttpConfiguration.Customizer> customizers = new ArrayList<>();
        customizers.add(new TrustedForwardedRequestCustomizer(trustedProxies));
        for (HttpConfiguration.Customizer customizer : config.getCustomizers()) {
            if (!(customizer instanceof ForwardedRequestCustomizer)) {
                customizers.add(customizer);
            }
        }
        config.setCustomizers(customizers);
        return config;
    }
}

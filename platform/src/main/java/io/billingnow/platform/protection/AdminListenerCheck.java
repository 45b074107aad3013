package io.billingnow.platform.protection;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The admin listener (metrics, thread dumps, health checks, tasks) must not be reachable from the network: it has
 * no authentication of its own. Dropwizard binds it to all interfaces unless told otherwise, so start-up fails
 * when an admin connector is not bound to a loopback address, unless the operator explicitly opts out.
 */
public final class AdminListenerCheck {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "[::1]", "localhost");

    private AdminListenerCheck() {
    }

    /** Human-readable problems; empty when every admin listener is bound to loopback. */
    public static List<String> problems(ServerFactory serverFactory) {
        List<String> problems = new ArrayList<>();
        if (!(serverFactory instanceof DefaultServerFactory server)) {
            problems.add("server.type must be 'default' so that the admin interface gets its own loopback listener");
            return problems;
        }
        for (ConnectorFactory connector : server.getAdminConnectors()) {
            String bindHost = connector instanceof HttpConnectorFactory http ? http.getBindHost() : null;
            if (bindHost == null || !LOOPBACK.contains(bindHost)) {
                problems.add("admin connector bound to " + (bindHost == null ? "all interfaces" : bindHost)
                        + "; set server.adminConnectors[].bindHost: 127.0.0.1");
            }
        }
        return problems;
    }

    static void require(ServerFactory serverFactory) {
        List<String> problems = problems(serverFactory);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with a network-reachable admin interface: "
                    + String.join("; ", problems)
                    + " (or set security.allowNonLoopbackAdmin: true if a firewall protects it)");
        }
    }
}

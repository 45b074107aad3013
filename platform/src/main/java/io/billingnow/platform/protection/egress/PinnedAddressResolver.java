package io.billingnow.platform.protection.egress;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Jetty's name resolution for egress connections: the policy resolves the host and checks every address, and Jetty
 * connects to exactly the addresses handed back here (resolved {@link InetSocketAddress}es are not looked up again),
 * so a name that answers differently a moment later (DNS rebinding) cannot move a checked connection elsewhere. TLS
 * server name indication and certificate verification still use the host name of the request.
 */
final class PinnedAddressResolver implements SocketAddressResolver {

    private final EgressPolicy policy;

    PinnedAddressResolver(EgressPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        List<InetAddress> checked;
        try {
            checked = policy.resolve(host);
        } catch (Exception e) {
            promise.failed(e);
            return;
        }
        promise.succeeded(checked.stream().map(a -> new InetSocketAddress(a, port)).toList());
    }
}

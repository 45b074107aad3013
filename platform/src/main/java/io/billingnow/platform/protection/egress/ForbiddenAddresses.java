package io.billingnow.platform.protection.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses a request from the platform must never reach: everything that is not the public internet (the
 * platform's own listeners, the private network, cloud metadata services). IPv4-mapped and IPv4-compatible IPv6
 * forms are judged as the IPv4 address they carry.
 */
final class ForbiddenAddresses {

    private ForbiddenAddresses() {
    }

    /** Why the address is refused, or empty when it is public. Loopback is refused unless explicitly allowed. */
    static Optional<String> why(InetAddress address, boolean allowLoopback) {
        InetAddress a = embeddedIpv4(address);
        if (a.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        }
        if (a.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (a.isLinkLocalAddress()) {
            // 169.254.0.0/16 and fe80::/10, which hold the cloud metadata services (169.254.169.254).
            return Optional.of("a link-local or cloud metadata address");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 10 || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168) {
                return Optional.of("a private address");
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return Optional.of("a carrier-grade NAT address");
            }
            if (first == 0 || first >= 240 || first == 192 && second == 0 && (b[2] & 0xff) == 0
                    || first == 198 && (second & 0xfe) == 18) {
                return Optional.of("a reserved address");
            }
            return Optional.empty();
        }
        if ((b[0] & 0xfe) == 0xfc) {
            // fc00::/7, unique-local; includes AWS's IPv6 metadata address fd00:ec2::254.
            return Optional.of("a unique-local or cloud metadata address");
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of("a site-local address");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d and the NAT64 64:ff9b::a.b.c.d, else the address itself. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = nat64 ? 4 : 0; i < 10; i++) {
            if (b[i] != 0) {
                return address;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && (nat64 || b[12] != 0 || b[13] != 0);
        if (!mapped && !compatible) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.billingnow.platform.protection.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * A set of proxy addresses given as CIDR blocks ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or single addresses.
 * Only literal addresses are accepted: a host name here would make trust depend on DNS.
 */
public final class TrustedProxies {

    private record Block(byte[] network, int prefixLength) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = (0xFF << (8 - remainingBits)) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    public static TrustedProxies parse(List<String> cidrs) {
        return new TrustedProxies(cidrs.stream().map(TrustedProxies::parseBlock).toList());
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean contains(InetAddress address) {
        byte[] raw = address.getAddress();
        return blocks.stream().anyMatch(block -> block.contains(raw));
    }

    /** Whether a textual address (as found in X-Forwarded-For) is a trusted proxy; garbage is never trusted. */
    public boolean containsLiteral(String literal) {
        String candidate = literal.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (!isAddressLiteral(candidate)) {
            return false;
        }
        try {
            return contains(InetAddress.getByName(candidate));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Block parseBlock(String cidr) {
        String trimmed = cidr.trim();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!isAddressLiteral(addressPart)) {
            throw new IllegalArgumentException("trusted proxy must be an IP address or CIDR block: " + cidr);
        }
        try {
            byte[] network = InetAddress.getByName(addressPart).getAddress();
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("invalid prefix length in " + cidr);
            }
            return new Block(network, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("invalid CIDR block " + cidr, e);
        }
    }

    /** InetAddress.getByName would resolve names; this guard keeps it to literals. */
    private static boolean isAddressLiteral(String text) {
        return !text.isEmpty() && (text.contains(":") ? text.matches("[0-9A-Fa-f:.]+") : text.matches("[0-9.]+"));
    }
}

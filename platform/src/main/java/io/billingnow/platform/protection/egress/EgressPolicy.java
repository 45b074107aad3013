package io.billingnow.platform.protection.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for every request the platform sends on someone's behalf (plugins to their providers, alerts to an
 * operator's webhook): HTTPS only (unless {@code allowPlainHttp}), a host on the caller's allow-list, and every
 * address the host resolves to public. The same rule is applied when a tenant saves a URL ({@link #refusal}) and when
 * a request is sent: {@link #checkDestination} before it, {@link #resolve} for the connection itself, so the address
 * connected to is the address checked (see {@link PinnedAddressResolver}).
 */
public final class EgressPolicy {

    /** Names of cloud metadata services, refused whatever they resolve to. */
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog",
            "metadata", "instance-data", "instance-data.ec2.internal");

    /** Looks a host name up; {@link InetAddress#getAllByName} in production, a fake name service in tests. */
    @FunctionalInterface
    public interface NameService {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    private final EgressSettings settings;
    private final NameService names;

    public EgressPolicy(EgressSettings settings) {
        this(settings, InetAddress::getAllByName);
    }

    public EgressPolicy(EgressSettings settings, NameService names) {
        this.settings = settings;
        this.names = names;
    }

    /** The hosts a provider may reach: those its plugin declares and those the operator adds for it. */
    public AllowedHosts hostsFor(String providerId, Collection<String> declared) {
        List<HostPattern> patterns = new ArrayList<>();
        declared.forEach(h -> patterns.add(new HostPattern(h)));
        settings.getExtraHosts().getOrDefault(providerId, List.of()).forEach(h -> patterns.add(new HostPattern(h)));
        return new AllowedHosts(List.copyOf(patterns));
    }

    /**
     * Checks what can be checked without resolving: scheme, host present, no user info, allowed host, no metadata
     * name.
     */
    public void checkDestination(URI uri, AllowedHosts allowed) throws EgressRefusedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && settings.isAllowPlainHttp())) {
            throw new EgressRefusedException(settings.isAllowPlainHttp() ? "only http(s) URLs are allowed"
                    : "only https URLs are allowed");
        }
        String host = host(uri);
        if (host == null) {
            throw new EgressRefusedException("the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new EgressRefusedException("the URL must not carry user information");
        }
        if (METADATA_HOSTS.contains(host)) {
            throw new EgressRefusedException("the host is a cloud metadata service");
        }
        if (!allowed.permits(host)) {
            throw new EgressRefusedException("the host " + host + " is not an allowed host of this provider ("
                    + (allowed.isEmpty() ? "none declared" : allowed) + ")");
        }
    }

    /**
     * Resolves a host and checks every address it has; refused if any one is not public (a name that answers with a
     * private address among public ones is not trusted). The answer is what the connection must use.
     */
    public List<InetAddress> resolve(String host) throws UnknownHostException, EgressRefusedException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (METADATA_HOSTS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new EgressRefusedException("the host is a cloud metadata service");
        }
        InetAddress[] addresses = names.lookup(name);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(name);
        }
        for (InetAddress address : addresses) {
            Optional<String> why = ForbiddenAddresses.why(address, settings.isAllowLoopback());
            if (why.isPresent()) {
                throw new EgressRefusedException("the host resolves to " + why.get());
            }
        }
        return List.of(addresses);
    }

    /**
     * Why a URL a tenant or operator configures would be refused, or empty. A name that does not resolve (yet) is not
     * refused here: it cannot reach anything now, and every request checks again.
     */
    public Optional<String> refusal(URI uri, AllowedHosts allowed) {
        try {
            checkDestination(uri, allowed);
            resolve(host(uri));
            return Optional.empty();
        } catch (EgressRefusedException e) {
            return Optional.of(e.getMessage());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** The hosts one caller may reach. {@link #ANY} is for operator-configured destinations with no list. */
    public record AllowedHosts(List<HostPattern> patterns) {

        /** Any host (the address rules still apply): for a single URL an operator configured. */
        public static final AllowedHosts ANY = new AllowedHosts(null);

        public boolean permits(String host) {
            return patterns == null || patterns.stream().anyMatch(p -> p.matches(host));
        }

        public boolean isEmpty() {
            return patterns != null && patterns.isEmpty();
        }

        @Override
        public String toString() {
            return patterns == null ? "any" : String.join(", ", patterns.stream().map(HostPattern::toString).toList());
        }
    }
}

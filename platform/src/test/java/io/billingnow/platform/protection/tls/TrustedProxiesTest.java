package io.billingnow.platform.protection.tls;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    @Test
    void matchesAddressesInsideCidrBlocksOnly() throws Exception {
        TrustedProxies proxies = TrustedProxies.parse(List.of("10.0.0.0/8", "192.168.1.0/26", "2001:db8::/32",
                "127.0.0.1"));

        assertThat(proxies.contains(InetAddress.getByName("10.200.3.4"))).isTrue();
        assertThat(proxies.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(proxies.contains(InetAddress.getByName("192.168.1.63"))).isTrue();
        assertThat(proxies.contains(InetAddress.getByName("192.168.1.64"))).isFalse();
        assertThat(proxies.contains(InetAddress.getByName("2001:db8:1::7"))).isTrue();
        assertThat(proxies.contains(InetAddress.getByName("2001:db9::7"))).isFalse();
        assertThat(proxies.contains(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(proxies.contains(InetAddress.getByName("127.0.0.2"))).isFalse();
    }

    @Test
    void neverTrustsGarbageOrHostNames() {
        TrustedProxies proxies = TrustedProxies.parse(List.of("0.0.0.0/0"));

        assertThat(proxies.containsLiteral("localhost")).isFalse();
        assertThat(proxies.containsLiteral("unknown")).isFalse();
        assertThat(proxies.containsLiteral("10.1.2.3")).isTrue();
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("proxy.example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

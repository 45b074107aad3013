package io.billingnow.platform.protection.tls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.protection.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(DropwizardExtensionsSupport.class)
class TrustedForwardedHeadersTest {

    private static final TestApp APP = TestApp.create();
    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> EXTENSION = APP.extension;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ignoresAndStripsForwardedHeadersFromAnUntrustedPeer() throws Exception {
        JsonNode seen = client(APP.port(TestApp.TLS), "X-Forwarded-For", "203.0.113.9",
                "Forwarded", "for=203.0.113.10;proto=http", "X-Forwarded-Proto", "http");

        assertThat(seen.get("remoteAddr").asText()).isEqualTo("127.0.0.1");
        assertThat(seen.get("secure").asBoolean()).isTrue();
        assertThat(seen.get("xForwardedFor").asText()).isEqualTo("null");
        assertThat(seen.get("untrustedForwarding").asText()).as("marked for security monitoring")
                .isEqualTo("127.0.0.1");
    }

    @Test
    void appliesForwardedForFromATrustedProxy() throws Exception {
        JsonNode seen = client(APP.port(TestApp.TLS_BEHIND_PROXY), "X-Forwarded-For", "203.0.113.9");

        assertThat(seen.get("remoteAddr").asText()).isEqualTo("203.0.113.9");
        assertThat(seen.get("untrustedForwarding").asText()).isEqualTo("null");
    }

    @Test
    void takesTheRightmostUntrustedHopSoAClientCannotPrependAFakeAddress() throws Exception {
        // The client sent "X-Forwarded-For: 198.51.100.66"; the proxy (a trusted 127.0.0.1) appended the real peer.
        JsonNode seen = client(APP.port(TestApp.TLS_BEHIND_PROXY),
                "X-Forwarded-For", "198.51.100.66, 203.0.113.9, 127.0.0.1");

        assertThat(seen.get("remoteAddr").asText()).isEqualTo("203.0.113.9");
    }

    @Test
    void takesTheRightmostUntrustedElementOfTheForwardedHeader() throws Exception {
        JsonNode seen = client(APP.port(TestApp.TLS_BEHIND_PROXY),
                "Forwarded", "for=198.51.100.66, for=\"203.0.113.9:4711\";proto=https, for=127.0.0.1");

        assertThat(seen.get("remoteAddr").asText()).isEqualTo("203.0.113.9");
    }

    @Test
    void readsTheAddressOfForwardedElements() {
        assertThat(TrustedForwardedRequestCustomizer.forParameter("for=192.0.2.60;proto=http;by=203.0.113.43"))
                .isEqualTo("192.0.2.60");
        assertThat(TrustedForwardedRequestCustomizer.forParameter("For=\"[2001:db8:cafe::17]:4711\""))
                .isEqualTo("2001:db8:cafe::17");
        assertThat(TrustedForwardedRequestCustomizer.forParameter("proto=https")).isEmpty();
    }

    private static JsonNode client(int port, String... headers) throws Exception {
        var response = APP.get(URI.create("https://127.0.0.1:" + port + "/v1/client"), headers);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}

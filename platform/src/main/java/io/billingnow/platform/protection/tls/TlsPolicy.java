package io.billingnow.platform.protection.tls;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The protocol and cipher-suite policy every BillingNow TLS listener enforces: TLS 1.3 and 1.2 only, and only
 * AEAD suites with forward secrecy. Kept in one place so that the connector, the tests and docs/security.md agree.
 */
public final class TlsPolicy {

    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Ordered by preference; the server's order wins during negotiation. */
    public static final List<String> CIPHER_SUITES = List.of(
            // TLS 1.3: every suite is AEAD and every key exchange is ephemeral.
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_AES_128_GCM_SHA256",
            // TLS 1.2: ephemeral (EC)DH key exchange + AEAD only.
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");

    /** Belt and braces: patterns Jetty excludes even if a future edit of the list above lets one through. */
    public static final List<String> EXCLUDED_PROTOCOLS = List.of("SSL.*", "TLSv1", "TLSv1\\.1");

    private static final Pattern ACCEPTABLE_SUITE = Pattern.compile(
            "TLS_(AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256"
                    + "|(ECDHE_ECDSA|ECDHE_RSA|DHE_RSA)_WITH_(AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256))");

    private TlsPolicy() {
    }

    /** Whether a suite name is AEAD with forward secrecy; used to validate narrowed lists from configuration. */
    public static boolean isAcceptableCipherSuite(String suite) {
        return ACCEPTABLE_SUITE.matcher(suite).matches();
    }

    public static boolean isAcceptableProtocol(String protocol) {
        return PROTOCOLS.contains(protocol);
    }
}

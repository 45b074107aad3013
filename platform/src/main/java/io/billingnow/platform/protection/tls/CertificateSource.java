package io.billingnow.platform.protection.tls;

/** Where a TLS listener's certificate and private key come from. */
public enum CertificateSource {
    /** A PEM certificate chain and a PEM private key (PKCS#8, PKCS#1 or SEC1, optionally encrypted). */
    PEM,
    /** A PKCS#12 file holding the key and its chain. */
    PKCS12,
    /** Development only: an EC P-256 certificate for localhost generated on first start and reused afterwards. */
    SELF_SIGNED
}

package io.billingnow.platform.protection;

import io.billingnow.platform.protection.tls.SelfSignedCertificates;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;

/** Certificates and clients for tests that talk real TLS to a running application. */
public final class TestTls {

    private TestTls() {
    }

    /** A fresh RSA-2048 certificate for localhost/127.0.0.1 written as PEM; PKCS#1 or PKCS#8 key encoding. */
    public static X509Certificate writeRsaPem(Path chain, Path key, boolean pkcs8)
            throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keyPair = generator.generateKeyPair();
        X509Certificate certificate = SelfSignedCertificates.issue(keyPair, "SHA256withRSA", "localhost",
                Duration.ofDays(2));
        String keyPem = pkcs8
                ? SelfSignedCertificates.toPem(new JcaPKCS8Generator(keyPair.getPrivate(), null))
                : SelfSignedCertificates.toPem(keyPair.getPrivate());
        SelfSignedCertificates.writeAtomically(key, keyPem, true);
        SelfSignedCertificates.writeAtomically(chain, SelfSignedCertificates.toPem(certificate), false);
        return certificate;
    }

    public static SSLContext trusting(X509Certificate... certificates) throws GeneralSecurityException, IOException {
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            trustStore.setCertificateEntry("trusted-" + i, certificates[i]);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    public static HttpClient httpClient(SSLContext context) {
        return HttpClient.newBuilder()
                .sslContext(context)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A complete handshake with an explicit protocol (and optionally suite) list; returns the session. */
    public static SSLSession handshake(SSLContext context, int port, String[] protocols, String[] suites)
            throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.setEnabledProtocols(protocols);
            if (suites != null) {
                socket.setEnabledCipherSuites(suites);
            }
            socket.startHandshake();
            return socket.getSession();
        }
    }
}

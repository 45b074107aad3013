package io.billingnow.platform.protection.tls;

import io.billingnow.platform.protection.TestTls;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerKeyStoresTest {

    @TempDir
    Path directory;

    @Test
    void loadsPemWithPkcs1Key() throws Exception {
        X509Certificate certificate = TestTls.writeRsaPem(directory.resolve("c.pem"), directory.resolve("k.pem"), false);

        ServerKeyStores.Loaded loaded = ServerKeyStores.fromPem(directory.resolve("c.pem"), directory.resolve("k.pem"),
                null);

        assertThat(loaded.leaf()).isEqualTo(certificate);
        assertThat(loaded.keyStore().getKey(ServerKeyStores.ALIAS, loaded.password().toCharArray()))
                .isInstanceOf(PrivateKey.class);
    }

    @Test
    void loadsPemWithEncryptedPkcs8KeyOnlyWithItsPassword() throws Exception {
        KeyPair keyPair = SelfSignedCertificates.newP256KeyPair();
        X509Certificate certificate = SelfSignedCertificates.issue(keyPair, "SHA256withECDSA", "localhost",
                Duration.ofDays(1));
        OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider()).setPassword("s3cret".toCharArray()).build();
        Files.writeString(directory.resolve("k.pem"),
                SelfSignedCertificates.toPem(new JcaPKCS8Generator(keyPair.getPrivate(), encryptor)));
        Files.writeString(directory.resolve("c.pem"), SelfSignedCertificates.toPem(certificate));

        assertThat(ServerKeyStores.fromPem(directory.resolve("c.pem"), directory.resolve("k.pem"), "s3cret").leaf())
                .isEqualTo(certificate);
        assertThatThrownBy(() -> ServerKeyStores.fromPem(directory.resolve("c.pem"), directory.resolve("k.pem"), null))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("privateKeyPassword");
    }

    @Test
    void loadsPkcs12() throws Exception {
        KeyPair keyPair = SelfSignedCertificates.newP256KeyPair();
        X509Certificate certificate = SelfSignedCertificates.issue(keyPair, "SHA256withECDSA", "localhost",
                Duration.ofDays(1));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", keyPair.getPrivate(), "changeit".toCharArray(), new Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(directory.resolve("server.p12"))) {
            store.store(out, "changeit".toCharArray());
        }

        assertThat(ServerKeyStores.fromPkcs12(directory.resolve("server.p12"), "changeit").leaf())
                .isEqualTo(certificate);
    }

    @Test
    void refusesAKeyThatDoesNotBelongToTheCertificate() throws Exception {
        TestTls.writeRsaPem(directory.resolve("c.pem"), directory.resolve("k.pem"), true);
        TestTls.writeRsaPem(directory.resolve("other-c.pem"), directory.resolve("other-k.pem"), true);

        assertThatThrownBy(() -> ServerKeyStores.fromPem(directory.resolve("c.pem"), directory.resolve("other-k.pem"),
                null)).isInstanceOf(GeneralSecurityException.class).hasMessageContaining("does not match");
    }
}

package io.billingnow.platform.protection.tls;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Turns certificate files into an in-memory {@link KeyStore} that Jetty can serve. Nothing is written back to
 * disk: PEM files stay the single source of truth, so a certificate renewal only has to replace them.
 */
public final class ServerKeyStores {

    static final String ALIAS = "billingnow";

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private ServerKeyStores() {
    }

    /** A key store and the password that protects its key entry (random, in memory only). */
    public record Loaded(KeyStore keyStore, String password, X509Certificate leaf) {
    }

    public static Loaded load(CertificateConfiguration config) throws IOException, GeneralSecurityException {
        return switch (config.getSource()) {
            case PEM -> fromPem(config.getCertificateChainPath(), config.getPrivateKeyPath(),
                    config.getPrivateKeyPassword());
            case PKCS12 -> fromPkcs12(config.getKeyStorePath(), config.getKeyStorePassword());
            case SELF_SIGNED -> {
                Path directory = config.getSelfSignedDirectory();
                SelfSignedCertificates.ensure(directory, config.getSelfSignedValidity().toJavaDuration());
                yield fromPem(SelfSignedCertificates.certificatePath(directory),
                        SelfSignedCertificates.privateKeyPath(directory), null);
            }
        };
    }

    public static Loaded fromPem(Path chainFile, Path keyFile, String keyPassword)
            throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = readCertificates(chainFile);
        PrivateKey key = readPrivateKey(keyFile, keyPassword);
        return build(key, chain);
    }

    public static Loaded fromPkcs12(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            source.load(in, password.toCharArray());
        }
        for (String alias : Collections.list(source.aliases())) {
            if (source.isKeyEntry(alias)) {
                Key key = source.getKey(alias, password.toCharArray());
                Certificate[] chain = source.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
                    return build(privateKey, Arrays.stream(chain).map(X509Certificate.class::cast).toList());
                }
            }
        }
        throw new GeneralSecurityException("no private key entry with a certificate chain in " + file);
    }

    static List<X509Certificate> readCertificates(Path chainFile) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        try (InputStream in = Files.newInputStream(chainFile)) {
            List<X509Certificate> chain = factory.generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + chainFile);
            }
            return chain;
        }
    }

    static PrivateKey readPrivateKey(Path keyFile, String password) throws IOException, GeneralSecurityException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    requirePassword(password, keyFile);
                    try {
                        return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC)
                                        .build(password.toCharArray())));
                    } catch (OperatorCreationException | PKCSException e) {
                        throw new GeneralSecurityException("cannot decrypt private key in " + keyFile, e);
                    }
                }
                if (object instanceof PEMEncryptedKeyPair encrypted) {
                    requirePassword(password, keyFile);
                    return converter.getKeyPair(encrypted.decryptKeyPair(
                            new JcePEMDecryptorProviderBuilder().setProvider(BC).build(password.toCharArray())))
                            .getPrivate();
                }
                // Parameters blocks (e.g. "EC PARAMETERS") may precede the key; skip them.
            }
        }
        throw new GeneralSecurityException("no private key in " + keyFile);
    }

    private static void requirePassword(String password, Path keyFile) throws GeneralSecurityException {
        if (password == null) {
            throw new GeneralSecurityException("private key in " + keyFile + " is encrypted: set privateKeyPassword");
        }
    }

    private static Loaded build(PrivateKey key, List<X509Certificate> chain) throws IOException,
            GeneralSecurityException {
        X509Certificate leaf = chain.get(0);
        requireMatchingKey(key, leaf);
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getEncoder().encodeToString(secret);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key, password.toCharArray(), chain.toArray(new Certificate[0]));
        return new Loaded(store, password, leaf);
    }

    /** A key and certificate that do not belong together fail here, not in the middle of a client's handshake. */
    private static void requireMatchingKey(PrivateKey key, X509Certificate leaf) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new GeneralSecurityException("unsupported key algorithm " + key.getAlgorithm());
        };
        byte[] probe = "billingnow-key-match".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(leaf.getPublicKey());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("private key does not match certificate " + leaf.getSubjectX500Principal());
        }
    }
}

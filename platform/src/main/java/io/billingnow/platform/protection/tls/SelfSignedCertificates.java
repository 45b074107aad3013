package io.billingnow.platform.protection.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Development certificates: EC P-256, valid for localhost, 127.0.0.1 and ::1, short-lived, generated with
 * Bouncy Castle on first start and reused on later starts so that a browser exception or a trusted copy keeps
 * working. A certificate close to expiry is replaced.
 */
public final class SelfSignedCertificates {

    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificates.class);
    private static final String CERTIFICATE_FILE = "localhost-cert.pem";
    private static final String PRIVATE_KEY_FILE = "localhost-key.pem";

    private SelfSignedCertificates() {
    }

    public static Path certificatePath(Path directory) {
        return directory.resolve(CERTIFICATE_FILE);
    }

    public static Path privateKeyPath(Path directory) {
        return directory.resolve(PRIVATE_KEY_FILE);
    }

    /** Makes sure a usable certificate exists in the directory; returns it (the existing one when still usable). */
    public static synchronized X509Certificate ensure(Path directory, Duration validity)
            throws IOException, GeneralSecurityException {
        Path certificateFile = certificatePath(directory);
        Path keyFile = privateKeyPath(directory);
        if (Files.isRegularFile(certificateFile) && Files.isRegularFile(keyFile)) {
            try {
                X509Certificate existing = ServerKeyStores.readCertificates(certificateFile).get(0);
                ServerKeyStores.readPrivateKey(keyFile, null);
                Instant renewAfter = existing.getNotAfter().toInstant().minus(validity.dividedBy(4));
                if (Instant.now().isBefore(renewAfter)) {
                    return existing;
                }
                LOG.info("Development certificate in {} expires {}: generating a new one", directory,
                        existing.getNotAfter().toInstant());
            } catch (IOException | GeneralSecurityException | RuntimeException unreadable) {
                LOG.warn("Development certificate in {} is unreadable ({}): generating a new one", directory,
                        unreadable.toString());
            }
        }
        KeyPair keyPair = newP256KeyPair();
        X509Certificate certificate = issue(keyPair, "SHA256withECDSA", "localhost", validity);
        Files.createDirectories(directory);
        writeAtomically(keyFile, toPem(new JcaPKCS8Generator(keyPair.getPrivate(), null)), true);
        writeAtomically(certificateFile, toPem(certificate), false);
        LOG.info("Generated development TLS certificate {} (serial {}, valid until {}) for localhost, 127.0.0.1, ::1",
                certificateFile, certificate.getSerialNumber().toString(16), certificate.getNotAfter().toInstant());
        return certificate;
    }

    static KeyPair newP256KeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** A self-signed end-entity certificate for TLS servers on this machine. */
    public static X509Certificate issue(KeyPair keyPair, String signatureAlgorithm, String commonName,
                                        Duration validity) throws GeneralSecurityException, IOException {
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=" + commonName + ",O=BillingNow development");
        BigInteger serial = new BigInteger(127, new SecureRandom()).setBit(126);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject,
                keyPair.getPublic());
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1")
            }));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(keyPair.getPrivate())));
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot build self-signed certificate", e);
        }
    }

    public static String toPem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    /** Readers (this JVM's watcher or another start) never see a half-written file. */
    public static void writeAtomically(Path target, String content, boolean ownerOnly) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, ".tmp-", ".pem");
        try {
            if (ownerOnly) {
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    LOG.debug("File system of {} has no POSIX permissions", directory);
                }
            }
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}

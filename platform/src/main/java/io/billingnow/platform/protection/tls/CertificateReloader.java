package io.billingnow.platform.protection.tls;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the certificate files of one TLS listener and swaps the served certificate without a restart when their
 * content changes (e.g. after a certbot or cert-manager renewal). Content hashes rather than timestamps are compared,
 * so a copy that preserves mtimes is still noticed. A new certificate that fails to load is logged and the old one
 * stays in service; it is retried when the files change again.
 */
final class CertificateReloader extends AbstractLifeCycle {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateReloader.class);

    private final CertificateConfiguration certificate;
    private final SslContextFactory.Server sslContextFactory;
    private final Duration interval;
    private ScheduledExecutorService scheduler;
    private String lastFingerprint;

    CertificateReloader(CertificateConfiguration certificate, SslContextFactory.Server sslContextFactory,
                        Duration interval) {
        this.certificate = certificate;
        this.sslContextFactory = sslContextFactory;
        this.interval = interval;
    }

    @Override
    protected void doStart() {
        lastFingerprint = fingerprint(certificate.watchedFiles());
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tls-certificate-reloader");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::checkOnce, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        scheduler.shutdownNow();
    }

    void checkOnce() {
        try {
            String current = fingerprint(certificate.watchedFiles());
            if (current.equals(lastFingerprint)) {
                return;
            }
            lastFingerprint = current;
            ServerKeyStores.Loaded loaded = ServerKeyStores.load(certificate);
            sslContextFactory.reload(factory -> {
                factory.setKeyStore(loaded.keyStore());
                factory.setKeyStorePassword(loaded.password());
                factory.setKeyManagerPassword(loaded.password());
            });
            LOG.info("Reloaded TLS certificate {} (serial {}, valid until {})",
                    loaded.leaf().getSubjectX500Principal(), loaded.leaf().getSerialNumber().toString(16),
                    loaded.leaf().getNotAfter().toInstant());
        } catch (Exception e) {
            LOG.error("New TLS certificate from {} not loaded; still serving the previous one",
                    certificate.watchedFiles(), e);
        }
    }

    static String fingerprint(List<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
                try {
                    digest.update(Files.readAllBytes(file));
                } catch (NoSuchFileException missing) {
                    digest.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            return "unreadable:" + e;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.billingnow.platform.protection;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/**
 * SecurityTestApplication started from security-test.yml with a freshly generated PEM certificate, plus a second
 * certificate the tests may rotate in (trusted by {@link #client} from the start).
 */
public final class TestApp {

    public static final int TLS = 0;
    public static final int TLS_BEHIND_PROXY = 1;
    public static final int REDIRECT = 2;

    public final Path directory;
    public final Path chainFile;
    public final Path keyFile;
    public final X509Certificate certificate;
    public final DropwizardAppExtension<SecurityTestApplication.Config> extension;
    public final X509Certificate spareCertificate;
    private final Path spareDirectory;
    private final SSLContext sslContext;
    private final HttpClient client;

    private TestApp(ConfigOverride... extra) {
        try {
            directory = Files.createTempDirectory("billingnow-tls-test");
            chainFile = directory.resolve("fullchain.pem");
            keyFile = directory.resolve("privkey.pem");
            certificate = TestTls.writeRsaPem(chainFile, keyFile, false);
            spareDirectory = Files.createTempDirectory("billingnow-tls-spare");
            spareCertificate = TestTls.writeRsaPem(spareDirectory.resolve("c.pem"), spareDirectory.resolve("k.pem"),
                    true);
            sslContext = TestTls.trusting(certificate, spareCertificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        client = TestTls.httpClient(sslContext);
        ConfigOverride[] overrides = new ConfigOverride[4 + extra.length];
        overrides[0] = ConfigOverride.config("server.applicationConnectors[0].certificate.certificateChainPath",
                chainFile.toString());
        overrides[1] = ConfigOverride.config("server.applicationConnectors[0].certificate.privateKeyPath",
                keyFile.toString());
        overrides[2] = ConfigOverride.config("server.applicationConnectors[1].certificate.certificateChainPath",
                chainFile.toString());
        overrides[3] = ConfigOverride.config("server.applicationConnectors[1].certificate.privateKeyPath",
                keyFile.toString());
        System.arraycopy(extra, 0, overrides, 4, extra.length);
        io.billingnow.platform.testing.StrayOverrides.clear();
        extension = new DropwizardAppExtension<>(SecurityTestApplication.class,
                ResourceHelpers.resourceFilePath("security-test.yml"), overrides);
    }

    public static TestApp create(ConfigOverride... extra) {
        return new TestApp(extra);
    }

    /**
     * Copies the spare certificate and its key (PKCS#8 this time) over the served files, key first, the way a
     * naive renewal script would; returns the certificate now expected in handshakes.
     */
    public X509Certificate rotateCertificate() throws IOException {
        Files.copy(spareDirectory.resolve("k.pem"), keyFile, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(spareDirectory.resolve("c.pem"), chainFile, StandardCopyOption.REPLACE_EXISTING);
        return spareCertificate;
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    public int port(int connector) {
        return extension.getPort(connector);
    }

    public URI https(String pathAndQuery) {
        return URI.create("https://127.0.0.1:" + port(TLS) + pathAndQuery);
    }

    public HttpResponse<String> get(URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

package io.billingnow.platform.protection.tls;

import io.billingnow.platform.protection.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(DropwizardExtensionsSupport.class)
class HttpsRedirectConnectorTest {

    private static final TestApp APP = TestApp.create();
    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> EXTENSION = APP.extension;

    @Test
    void redirectsGetToTheSamePathAndQueryOnHttpsWithoutContent() throws Exception {
        String response = rawHttp("GET /v1/ping?tenant=acme&x=%2F HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 308 ");
        assertThat(header(response, "Location"))
                .isEqualTo("https://billing.example.test:" + APP.port(TestApp.TLS) + "/v1/ping?tenant=acme&x=%2F");
        assertThat(header(response, "Content-Length")).isEqualTo("0");
        assertThat(body(response)).isEmpty();
        assertThat(response).doesNotContain("\"status\"").doesNotContainIgnoringCase("\r\nServer:");
    }

    @Test
    void redirectsPostWithoutRunningTheApplication() throws Exception {
        String payload = "{\"a\":1}";
        String response = rawHttp("POST /v1/echo HTTP/1.1\r\nHost: localhost:8080\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + payload.length() + "\r\n"
                + "Connection: close\r\n\r\n" + payload);

        assertThat(response).startsWith("HTTP/1.1 308 ");
        assertThat(header(response, "Location"))
                .isEqualTo("https://billing.example.test:" + APP.port(TestApp.TLS) + "/v1/echo");
        assertThat(body(response)).isEmpty();
    }

    /** The host comes from security.contact.publicBaseUrl: a forged Host cannot redirect anyone elsewhere. */
    @Test
    void aForgedHostHeaderNeverAppearsInTheRedirect() throws Exception {
        String response = rawHttp("GET /login?next=%2Fadmin HTTP/1.1\r\nHost: evil.example\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 308 ");
        assertThat(header(response, "Location"))
                .isEqualTo("https://billing.example.test:" + APP.port(TestApp.TLS) + "/login?next=%2Fadmin");
        assertThat(response).doesNotContain("evil.example");
    }

    @Test
    void servesNothingEvenForPathsThatWouldBeNotFound() throws Exception {
        String response = rawHttp("GET /no-such-thing HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 308 ");
        assertThat(body(response)).isEmpty();
    }

    @Test
    void tlsListenerIsNotAffectedByTheRedirectHandler() throws Exception {
        assertThat(APP.get(APP.https("/public/ping")).statusCode()).isEqualTo(200);
    }

    private static String rawHttp(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", APP.port(TestApp.REDIRECT))) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String header(String response, String name) {
        for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
}

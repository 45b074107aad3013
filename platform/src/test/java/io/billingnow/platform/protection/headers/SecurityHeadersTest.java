package io.billingnow.platform.protection.headers;

import io.billingnow.platform.protection.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(DropwizardExtensionsSupport.class)
class SecurityHeadersTest {

    private static final TestApp APP = TestApp.create();
    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> EXTENSION = APP.extension;

    @ParameterizedTest
    @ValueSource(strings = {"/v1/ping", "/public/ping", "/page", "/no-such-route", "/v1/boom",
                            "/.well-known/security.txt"})
    void everyRouteCarriesTheHardeningHeaders(String path) throws Exception {
        HttpResponse<String> response = APP.get(APP.https(path));

        var headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).isPresent();
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("Permissions-Policy").orElseThrow())
                .contains("camera=()", "microphone=()", "geolocation=()", "payment=(self)");
        assertThat(headers.firstValue("Cross-Origin-Opener-Policy")).contains("same-origin");
        assertThat(headers.allValues("Strict-Transport-Security")).containsExactly("max-age=31536000");
        assertThat(headers.firstValue("Server")).isEmpty();
        assertThat(headers.firstValue("X-Powered-By")).isEmpty();
        assertThat(response.body()).doesNotContainIgnoringCase("jetty");
    }

    @Test
    void statusCodesOfTheRoutesAboveAreWhatTheTestsAssume() throws Exception {
        assertThat(APP.get(APP.https("/no-such-route")).statusCode()).isEqualTo(404);
        assertThat(APP.get(APP.https("/v1/boom")).statusCode()).isEqualTo(500);
    }

    @Test
    void jsonResponsesGetTheStrictPolicyAndHtmlTheDocumentPolicy() throws Exception {
        assertThat(APP.get(APP.https("/v1/ping")).headers().allValues("Content-Security-Policy"))
                .containsExactly("default-src 'none'; frame-ancestors 'none'");
        HttpResponse<String> html = APP.get(APP.https("/page"));
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.headers().allValues("Content-Security-Policy")).containsExactly(
                "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                        + "frame-ancestors 'none'; base-uri 'none'");
    }

    @Test
    void apiResponsesAreNeverStoredEvenIfTheResourceAsksForCaching() throws Exception {
        assertThat(APP.get(APP.https("/v1/ping")).headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(APP.get(APP.https("/v1/cacheable")).headers().allValues("Cache-Control"))
                .containsExactly("no-store");
        assertThat(APP.get(APP.https("/v1/boom")).headers().allValues("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void anEncodedPathCannotDodgeTheNoStoreRule() throws Exception {
        // Jersey answers 404 here, but the rule must judge the decoded path "/v1/ping", not the raw one.
        HttpResponse<String> response = APP.get(APP.https("/%761/ping"));

        assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void authenticatedRequestsAreNeverStoredAnonymousPublicOnesMayBe() throws Exception {
        assertThat(APP.get(APP.https("/public/ping")).headers().firstValue("Cache-Control")).isEmpty();
        assertThat(APP.get(APP.https("/public/ping"), "Authorization", "Bearer abc").headers()
                .allValues("Cache-Control")).containsExactly("no-store");
        assertThat(APP.get(APP.https("/public/ping"), "Cookie", "bn_session=abc").headers()
                .allValues("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void adminResponsesCarryTheHeadersAndAreNeverStored() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + APP.extension.getAdminPort() + "/healthcheck")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(response.headers().firstValue("Server")).isEmpty();
        // Plain HTTP on loopback: HSTS would be meaningless and is not sent.
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void echoedHeaderValueWithoutLineBreaksIsSent() throws Exception {
        HttpResponse<String> response = APP.get(APP.https("/public/echo-header?value=plain"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Echo")).contains("plain");
    }

    @Test
    void responseHeaderInjectionWithCrLfIsRefused() throws Exception {
        HttpResponse<String> response = APP.get(APP.https(
                "/public/echo-header?value=ok%0D%0ASet-Cookie:%20stolen=1%0D%0AX-Injected:%20yes"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("X-Injected")).isEmpty();
        assertThat(response.headers().firstValue("X-Echo")).isEmpty();
    }

    @Test
    void requestHeaderWithABareCarriageReturnIsRejected() throws Exception {
        String response = rawHttps("GET /public/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Note: a\rInjected: b\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 ");
    }

    @Test
    void requestHeaderWithObsoleteLineFoldingIsRejected() throws Exception {
        String response = rawHttps("GET /public/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Note: a\r\n Injected: b\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 ");
    }

    private static String rawHttps(String request) throws IOException {
        try (SSLSocket socket = (SSLSocket) APP.sslContext().getSocketFactory()
                .createSocket("127.0.0.1", APP.port(TestApp.TLS))) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}

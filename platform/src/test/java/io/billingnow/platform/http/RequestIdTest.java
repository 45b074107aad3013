package io.billingnow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.testing.ConventionsTestApplication;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every response carries a Request-Id, and a problem body quotes the same id. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestIdTest {

    static final TestPlatform platform = new TestPlatform(new ConventionsTestApplication());

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    private static final Pattern GENERATED =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void aSuccessfulResponseCarriesAGeneratedId() {
        Response response = platform.get("/v1/openapi.json", null);
        response.close();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString(RequestIdFilter.HEADER)).matches(GENERATED);
    }

    @Test
    void aClientErrorProblemQuotesTheIdOfItsResponse() {
        assertProblemQuotesHeader(platform.get("/v1/api-keys", null), 401);
    }

    @Test
    void anUnknownRouteProblemQuotesTheIdOfItsResponse() {
        assertProblemQuotesHeader(platform.get("/v1/no-such-thing", null), 404);
    }

    @Test
    void aServerErrorProblemQuotesTheIdAndHidesTheCause() {
        Map<String, Object> problem = assertProblemQuotesHeader(platform.get("/v1/test/boom", null), 500);
        assertThat(problem.toString()).doesNotContain("internal detail");
    }

    @Test
    void aPlainIdFromTheCallerIsEchoedEverywhere() {
        Response response = platform.request("/v1/no-such-thing", null).header(RequestIdFilter.HEADER,
                "client-req_0042.a").get();
        assertThat(response.getHeaderString(RequestIdFilter.HEADER)).isEqualTo("client-req_0042.a");
        assertThat(response.readEntity(Map.class)).containsEntry("requestId", "client-req_0042.a");
    }

    @Test
    void anIdTooLongOrWithOddCharactersIsReplaced() {
        for (String offered : new String[] {"x".repeat(65), "short", "with space 123", "tab\there-123",
                "quote\"<script>", "ünïcödé-12345"}) {
            Response response = platform.request("/v1/openapi.json", null).header(RequestIdFilter.HEADER, offered)
                    .get();
            response.close();
            assertThat(response.getHeaderString(RequestIdFilter.HEADER)).as(offered).matches(GENERATED);
        }
    }

    /**
     * Line breaks inside the value (a bare CR, or an obsolete folded continuation line) are what header and log
     * injection needs; an HTTP client library refuses to send them, an attacker's raw socket does not.
     */
    @Test
    void anIdSmugglingALineBreakIsRefusedAndNeverEchoed() throws IOException {
        for (String attack : new String[] {"Request-Id: abc12345\rX-Injected: yes",
                "Request-Id: abc12345\r\n X-Injected: yes"}) {
            String response = rawGet("/v1/openapi.json", attack);
            String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
            // Jetty's parser refuses the request outright, before any of our code could echo the value.
            assertThat(head).as(attack).startsWith("HTTP/1.1 400 ")
                    .doesNotContainIgnoringCase("X-Injected").doesNotContain("abc12345");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> assertProblemQuotesHeader(Response response, int status) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        String id = response.getHeaderString(RequestIdFilter.HEADER);
        assertThat(id).matches(GENERATED);
        Map<String, Object> problem = response.readEntity(Map.class);
        assertThat(problem).containsEntry("requestId", id);
        return problem;
    }

    private static String rawGet(String path, String extraHeaderLines) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaderLines
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}

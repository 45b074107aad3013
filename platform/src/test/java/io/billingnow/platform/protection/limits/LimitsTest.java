package io.billingnow.platform.protection.limits;

import io.billingnow.platform.protection.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** security-test.yml sets maxRequestBodySize to 4 KiB. */
@ExtendWith(DropwizardExtensionsSupport.class)
class LimitsTest {

    private static final TestApp APP = TestApp.create();
    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> EXTENSION = APP.extension;

    @Test
    void acceptsJsonNestedUpToTheLimit() throws Exception {
        HttpResponse<String> response = post(nested(JsonLimits.MAX_NESTING_DEPTH));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"size\":1}");
    }

    @Test
    void refusesJsonNestedOneLevelTooDeep() throws Exception {
        HttpResponse<String> response = post(nested(JsonLimits.MAX_NESTING_DEPTH + 1));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void refusesAThousandLevelDeepArrayWithAProblemDocument() throws Exception {
        HttpResponse<String> response = post(nested(1000));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"status\":400", "nesting depth");
    }

    @Test
    void refusesOverlongNumbers() throws Exception {
        HttpResponse<String> response = post("[" + "9".repeat(JsonLimits.MAX_NUMBER_LENGTH + 1) + "]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("number length");
    }

    @Test
    void refusesADeclaredOversizedBodyWith413() throws Exception {
        HttpResponse<String> response = post(arrayOfSize(5_000));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"status\":413", "4096 bytes");
    }

    @Test
    void refusesAChunkedOversizedBodyWith413() throws Exception {
        HttpResponse<String> response = postChunked(arrayOfSize(5_000));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"status\":413");
    }

    @Test
    void passesAChunkedBodyUnderTheLimitThrough() throws Exception {
        HttpResponse<String> response = postChunked(arrayOfSize(3_000));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"size\":");
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** A JSON array of zeros whose text is exactly {@code bytes} long. */
    private static String arrayOfSize(int bytes) {
        StringBuilder json = new StringBuilder("[0");
        while (json.length() < bytes - 1) {
            json.append(",0");
        }
        while (json.length() < bytes - 1) {
            json.append(' ');
        }
        return json.append(']').toString();
    }

    private static HttpResponse<String> post(String json) throws Exception {
        return APP.send(HttpRequest.newBuilder(APP.https("/v1/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<String> postChunked(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return APP.send(HttpRequest.newBuilder(APP.https("/v1/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
    }
}

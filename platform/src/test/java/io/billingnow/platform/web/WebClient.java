package io.billingnow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.identity.sessions.SessionCookie;
import io.billingnow.platform.testing.TestPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser without the browser, for the web app's real-HTTP tests: the dev login's cookies, pages read as
 * {@code text/html}, plain forms posted with the session's {@code _csrf} field, redirects not followed (so a test sees
 * the 303 and its notice). {@link #member} signs a person in with a given role in one business, through the members
 * API itself.
 */
public final class WebClient {

    private final TestPlatform platform;
    private final HttpClient http = HttpClient.newHttpClient();

    public WebClient(TestPlatform platform) {
        this.platform = platform;
    }

    /** Signs in with the dev login (an owner of every business that exists now) and answers the cookies. */
    public String devLogin(String email) {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(platform.url("/auth/dev/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                .build());
        assertThat(login.statusCode()).isEqualTo(303);
        return login.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.joining("; "));
    }

    /**
     * A person signed in with {@code role} in the business whose owner key is {@code ownerKey}: the dev login makes
     * them an owner, the members API changes the role (which ends their sessions), and they sign in again.
     */
    public String member(String email, Role role, String ownerKey) {
        String cookies = devLogin(email);
        if (role == Role.OWNER) {
            return cookies;
        }
        JsonNode members = platform.getJson("/v1/members", ownerKey, 200).get("data");
        String userId = null;
        for (JsonNode member : members) {
            if (member.get("email").asText().equalsIgnoreCase(email)) {
                userId = member.get("userId").asText();
            }
        }
        assertThat(userId).as(email + " is a member").isNotNull();
        TestPlatform.expect(platform.patch("/v1/members/" + userId, ownerKey, null,
                Map.of("role", role.wireName())), 200);
        return devLogin(email);
    }

    public HttpResponse<String> get(String path, String cookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url(path)))
                .header("Accept", "text/html");
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return send(request.GET().build());
    }

    /** Posts a form as a page of the app does: URL-encoded, with the session's CSRF token as {@code _csrf}. */
    public HttpResponse<String> post(String path, String cookies, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.putIfAbsent("_csrf", csrf(cookies));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(platform.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Cookie", cookies).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> post(String path, String cookies) {
        return post(path, cookies, Map.of());
    }

    /** The session's CSRF token, from its cookie. */
    public static String csrf(String cookies) {
        return Arrays.stream(cookies.split("; ")).filter(c -> c.startsWith(SessionCookie.CSRF_NAME + "="))
                .map(c -> c.substring(c.indexOf('=') + 1)).findFirst().orElseThrow();
    }

    /** Where a 303 sends the browser: path and query. */
    public static String location(HttpResponse<String> response) {
        URI target = URI.create(response.headers().firstValue("Location").orElseThrow());
        return target.getRawQuery() == null ? target.getPath() : target.getPath() + "?" + target.getRawQuery();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.billingnow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.identity.sessions.SessionCookie;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A person's browser as real HTTP sees it, for the web app's page tests: signed in with the dev login (which makes the
 * address an owner of every business existing then), optionally demoted to another role by the business's owner
 * through the API, reading pages and posting plain forms with the session's {@code _csrf} field.
 */
public final class PageClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TestPlatform platform;
    private final String cookies;

    private PageClient(TestPlatform platform, String cookies) {
        this.platform = platform;
        this.cookies = cookies;
    }

    /** Signs in with the dev login form. */
    public static PageClient signIn(TestPlatform platform, String email) {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(platform.url("/auth/dev/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + encode(email))).build());
        assertThat(login.statusCode()).isEqualTo(303);
        return new PageClient(platform, login.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';'))).collect(Collectors.joining("; ")));
    }

    /**
     * A person with {@code role} in the fixture's business: signed in once (owner), given the role by the owner's API
     * key, signed in again (the role change ended the first session; the dev login keeps an existing membership).
     */
    public static PageClient withRole(TestPlatform platform, TenantFixture business, String email, String role) {
        String userId = platform.postJson("/auth/dev/login", null, Map.of("email", email), 200).get("userId")
                .asText();
        TestPlatform.expect(platform.patch("/v1/members/" + userId, business.key(), null, Map.of("role", role)),
                200);
        return signIn(platform, email);
    }

    public String csrf() {
        return Arrays.stream(cookies.split("; ")).filter(c -> c.startsWith(SessionCookie.CSRF_NAME + "="))
                .map(c -> c.substring(c.indexOf('=') + 1)).findFirst().orElseThrow();
    }

    public HttpResponse<String> get(String path) {
        return get(path, "text/html");
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(platform.url(path))).header("Accept", accept)
                .header("Cookie", cookies).GET().build());
    }

    /** A page in the language a browser asks for ({@code Accept-Language}). */
    public HttpResponse<String> get(String path, String accept, String language) {
        return send(HttpRequest.newBuilder(URI.create(platform.url(path))).header("Accept", accept)
                .header("Accept-Language", language).header("Cookie", cookies).GET().build());
    }

    /** Posts a form as a browser does, with the session's CSRF field added. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.putIfAbsent("_csrf", csrf());
        return postRaw(path, form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    /** Posts a form body as written (repeated fields, a missing or wrong CSRF field). */
    public HttpResponse<String> postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(platform.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Cookie", cookies).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Where a 303 sends the browser (path and query). */
    public static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static List<String> values(HttpResponse<String> response, String header) {
        return response.headers().allValues(header);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.billingnow.platform.identity.signin;

import io.billingnow.platform.testing.TestPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as sign-in needs one: it keeps cookies, never follows redirects by itself, and reaches the
 * platform's public URL (https://billingnow.test in tests) at the test server's local address.
 */
final class Browser {

    static final String SITE = "https://billingnow.test";
    private static final Pattern SET_COOKIE = Pattern.compile("^([^=]+)=([^;]*)(.*)$");

    private final TestPlatform platform;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, String> cookies = new LinkedHashMap<>();

    Browser(TestPlatform platform) {
        this.platform = platform;
    }

    HttpResponse<String> get(String url, String... headers) {
        return send(HttpRequest.newBuilder(target(url)).GET(), url, headers);
    }

    HttpResponse<String> postForm(String url, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        String[] all = concat(headers, "Content-Type", "application/x-www-form-urlencoded");
        return send(HttpRequest.newBuilder(target(url)).POST(HttpRequest.BodyPublishers.ofString(body)), url, all);
    }

    HttpResponse<String> send(String method, String url, String jsonBody, String... headers) {
        HttpRequest.BodyPublisher body = jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody);
        // Updates are JSON merge patches (docs/api-conventions.md).
        String type = "PATCH".equals(method) ? "application/merge-patch+json" : "application/json";
        String[] all = jsonBody == null ? headers : concat(headers, "Content-Type", type);
        return send(HttpRequest.newBuilder(target(url)).method(method, body), url, all);
    }

    /** A same-site state change from our own page: Origin, the CSRF token from its cookie, and the tenant. */
    HttpResponse<String> sameSite(String method, String path, String jsonBody, String tenant) {
        return send(method, path, jsonBody, "Origin", SITE, "Sec-Fetch-Site", "same-origin",
                "X-CSRF-Token", cookies.getOrDefault("__Host-bn_csrf", ""), "BillingNow-Tenant", tenant);
    }

    /** Follows one redirect, wherever it points. */
    HttpResponse<String> follow(HttpResponse<String> redirect) {
        return get(redirect.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("not a redirect: " + redirect.statusCode() + " " + redirect.body())));
    }

    String session() {
        return cookies.get("__Host-bn_session");
    }

    static List<String> setCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie");
    }

    static Map<String, String> hiddenInputs(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    static String formAction(String html) {
        Matcher m = Pattern.compile("action=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no form in " + html);
        }
        return m.group(1).replace("&amp;", "&");
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, String url, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                builder.header(headers[i], headers[i + 1]);
            }
        }
        boolean ours = url.startsWith("/") || url.startsWith(SITE);
        if (ours && !cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (ours) {
                for (String header : setCookies(response)) {
                    Matcher m = SET_COOKIE.matcher(header);
                    if (m.matches()) {
                        if (m.group(3).contains("Max-Age=0")) {
                            cookies.remove(m.group(1));
                        } else {
                            cookies.put(m.group(1), m.group(2));
                        }
                    }
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI target(String url) {
        if (url.startsWith(SITE)) {
            return URI.create(platform.url(url.substring(SITE.length())));
        }
        if (url.startsWith("/")) {
            return URI.create(platform.url(url));
        }
        return URI.create(url);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

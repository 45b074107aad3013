package io.billingnow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.identity.sessions.SessionCookie;
import io.billingnow.platform.identity.sessions.Sessions;
import io.billingnow.platform.identity.sessions.SigningKeys;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signed-in people for the web app's real-HTTP tests: a verified user written as sign-in writes one, and a session
 * issued under the platform's own cookie key (the one {@link #cookieKey} configures), so a person starts with no
 * business at all (the dev login would make them owner of every business). Requests go over real HTTP with the
 * session's cookies, our origin, and for forms the {@code _csrf} field, as a browser sends them.
 */
public final class People {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final TestPlatform platform;
    private final Sessions sessions;

    private People(TestPlatform platform, String key) {
        this.platform = platform;
        this.sessions = new Sessions(new PlatformTransactions(platform.jdbi()),
                new SessionCookie(SigningKeys.from(Map.of("web", key), "test")), Clock.systemUTC(),
                Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofSeconds(15));
    }

    /** The configuration that makes the platform accept this class's sessions. */
    public static ConfigOverride cookieKey(String key) {
        return ConfigOverride.config("signIn.cookieKeys.web", key);
    }

    public static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    public static People of(TestPlatform platform, String key) {
        return new People(platform, key);
    }

    /** A signed-in person. */
    public record Person(UUID id, String email) {
    }

    /** One browser of a person: its session. */
    public record Session(UUID id, String cookie, String csrf) {

        public String cookies() {
            return SessionCookie.NAME + "=" + cookie + "; " + SessionCookie.CSRF_NAME + "=" + csrf;
        }
    }

    public Person person(String email) {
        UUID id = UUID.randomUUID();
        platform.jdbi().useHandle(h -> h.execute("INSERT INTO users (id, email, email_verified, created_at) "
                + "VALUES (?, ?, true, now())", id, email));
        return new Person(id, email);
    }

    public Session signIn(Person person, String userAgent) {
        Sessions.Issued issued = sessions.create(person.id(), "user", userAgent);
        return new Session(issued.record().publicId(), issued.cookieValue(), issued.csrfToken());
    }

    public HttpResponse<String> get(String path, Session session) {
        return get(path, session, "");
    }

    /** A page with extra cookies, e.g. {@code "; bn_lang=de"}. */
    public HttpResponse<String> get(String path, Session session, String extraCookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url(path)))
                .header("Accept", "text/html");
        if (session != null) {
            request.header("Cookie", session.cookies() + extraCookies);
        }
        return send(request.GET());
    }

    /** A form posted from our own page: the session's cookies, our origin and, unless null, the CSRF field. */
    public HttpResponse<String> post(String path, Session session, Map<String, String> fields, String csrf) {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        if (csrf != null) {
            body = (body.isEmpty() ? "" : body + "&") + "_csrf=" + enc(csrf);
        }
        return send(HttpRequest.newBuilder(URI.create(platform.url(path)))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://billingnow.test")
                .header("Sec-Fetch-Site", "same-origin")
                .header("Cookie", session.cookies())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> post(String path, Session session, Map<String, String> fields) {
        return post(path, session, fields, session.csrf());
    }

    /** An API call with the session, as the web app's htmx would make it. */
    public HttpResponse<String> api(String method, String path, Session session, String tenant, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url(path)))
                .header("Accept", "application/json")
                .header("Origin", "https://billingnow.test")
                .header("Cookie", session.cookies())
                .header("X-CSRF-Token", session.csrf());
        if (tenant != null) {
            request.header("BillingNow-Tenant", tenant);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    public static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return URI.create(response.headers().firstValue("Location").orElseThrow()).getPath()
                + (URI.create(response.headers().firstValue("Location").orElseThrow()).getQuery() == null ? ""
                : "?" + URI.create(response.headers().firstValue("Location").orElseThrow()).getQuery());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

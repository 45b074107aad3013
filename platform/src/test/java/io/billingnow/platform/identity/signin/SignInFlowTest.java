package io.billingnow.platform.identity.signin;

import static io.billingnow.platform.identity.signin.SignInFixture.OIDC;
import static io.billingnow.platform.identity.signin.SignInFixture.nextToken;
import static io.billingnow.platform.identity.signin.SignInFixture.signInWithGoogle;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** Sign-in over real HTTP against a real OpenID provider: the browser's whole journey and the ways it can be abused. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignInFlowTest {

    static final TestPlatform platform = SignInFixture.platform(false);
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static Tenant tenant;
    static String ownerKey;

    @BeforeAll
    static void aTenantWithAnOwnerKey() {
        tenant = platform.createTenant("sign-in-co", "EUR");
        ownerKey = platform.apiKey(tenant, Role.OWNER);
    }

    @Test
    void googleSignInEndsInASessionThatCanUseTheApiWithItsCsrfToken() throws Exception {
        Browser browser = new Browser(platform);
        HttpResponse<String> login = browser.get("/auth/google/login?returnTo=/invoices?status=open");
        assertThat(login.statusCode()).isEqualTo(302);
        Map<String, String> authorize = query(login.headers().firstValue("Location").orElseThrow());
        assertThat(authorize).containsEntry("code_challenge_method", "S256").containsEntry("client_id",
                SignInFixture.GOOGLE_CLIENT).containsKeys("state", "nonce", "code_challenge");
        assertThat(authorize.get("redirect_uri")).isEqualTo(Browser.SITE + "/auth/google/callback");
        assertThat(Browser.setCookies(login)).anySatisfy(c -> assertThat(c).startsWith("__Host-bn_signin=")
                .contains("Secure").contains("HttpOnly").contains("Path=/"));

        nextToken("google", "google-ada", "ada@example.com", true);
        HttpResponse<String> toCallback = browser.follow(login);
        assertThat(toCallback.statusCode()).isEqualTo(302);
        HttpResponse<String> done = browser.follow(toCallback);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).contains(Browser.SITE + "/invoices?status=open");
        assertThat(Browser.setCookies(done)).anySatisfy(c -> assertThat(c).startsWith("__Host-bn_session=")
                .contains("Secure").contains("HttpOnly").contains("SameSite=Lax").contains("Path=/"));

        String token = invite("ada@example.com", "accountant");
        assertThat(browser.sameSite("POST", "/v1/invitations/accept", json(Map.of("token", token)), null)
                .statusCode()).isEqualTo(200);

        HttpResponse<String> customers = browser.get("/v1/customers", "BillingNow-Tenant", tenant.slug());
        assertThat(customers.statusCode()).as(customers.body()).isEqualTo(200);
        HttpResponse<String> created = browser.sameSite("POST", "/v1/customers",
                json(Map.of("name", "Made by a person")), tenant.id().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode me = JSON.readTree(browser.get("/v1/me").body());
        assertThat(me.get("email").asText()).isEqualTo("ada@example.com");
        assertThat(me.get("emailVerified").asBoolean()).isTrue();
        assertThat(me.get("memberships").get(0).get("role").asText()).isEqualTo("accountant");
    }

    @Test
    void appleSignInReturnsByFormPostWithAClientSecretSignedByTheTeamKey() throws Exception {
        Browser browser = new Browser(platform);
        HttpResponse<String> login = browser.get("/auth/apple/login?returnTo=/welcome");
        assertThat(query(login.headers().firstValue("Location").orElseThrow()))
                .containsEntry("response_mode", "form_post");

        nextToken("apple", "apple-grace", Map.of("email", "grace@privaterelay.example", "email_verified", "true"),
                3600);
        HttpResponse<String> page = browser.follow(login);
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>(Browser.hiddenInputs(page.body()));
        form.put("user", "{\"name\":{\"firstName\":\"Grace\",\"lastName\":\"Hopper\"}}");
        HttpResponse<String> done = browser.postForm(Browser.formAction(page.body()), form);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);

        JsonNode me = JSON.readTree(browser.get("/v1/me").body());
        assertThat(me.get("displayName").asText()).isEqualTo("Grace Hopper");
        assertThat(me.get("email").asText()).isEqualTo("grace@privaterelay.example");
        assertThat(me.get("emailVerified").asBoolean()).isTrue();

        String secret = clientSecretOfLastAppleTokenRequest();
        SignedJWT jwt = SignedJWT.parse(secret);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(SignInFixture.APPLE_KEY_ID);
        assertThat(jwt.verify(new ECDSAVerifier((ECPublicKey) SignInFixture.APPLE_KEY.getPublic()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(SignInFixture.APPLE_TEAM);
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(SignInFixture.APPLE_CLIENT);
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("https://appleid.apple.com");
    }

    @Test
    void anUnverifiedEmailIsNotTrustedForInvitations() throws Exception {
        Browser browser = new Browser(platform);
        nextToken("google", "google-unverified", "victim@example.com", false);
        assertThat(signInWithGoogle(browser, null).statusCode()).isEqualTo(303);
        assertThat(JSON.readTree(browser.get("/v1/me").body()).get("emailVerified").asBoolean()).isFalse();

        String token = invite("victim@example.com", "admin");
        HttpResponse<String> accepted = browser.sameSite("POST", "/v1/invitations/accept",
                json(Map.of("token", token)), null);
        assertThat(accepted.statusCode()).isEqualTo(403);
        assertThat(accepted.body()).contains("email-not-verified");
    }

    @Test
    void anInvitationIsForTheInvitedVerifiedAddressOnlyAndOnlyOnce() throws Exception {
        String token = invite("invited@example.com", "viewer");
        Browser someoneElse = new Browser(platform);
        nextToken("google", "google-someone-else", "someone-else@example.com", true);
        signInWithGoogle(someoneElse, null);
        HttpResponse<String> wrongPerson = someoneElse.sameSite("POST", "/v1/invitations/accept",
                json(Map.of("token", token)), null);
        assertThat(wrongPerson.statusCode()).isEqualTo(404);
        assertThat(wrongPerson.body()).contains("invitation-unusable");

        Browser invited = new Browser(platform);
        nextToken("google", "google-invited", "Invited@Example.com", true);
        signInWithGoogle(invited, null);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + flip(parts[2]);
        assertThat(invited.sameSite("POST", "/v1/invitations/accept", json(Map.of("token", tampered)), null)
                .statusCode()).isEqualTo(404);
        assertThat(invited.sameSite("POST", "/v1/invitations/accept", json(Map.of("token", token)), null)
                .statusCode()).isEqualTo(200);
        assertThat(invited.sameSite("POST", "/v1/invitations/accept", json(Map.of("token", token)), null)
                .statusCode()).isEqualTo(404);
        assertThat(invited.get("/v1/customers", "BillingNow-Tenant", tenant.slug()).statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedInvitationCannotBeAccepted() throws Exception {
        String token = invite("revoked@example.com", "viewer");
        JsonNode open = platform.getJson("/v1/members/invitations", ownerKey, 200).get("data");
        String id = null;
        for (JsonNode invitation : open) {
            if (invitation.get("email").asText().equals("revoked@example.com")) {
                id = invitation.get("id").asText();
            }
        }
        assertThat(id).isNotNull();
        assertThat(platform.request("/v1/members/invitations/" + id, ownerKey).delete().getStatus()).isEqualTo(204);

        Browser invited = new Browser(platform);
        nextToken("google", "google-revoked", "revoked@example.com", true);
        signInWithGoogle(invited, null);
        assertThat(invited.sameSite("POST", "/v1/invitations/accept", json(Map.of("token", token)), null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAnOwnerMayInviteAnOwner() {
        String admin = platform.apiKey(tenant, Role.ADMIN);
        assertThat(platform.post("/v1/members/invitations", admin,
                Map.of("email", "new-owner@example.com", "role", "owner")).getStatus()).isEqualTo(403);
        assertThat(platform.post("/v1/members/invitations", admin,
                Map.of("email", "new-viewer@example.com", "role", "viewer")).getStatus()).isEqualTo(201);
    }

    @Test
    void theSameEmailFromAnotherIssuerIsAnotherPerson() throws Exception {
        Browser google = new Browser(platform);
        nextToken("google", "google-shared", "shared@example.com", true);
        signInWithGoogle(google, null);
        Browser apple = new Browser(platform);
        HttpResponse<String> login = apple.get("/auth/apple/login");
        nextToken("apple", "apple-shared", Map.of("email", "shared@example.com", "email_verified", true), 3600);
        HttpResponse<String> page = apple.follow(login);
        apple.postForm(Browser.formAction(page.body()), Browser.hiddenInputs(page.body()));

        String googleUser = JSON.readTree(google.get("/v1/me").body()).get("userId").asText();
        String appleUser = JSON.readTree(apple.get("/v1/me").body()).get("userId").asText();
        assertThat(googleUser).isNotEqualTo(appleUser);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong-audience", "wrong-issuer", "expired", "foreign-nonce", "no-subject"})
    void anIdTokenThatFailsValidationSignsNobodyIn(String defect) {
        Map<String, Object> claims = switch (defect) {
            case "wrong-audience" -> Map.of("aud", "someone-elses-client");
            case "wrong-issuer" -> Map.of("iss", "https://issuer.example");
            case "foreign-nonce" -> Map.of("nonce", "a-nonce-from-another-sign-in");
            default -> Map.of();
        };
        long expiry = "expired".equals(defect) ? -600 : 3600;
        Browser browser = new Browser(platform);
        nextToken("google", "no-subject".equals(defect) ? "" : "google-" + defect, claims, expiry);
        HttpResponse<String> callback = signInWithGoogle(browser, null);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(401);
        assertThat(callback.body()).contains("sign-in-failed");
        assertThat(browser.session()).isNull();
    }

    @Test
    void anIdTokenSignedWithAKeyTheIssuerNeverPublishedIsRefused() {
        Browser browser = new Browser(platform);
        HttpResponse<String> unreachable = browser.get("/auth/forged/login");
        assertThat(unreachable.statusCode()).as("the provider's discovery fails once").isEqualTo(503);
        assertThat(unreachable.body()).contains("provider-unavailable");

        HttpResponse<String> login = browser.get("/auth/forged/login");
        assertThat(login.statusCode()).as("sign-in recovers once the provider answers").isEqualTo(302);
        SignInFixture.FORGER.nonce = query(login.headers().firstValue("Location").orElseThrow()).get("nonce");
        HttpResponse<String> toCallback = browser.follow(login);
        String code = query(toCallback.headers().firstValue("Location").orElseThrow()).get("code");
        ListAppender<ILoggingEvent> log = captureSecurityLog();
        try {
            HttpResponse<String> callback = browser.follow(toCallback);
            assertThat(callback.statusCode()).as(callback.body()).isEqualTo(401);
        } finally {
            ((Logger) LoggerFactory.getLogger("io.billingnow.security")).detachAppender(log);
        }
        assertThat(browser.session()).isNull();
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).startsWith("security event: kind=sign_in_failed")
                        .contains("detail=provider forged: "))
                .allSatisfy(m -> assertThat(m).doesNotContain(code).doesNotContain("eyJ"));
    }

    @Test
    void aReplayedCallbackFindsNoPendingSignIn() {
        Browser browser = new Browser(platform);
        HttpResponse<String> login = browser.get("/auth/google/login");
        nextToken("google", "google-replay", "replay@example.com", true);
        HttpResponse<String> toCallback = browser.follow(login);
        String pending = browser.cookies.get("__Host-bn_signin");
        assertThat(browser.follow(toCallback).statusCode()).isEqualTo(303);

        browser.cookies.put("__Host-bn_signin", pending);
        browser.cookies.remove("__Host-bn_session");
        HttpResponse<String> replay = browser.follow(toCallback);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("no-pending-sign-in");
        assertThat(browser.session()).isNull();
    }

    @Test
    void aCallbackCarryingAnotherSignInsStateIsRefused() {
        Browser victim = new Browser(platform);
        HttpResponse<String> victimLogin = victim.get("/auth/google/login");
        Browser attacker = new Browser(platform);
        HttpResponse<String> attackerLogin = attacker.get("/auth/google/login");
        // No token is enqueued: the refused callback never reaches the token endpoint.
        HttpResponse<String> attackerCallback = attacker.follow(attackerLogin);
        assertThat(victimLogin.statusCode()).isEqualTo(302);

        HttpResponse<String> result = victim.follow(attackerCallback);
        assertThat(result.statusCode()).isEqualTo(401);
        assertThat(victim.session()).isNull();
    }

    @Test
    void aCallbackWithoutAPendingSignInIsRefused() {
        Browser browser = new Browser(platform);
        HttpResponse<String> response = browser.get("/auth/google/callback?code=abc&state=xyz");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("no-pending-sign-in");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "%2F%5Cevil.example", "javascript:alert(1)",
            "evil.example", "/ok%0d%0aSet-Cookie:x=y", "%2F%2Fevil.example"})
    void returnToMustBeAPathOnThisSite(String returnTo) {
        HttpResponse<String> response = new Browser(platform).get("/auth/google/login?returnTo=" + returnTo);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void signingInAgainNeverKeepsTheEarlierSessionId() {
        Browser browser = new Browser(platform);
        nextToken("google", "google-fixation", "fixation@example.com", true);
        signInWithGoogle(browser, null);
        String before = browser.session();
        nextToken("google", "google-fixation", "fixation@example.com", true);
        signInWithGoogle(browser, null);
        String after = browser.session();

        assertThat(after).isNotNull().isNotEqualTo(before);
        Browser planted = new Browser(platform);
        planted.cookies.put("__Host-bn_session", before);
        assertThat(planted.get("/v1/me").statusCode()).isEqualTo(401);
        assertThat(browser.get("/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void tamperedOrForeignSessionCookiesAreRefused() {
        Browser browser = new Browser(platform);
        nextToken("google", "google-tamper", "tamper@example.com", true);
        signInWithGoogle(browser, null);
        String genuine = browser.session();
        String[] parts = genuine.split("\\.");

        String otherId = parts[0] + "." + parts[1] + "." + flip(parts[2]) + "." + parts[3];
        String otherSignature = parts[0] + "." + parts[1] + "." + parts[2] + "." + flip(parts[3]);
        String unknownKey = parts[0] + ".retired." + parts[2] + "." + parts[3];
        var foreignKeys = io.billingnow.platform.identity.sessions.SigningKeys.from(Map.of(), "test");
        String foreign = new io.billingnow.platform.identity.sessions.SessionCookie(foreignKeys)
                .encode(java.util.Base64.getUrlDecoder().decode(parts[2]));
        for (String cookie : new String[] {otherId, otherSignature, unknownKey, foreign, "garbage"}) {
            Browser other = new Browser(platform);
            other.cookies.put("__Host-bn_session", cookie);
            assertThat(other.get("/v1/me").statusCode()).as(cookie).isEqualTo(401);
        }
        assertThat(browser.get("/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void cookieAuthenticatedStateChangesNeedTheCsrfTokenAndOurOrigin() throws Exception {
        Browser browser = memberBrowser("csrf@example.com", "google-csrf", "admin");
        String csrf = browser.cookies.get("__Host-bn_csrf");
        String body = json(Map.of("name", "Forged"));
        String slug = tenant.slug();

        assertThat(browser.send("POST", "/v1/customers", body, "BillingNow-Tenant", slug).statusCode())
                .isEqualTo(403);
        assertThat(browser.send("POST", "/v1/customers", body, "BillingNow-Tenant", slug,
                "X-CSRF-Token", "not-the-token").statusCode()).isEqualTo(403);
        HttpResponse<String> foreignOrigin = browser.send("POST", "/v1/customers", body, "BillingNow-Tenant", slug,
                "X-CSRF-Token", csrf, "Origin", "https://evil.example");
        assertThat(foreignOrigin.statusCode()).isEqualTo(403);
        assertThat(foreignOrigin.body()).contains("csrf-refused");
        assertThat(browser.send("POST", "/v1/customers", body, "BillingNow-Tenant", slug,
                "X-CSRF-Token", csrf, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(browser.sameSite("POST", "/v1/customers", body, slug).statusCode()).isEqualTo(201);

        // A bearer key is not sent by browsers on their own, so it needs no CSRF token.
        assertThat(platform.post("/v1/customers", ownerKey, Map.of("name", "By key")).getStatus()).isEqualTo(201);
    }

    @Test
    void aSessionCannotReachATenantItDoesNotBelongTo() throws Exception {
        Browser browser = memberBrowser("outsider@example.com", "google-outsider", "viewer");
        Tenant other = platform.createTenant("not-mine", "EUR");
        HttpResponse<String> response = browser.get("/v1/customers", "BillingNow-Tenant", other.slug());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.get("/v1/customers", "BillingNow-Tenant", "no-such-tenant").statusCode()).isEqualTo(403);
        assertThat(browser.get("/v1/customers").statusCode()).isEqualTo(400);
    }

    @Test
    void signOutEverywhereEndsEverySessionOfThePerson() throws Exception {
        Browser laptop = new Browser(platform);
        nextToken("google", "google-everywhere", "everywhere@example.com", true);
        signInWithGoogle(laptop, null);
        Browser phone = new Browser(platform);
        nextToken("google", "google-everywhere", "everywhere@example.com", true);
        signInWithGoogle(phone, null);
        Browser tablet = new Browser(platform);
        nextToken("google", "google-everywhere", "everywhere@example.com", true);
        signInWithGoogle(tablet, null);

        JsonNode sessions = JSON.readTree(laptop.get("/v1/me/sessions").body()).get("data");
        assertThat(sessions).hasSize(3);
        String phoneSession = currentSessionId(phone);
        assertThat(laptop.sameSite("DELETE", "/v1/me/sessions/" + phoneSession, null, null).statusCode())
                .isEqualTo(204);
        assertThat(phone.get("/v1/me").statusCode()).isEqualTo(401);

        String laptopCookie = laptop.session();
        assertThat(laptop.sameSite("POST", "/v1/me/sessions/revoke-all", null, null).statusCode()).isEqualTo(204);
        laptop.cookies.put("__Host-bn_session", laptopCookie);
        assertThat(tablet.get("/v1/me").statusCode()).isEqualTo(401);
        assertThat(laptop.get("/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void signOutEndsTheSessionServerSide() {
        Browser browser = new Browser(platform);
        nextToken("google", "google-logout", "logout@example.com", true);
        signInWithGoogle(browser, null);
        String cookie = browser.session();
        assertThat(browser.send("POST", "/auth/logout", null).statusCode()).isEqualTo(403);
        assertThat(browser.sameSite("POST", "/auth/logout", null, null).statusCode()).isEqualTo(204);

        Browser replay = new Browser(platform);
        replay.cookies.put("__Host-bn_session", cookie);
        assertThat(replay.get("/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aRoleChangeOrRemovalEndsThatPersonsSessions() throws Exception {
        Browser browser = memberBrowser("demoted@example.com", "google-demoted", "admin");
        String userId = JSON.readTree(browser.get("/v1/me").body()).get("userId").asText();
        assertThat(platform.patch("/v1/members/" + userId, ownerKey, null, Map.of("role", "viewer")).getStatus())
                .isEqualTo(200);
        assertThat(browser.get("/v1/customers", "BillingNow-Tenant", tenant.slug()).statusCode()).isEqualTo(401);

        Browser again = memberBrowserExisting("demoted@example.com", "google-demoted");
        assertThat(platform.request("/v1/members/" + userId, ownerKey).delete().getStatus()).isEqualTo(204);
        assertThat(again.get("/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void theLastOwnerCanBeNeitherDemotedNorRemoved() throws Exception {
        Tenant solo = platform.createTenant("solo-owner", "EUR");
        String key = platform.apiKey(solo, Role.OWNER);
        Browser owner = new Browser(platform);
        nextToken("google", "google-solo", "solo@example.com", true);
        signInWithGoogle(owner, null);
        String token = platform.postJson("/v1/members/invitations", key,
                Map.of("email", "solo@example.com", "role", "owner"), 201).get("token").asText();
        owner.sameSite("POST", "/v1/invitations/accept", json(Map.of("token", token)), null);
        String userId = JSON.readTree(owner.get("/v1/me").body()).get("userId").asText();

        HttpResponse<String> demote = owner.sameSite("PATCH", "/v1/members/" + userId,
                json(Map.of("role", "admin")), solo.slug());
        assertThat(demote.statusCode()).as(demote.body()).isEqualTo(409);
        assertThat(demote.body()).contains("last-owner");
        assertThat(owner.sameSite("DELETE", "/v1/members/" + userId, null, solo.slug()).statusCode())
                .isEqualTo(409);
    }

    @Test
    void onlyAllowListedIdentitiesEnterTheAdminConsole() {
        Browser operator = new Browser(platform);
        HttpResponse<String> login = operator.get("/auth/google/console-login");
        nextToken("google", SignInFixture.OPERATOR_SUBJECT, "ops@example.com", true);
        HttpResponse<String> done = operator.follow(operator.follow(login));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).contains(Browser.SITE + "/admin");
        assertThat(operator.get("/admin/v1/tenants").statusCode()).isEqualTo(200);
        // A console session is not a tenant credential.
        assertThat(operator.get("/v1/me").statusCode()).isEqualTo(401);

        Browser stranger = new Browser(platform);
        HttpResponse<String> strangerLogin = stranger.get("/auth/google/console-login");
        nextToken("google", "not-an-operator", "ops@example.com", true);
        HttpResponse<String> refused = stranger.follow(stranger.follow(strangerLogin));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(stranger.session()).isNull();
        assertThat(stranger.get("/admin/v1/tenants").statusCode()).isEqualTo(401);
    }

    @Test
    void devLoginDoesNotExistUnlessConfigured() {
        HttpResponse<String> response = new Browser(platform).send("POST", "/auth/dev/login",
                "{\"email\":\"dev@example.com\"}");
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownProviderIsNotFound() {
        assertThat(new Browser(platform).get("/auth/myspace/login").statusCode()).isEqualTo(404);
    }

    private static ListAppender<ILoggingEvent> captureSecurityLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger logger = (Logger) LoggerFactory.getLogger("io.billingnow.security");
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        return appender;
    }

    private static Browser memberBrowser(String email, String subject, String role) throws Exception {
        Browser browser = new Browser(platform);
        nextToken("google", subject, email, true);
        signInWithGoogle(browser, null);
        String token = invite(email, role);
        HttpResponse<String> accepted = browser.sameSite("POST", "/v1/invitations/accept",
                json(Map.of("token", token)), null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        return browser;
    }

    private static Browser memberBrowserExisting(String email, String subject) {
        Browser browser = new Browser(platform);
        nextToken("google", subject, email, true);
        signInWithGoogle(browser, null);
        return browser;
    }

    private static String currentSessionId(Browser browser) throws Exception {
        for (JsonNode s : JSON.readTree(browser.get("/v1/me/sessions").body()).get("data")) {
            if (s.get("current").asBoolean()) {
                return s.get("id").asText();
            }
        }
        throw new AssertionError("no current session");
    }

    private static String invite(String email, String role) {
        return platform.postJson("/v1/members/invitations", ownerKey, Map.of("email", email, "role", role), 201)
                .get("token").asText();
    }

    private static String clientSecretOfLastAppleTokenRequest() {
        String secret = null;
        while (true) {
            RecordedRequest request;
            try {
                request = OIDC.takeRequest(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (RuntimeException drained) {
                break;
            }
            if ("/apple/token".equals(request.getPath())) {
                secret = query("?" + request.getBody().readUtf8()).get("client_secret");
            }
        }
        assertThat(secret).as("a token request to the apple issuer").isNotNull();
        return secret;
    }

    private static String flip(String base64) {
        char c = base64.charAt(5);
        return base64.substring(0, 5) + (c == 'A' ? 'B' : 'A') + base64.substring(6);
    }

    static Map<String, String> query(String url) {
        String q = URI.create(url.startsWith("?") ? "http://x/" + url : url).getRawQuery();
        return Arrays.stream(q.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> a,
                LinkedHashMap::new));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

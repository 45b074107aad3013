package io.billingnow.platform.identity.signin;

import static io.billingnow.platform.identity.signin.SignInFixture.nextToken;
import static io.billingnow.platform.identity.signin.SignInFixture.signInWithGoogle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.CommandLine;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant's first owner outside dev mode, over real HTTP against a real OpenID provider: the operator invites an
 * address (admin API or CLI), the person signs in with Google, finds the invitation by their verified address and
 * accepts it. The operator never holds a token or a tenant secret.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FirstOwnerInvitationTest {

    static final TestPlatform platform = SignInFixture.platform(false);

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static String operator;

    @BeforeAll
    static void anOperatorAndAWarmIdentityProvider() throws Exception {
        operator = platform.operatorToken(false);
        // The provider's first answers are slow on a loaded machine (its JVM warms up), slower than the platform's
        // read timeout; a failed sign-in would leave its queued identity to the next one.
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            client.send(HttpRequest.newBuilder(SignInFixture.OIDC.wellKnownUrl("google").uri()).build(),
                    HttpResponse.BodyHandlers.discarding());
            client.send(HttpRequest.newBuilder(SignInFixture.OIDC.jwksUrl("google").uri()).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    static Response inviteOwner(Tenant tenant, String bearer, Object body) {
        return platform.post("/admin/v1/tenants/" + tenant.id() + "/owner-invitations", bearer, body);
    }

    static Browser signedIn(String subject, String email, boolean verified) {
        Browser browser = new Browser(platform);
        nextToken("google", subject, email, verified);
        signInWithGoogle(browser, null);
        return browser;
    }

    static JsonNode json(HttpResponse<String> response) {
        return TestPlatform.parse(response.body());
    }

    @Test
    void anOperatorInvitesTheFirstOwnerWhoSignsInWithGoogleAndAcceptsByTheVerifiedAddress() {
        Tenant tenant = platform.createTenant("first-owner-co", "EUR");
        JsonNode invitation = TestPlatform.expect(inviteOwner(tenant, operator,
                Map.of("email", "Founder@First-Owner.example")), 201);
        assertThat(invitation.get("email").asText()).isEqualTo("founder@first-owner.example");
        assertThat(invitation.get("role").asText()).isEqualTo("owner");
        assertThat(invitation.has("token")).as("the operator never holds a token").isFalse();

        Browser founder = signedIn("google-founder", "founder@first-owner.example", true);
        HttpResponse<String> mine = founder.get("/v1/me/invitations");
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        JsonNode open = json(mine).get("data");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("id").asText()).isEqualTo(invitation.get("id").asText());
        assertThat(open.get(0).get("tenant").get("slug").asText()).isEqualTo("first-owner-co");

        HttpResponse<String> accepted = founder.sameSite("POST",
                "/v1/me/invitations/" + invitation.get("id").asText() + "/accept", null, null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(accepted).get("role").asText()).isEqualTo("owner");
        JsonNode me = json(founder.get("/v1/me"));
        assertThat(me.get("memberships").get(0).get("slug").asText()).isEqualTo("first-owner-co");
        assertThat(me.get("memberships").get(0).get("role").asText()).isEqualTo("owner");
        HttpResponse<String> created = founder.sameSite("POST", "/v1/customers",
                "{\"name\":\"First customer\"}", tenant.id().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(founder.get("/v1/me/invitations")).get("data")).isEmpty();

        // Once the tenant has an owner, the operator's path is closed: owners invite further members themselves.
        Response again = inviteOwner(tenant, operator, Map.of("email", "operator-himself@example.com"));
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.readEntity(String.class)).contains("tenant-has-owner");
    }

    @Test
    void onlyThePersonWhoseVerifiedAddressTheInvitationNamesCanAcceptIt() {
        Tenant tenant = platform.createTenant("picky-co", "EUR");
        String id = TestPlatform.expect(inviteOwner(tenant, operator, Map.of("email", "owner@picky.example")), 201)
                .get("id").asText();

        Browser stranger = signedIn("google-stranger", "stranger@picky.example", true);
        assertThat(json(stranger.get("/v1/me/invitations")).get("data")).isEmpty();
        HttpResponse<String> stolen = stranger.sameSite("POST", "/v1/me/invitations/" + id + "/accept", null, null);
        assertThat(stolen.statusCode()).isEqualTo(404);
        assertThat(stolen.body()).contains("invitation-unusable");

        Browser unverified = signedIn("google-unverified", "owner@picky.example", false);
        assertThat(json(unverified.get("/v1/me/invitations")).get("data")).isEmpty();
        HttpResponse<String> refused = unverified.sameSite("POST", "/v1/me/invitations/" + id + "/accept", null,
                null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("email-not-verified");

        Browser forged = signedIn("google-csrf", "owner@picky.example", true);
        assertThat(forged.send("POST", "/v1/me/invitations/" + id + "/accept", null).statusCode())
                .as("a cross-site POST without the CSRF token").isEqualTo(403);
        assertThat(forged.sameSite("POST", "/v1/me/invitations/" + id + "/accept", null, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theAdminApiRefusesABadAddressAnAuditorAndATenantThatIsNotActive() {
        Tenant tenant = platform.createTenant("strict-co", "EUR");
        Response bad = inviteOwner(tenant, operator, Map.of("email", "not an address"));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(TestPlatform.parse(bad.readEntity(String.class)).get("errors").get(0).get("pointer").asText())
                .isEqualTo("/email");
        assertThat(inviteOwner(tenant, platform.operatorToken(true), Map.of("email", "a@strict.example"))
                .getStatus()).isEqualTo(403);

        platform.post("/admin/v1/tenants/" + tenant.id() + "/suspend", operator, Map.of()).close();
        Response suspended = inviteOwner(tenant, operator, Map.of("email", "a@strict.example"));
        assertThat(suspended.getStatus()).isEqualTo(409);
        assertThat(suspended.readEntity(String.class)).contains("tenant-not-active");
    }

    @Test
    void theCliInvitesTheFirstOwnerWithoutPrintingAToken(@TempDir Path folder) {
        Tenant tenant = platform.createTenant("cli-owner-co", "EUR");
        CommandLine.Outcome outcome = CommandLine.run("tenants", "invite-owner",
                CommandLine.configFile(platform.database(), folder).toString(), "--tenant", "cli-owner-co",
                "--email", "boss@cli-owner.example");
        assertThat(outcome.succeeded()).as(outcome.err()).isTrue();
        assertThat(outcome.out()).contains("Invited boss@cli-owner.example as the first owner of cli-owner-co")
                .contains("No email is sent").doesNotContain("eyJ");

        Browser boss = signedIn("google-boss", "boss@cli-owner.example", true);
        JsonNode open = json(boss.get("/v1/me/invitations")).get("data");
        assertThat(open).hasSize(1);
        assertThat(boss.sameSite("POST", "/v1/me/invitations/" + open.get(0).get("id").asText() + "/accept", null,
                null).statusCode()).isEqualTo(200);

        CommandLine.Outcome unknown = CommandLine.run("tenants", "invite-owner",
                CommandLine.configFile(platform.database(), folder).toString(), "--tenant", "no-such-co",
                "--email", "boss@cli-owner.example");
        assertThat(unknown.succeeded()).isFalse();
        assertThat(unknown.err()).contains("no tenant with slug no-such-co");
        assertThat(tenant.slug()).isEqualTo("cli-owner-co");
    }
}

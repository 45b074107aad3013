package io.billingnow.platform.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.TenantDefinition;
import io.billingnow.platform.tenancy.TenantSettings;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.web.People;
import io.billingnow.platform.web.People.Person;
import io.billingnow.platform.web.People.Session;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account page over real HTTP: sessions (end one, sign out everywhere, which ends every session of the person and
 * nobody else's), businesses with roles, invitations to accept or decline, escaping, and the CSRF token on every form.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccountTest {

    private static final String KEY = People.randomKey();
    private static final TestPlatform PLATFORM = new TestPlatform(People.cookieKey(KEY));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    private static People people() {
        return People.of(PLATFORM, KEY);
    }

    private static int me(Session session) {
        return people().api("GET", "/v1/me", session, null, null).statusCode();
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfThePersonAndNobodyElses() {
        Person ada = people().person("ada@account.example");
        Session laptop = people().signIn(ada, "Laptop");
        Session phone = people().signIn(ada, "Phone");
        Session other = people().signIn(people().person("other@account.example"), "Other");

        HttpResponse<String> page = people().get("/account", laptop);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-session=\"" + laptop.id() + "\"")
                .contains("data-session=\"" + phone.id() + "\"").doesNotContain(other.id().toString())
                .contains("action=\"/account/sign-out-everywhere\"");

        HttpResponse<String> out = people().post("/account/sign-out-everywhere", laptop, Map.of());
        assertThat(People.location(out)).isEqualTo("/");
        assertThat(out.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("__Host-bn_session=;"));
        assertThat(me(laptop)).isEqualTo(401);
        assertThat(me(phone)).isEqualTo(401);
        assertThat(me(other)).isEqualTo(200);
        assertThat(People.location(people().get("/account", phone))).isEqualTo("/");

        JsonNode events = PLATFORM.getJson("/admin/v1/security/events?kind=sessions_ended",
                PLATFORM.operatorToken(true), 200);
        assertThat(events.toString()).contains("user:" + ada.id()).contains("signed out everywhere");
    }

    @Test
    void endingOneSessionEndsOnlyThatOneAndOnlyTheOwnersSessionsCanBeEnded() {
        Person grace = people().person("grace@account.example");
        Session laptop = people().signIn(grace, "Laptop");
        Session phone = people().signIn(grace, "Phone");
        Session other = people().signIn(people().person("mallory@account.example"), "Mallory");

        HttpResponse<String> ended = people().post("/account/sessions/" + phone.id() + "/end", laptop, Map.of());
        assertThat(People.location(ended)).isEqualTo("/account?notice=session_ended");
        assertThat(me(phone)).isEqualTo(401);
        assertThat(me(laptop)).isEqualTo(200);
        assertThat(people().get("/account?notice=session_ended", laptop).body()).contains("The session was ended.")
                .doesNotContain(phone.id().toString());

        HttpResponse<String> someoneElses = people().post("/account/sessions/" + other.id() + "/end", laptop,
                Map.of());
        assertThat(someoneElses.statusCode()).isEqualTo(404);
        assertThat(me(other)).isEqualTo(200);

        HttpResponse<String> withoutToken = people().post("/account/sessions/" + laptop.id() + "/end", other,
                Map.of(), null);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        HttpResponse<String> forgedEverywhere = people().post("/account/sign-out-everywhere", laptop, Map.of(),
                "not-the-token");
        assertThat(forgedEverywhere.statusCode()).isEqualTo(403);
        assertThat(me(laptop)).isEqualTo(200);

        HttpResponse<String> thisOne = people().post("/account/sessions/" + laptop.id() + "/end", laptop, Map.of());
        assertThat(People.location(thisOne)).isEqualTo("/");
        assertThat(me(laptop)).isEqualTo(401);
    }

    @Test
    void invitationsAreListedEscapedAndAcceptedOrDeclinedHere() {
        Tenant hostile = PLATFORM.provisionTenant(new TenantDefinition("hostile-account",
                "<script>alert(1)</script>", "DE", "EUR", TenantSettings.defaults()));
        Tenant bakery = PLATFORM.createTenant("bakery-account", "EUR");
        String hostileOwner = PLATFORM.apiKey(hostile, Role.OWNER);
        String bakeryOwner = PLATFORM.apiKey(bakery, Role.OWNER);
        String declined = PLATFORM.postJson("/v1/members/invitations", hostileOwner,
                Map.of("email", "Lin@Account.example", "role", "admin"), 201).get("invitation").get("id").asText();
        String accepted = PLATFORM.postJson("/v1/members/invitations", bakeryOwner,
                Map.of("email", "lin@account.example", "role", "accountant"), 201).get("invitation").get("id").asText();
        Person lin = people().person("lin@account.example");
        Session session = people().signIn(lin, "<script>ua</script>");
        Session stranger = people().signIn(people().person("stranger@account.example"), "Stranger");

        HttpResponse<String> chooser = people().get("/", session);
        assertThat(chooser.body()).contains("action=\"/account/invitations/" + accepted + "/accept\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        HttpResponse<String> page = people().get("/account", session);
        assertThat(page.body()).contains("Accountant").contains("&lt;script&gt;ua&lt;/script&gt;")
                .doesNotContain("<script>ua").doesNotContain("<script>alert(1)")
                .contains("action=\"/account/invitations/" + declined + "/decline\"");

        // Someone else cannot answer Lin's invitation.
        assertThat(people().post("/account/invitations/" + accepted + "/accept", stranger, Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(people().post("/account/invitations/" + accepted + "/accept", session, Map.of(), null)
                .statusCode()).isEqualTo(403);

        HttpResponse<String> no = people().post("/account/invitations/" + declined + "/decline", session, Map.of());
        assertThat(People.location(no)).isEqualTo("/account?notice=invitation_declined");
        assertThat(people().post("/account/invitations/" + declined + "/accept", session, Map.of()).statusCode())
                .isEqualTo(404);

        HttpResponse<String> yes = people().post("/account/invitations/" + accepted + "/accept", session, Map.of());
        assertThat(People.location(yes)).isEqualTo("/t/bakery-account/?notice=invitation_accepted");
        JsonNode me = TestPlatform.parse(people().api("GET", "/v1/me", session, null, null).body());
        assertThat(me.get("memberships")).hasSize(1);
        assertThat(me.get("memberships").get(0).get("role").asText()).isEqualTo("accountant");
        assertThat(people().get("/t/bakery-account/", session).statusCode()).isEqualTo(200);
        assertThat(people().get("/t/hostile-account/", session).statusCode()).isEqualTo(403);
        assertThat(people().get("/account", session).body()).contains("No invitations are waiting for you.")
                .contains("href=\"/t/bakery-account/\"");
    }

    @Test
    void theApiDeclinesAnInvitationByTheSameRule() {
        Tenant tenant = PLATFORM.createTenant("api-decline-account", "EUR");
        String invitation = PLATFORM.postJson("/v1/members/invitations", PLATFORM.apiKey(tenant, Role.OWNER),
                Map.of("email", "kim@account.example", "role", "viewer"), 201).get("invitation").get("id").asText();
        Session kim = people().signIn(people().person("kim@account.example"), "Kim");
        assertThat(people().api("POST", "/v1/me/invitations/" + invitation + "/decline", kim, null, null)
                .statusCode()).isEqualTo(204);
        assertThat(people().api("GET", "/v1/me/invitations", kim, null, null).body()).isEqualTo("{\"data\":[]}");
        assertThat(people().api("POST", "/v1/me/invitations/" + invitation + "/accept", kim, null, null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void signedOutTheAccountPageSendsToTheSignInPage() {
        assertThat(People.location(people().get("/account", null))).isEqualTo("/");
    }
}

package io.billingnow.platform.web.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.web.WebClient;
import io.billingnow.platform.web.shell.WebResponses;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The team page over real HTTP: who may open it and post its forms (docs/permissions.md: owners and admins), the
 * members service's rules shown on the page (the last owner, only an owner makes an owner), escaping, and another
 * business's member and invitation ids answering 404 without changing or showing anything.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TeamPagesTest {

    private static final TestPlatform PLATFORM = new TestPlatform(ConfigOverride.config("signIn.devLogin", "true"));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    /** docs/permissions.md, members_manage. */
    private static final Set<Role> MAY_MANAGE_MEMBERS = EnumSet.of(Role.OWNER, Role.ADMIN);

    private static final WebClient WEB = new WebClient(PLATFORM);
    private static final Map<Role, String> SESSIONS = new EnumMap<>(Role.class);
    private static TenantFixture acme;
    private static TenantFixture other;
    private static String otherMember;
    private static String otherOwner;
    private static String otherInvitation;

    @BeforeAll
    static void businessesAndOneMemberPerRole() {
        // The other business first: its owner signs in before acme exists, so they are no member of acme.
        other = TenantFixture.create(PLATFORM, "team-other", "EUR");
        otherOwner = WEB.devLogin("boss@other.example");
        otherMember = memberId(other, "boss@other.example");
        otherInvitation = PLATFORM.postJson("/v1/members/invitations", other.key(),
                Map.of("email", "pending@other.example", "role", "viewer"), 201).get("invitation").get("id").asText();
        acme = TenantFixture.create(PLATFORM, "team-web", "EUR");
        for (Role role : Role.values()) {
            SESSIONS.put(role, WEB.member(role.wireName() + "@team.example", role, acme.key()));
        }
    }

    @Test
    void onlyOwnersAndAdminsOpenTheTeamPageAndTheServerRefusesEveryoneElsesForms() {
        String invitation = invite(acme, "refused-target@team.example");
        String viewer = memberId(acme, "viewer@team.example");
        for (Role role : Role.values()) {
            String session = SESSIONS.get(role);
            int page = WEB.get("/t/team-web/team", session).statusCode();
            if (MAY_MANAGE_MEMBERS.contains(role)) {
                assertThat(page).as(role + " opens the team page").isEqualTo(200);
                continue;
            }
            assertThat(page).as(role + " opens the team page").isEqualTo(403);
            assertThat(WEB.post("/t/team-web/team/members/" + viewer + "/role", session, Map.of("role", "owner"))
                    .statusCode()).as(role + " changes a role").isEqualTo(403);
            assertThat(WEB.post("/t/team-web/team/members/" + viewer + "/remove", session).statusCode())
                    .as(role + " removes a member").isEqualTo(403);
            assertThat(WEB.post("/t/team-web/team/invitations", session,
                    Map.of("email", role.wireName() + "-invited@team.example", "role", "owner")).statusCode())
                    .as(role + " invites").isEqualTo(403);
            assertThat(WEB.post("/t/team-web/team/invitations/" + invitation + "/revoke", session).statusCode())
                    .as(role + " revokes an invitation").isEqualTo(403);
        }
        assertThat(role(acme, "viewer@team.example")).isEqualTo("viewer");
        assertThat(openInvitationEmails(acme)).contains("refused-target@team.example")
                .noneMatch(email -> email.endsWith("-invited@team.example"));
    }

    @Test
    void theNavigationOffersTheTeamOnlyToRolesThatMayOpenIt() {
        assertThat(WEB.get("/t/team-web/", SESSIONS.get(Role.ADMIN)).body()).contains("href=\"/t/team-web/team\"");
        assertThat(WEB.get("/t/team-web/", SESSIONS.get(Role.ACCOUNTANT)).body())
                .doesNotContain("href=\"/t/team-web/team\"");
    }

    @Test
    void anOwnerInvitesChangesARoleRemovesAMemberAndRevokesTheInvitation() {
        String owner = SESSIONS.get(Role.OWNER);
        HttpResponse<String> invited = WEB.post("/t/team-web/team/invitations", owner,
                Map.of("email", "New.Person@Team.example", "role", "accountant"));
        assertThat(invited.statusCode()).isEqualTo(303);
        assertThat(WebClient.location(invited)).isEqualTo("/t/team-web/team?notice=team_invited");
        HttpResponse<String> page = WEB.get(WebClient.location(invited), owner);
        assertThat(page.body()).contains("Invitation created.").contains("<td>new.person@team.example</td>");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue(WebResponses.CONTENT_SECURITY_POLICY);
        JsonNode invitation = openInvitation(acme, "new.person@team.example");
        assertThat(invitation.get("role").asText()).isEqualTo("accountant");

        HttpResponse<String> revoked = WEB.post("/t/team-web/team/invitations/" + invitation.get("id").asText()
                + "/revoke", owner);
        assertThat(WebClient.location(revoked)).isEqualTo("/t/team-web/team?notice=team_invitation_revoked");
        assertThat(openInvitationEmails(acme)).doesNotContain("new.person@team.example");

        WEB.member("spare@team.example", Role.VIEWER, acme.key());
        String spare = memberId(acme, "spare@team.example");
        HttpResponse<String> changed = WEB.post("/t/team-web/team/members/" + spare + "/role", owner,
                Map.of("role", "accountant"));
        assertThat(WebClient.location(changed)).isEqualTo("/t/team-web/team?notice=team_role_changed");
        assertThat(role(acme, "spare@team.example")).isEqualTo("accountant");

        HttpResponse<String> removed = WEB.post("/t/team-web/team/members/" + spare + "/remove", owner);
        assertThat(WebClient.location(removed)).isEqualTo("/t/team-web/team?notice=team_member_removed");
        assertThat(memberEmails(acme)).doesNotContain("spare@team.example");
        assertThat(WEB.get("/t/team-web/team?notice=team_member_removed", owner).body()).contains("Member removed.")
                .doesNotContain("spare@team.example");
    }

    @Test
    void theLastOwnerCanNeitherBeDemotedNorRemovedAndThePageSaysWhy() {
        TenantFixture solo = TenantFixture.create(PLATFORM, "team-solo", "EUR");
        String owner = WEB.devLogin("solo@team.example");
        String soloId = memberId(solo, "solo@team.example");

        HttpResponse<String> demoted = WEB.post("/t/team-solo/team/members/" + soloId + "/role", owner,
                Map.of("role", "admin"));
        assertThat(demoted.statusCode()).isEqualTo(409);
        assertThat(demoted.body()).contains("id=\"team-error\">A tenant needs an owner: make someone else owner first");
        HttpResponse<String> removed = WEB.post("/t/team-solo/team/members/" + soloId + "/remove", owner);
        assertThat(removed.statusCode()).isEqualTo(409);
        assertThat(removed.body()).contains("The last owner of a tenant cannot be removed");
        assertThat(role(solo, "solo@team.example")).isEqualTo("owner");
    }

    @Test
    void anAdminCannotTouchAnOwnerOrInviteOneAndThePageSaysWhyKeepingWhatWasTyped() {
        String admin = SESSIONS.get(Role.ADMIN);
        String owner = memberId(acme, "owner@team.example");
        HttpResponse<String> demoted = WEB.post("/t/team-web/team/members/" + owner + "/role", admin,
                Map.of("role", "viewer"));
        assertThat(demoted.statusCode()).isEqualTo(403);
        assertThat(demoted.body()).contains("Only an owner can make or unmake an owner");
        assertThat(WEB.post("/t/team-web/team/members/" + owner + "/remove", admin).body())
                .contains("Only an owner can remove an owner");
        assertThat(role(acme, "owner@team.example")).isEqualTo("owner");

        HttpResponse<String> invited = WEB.post("/t/team-web/team/invitations", admin,
                Map.of("email", "would-be-owner@team.example", "role", "owner"));
        assertThat(invited.statusCode()).isEqualTo(403);
        assertThat(invited.body()).contains("Only an owner can invite an owner")
                .contains("value=\"would-be-owner@team.example\"").contains("<option value=\"owner\" selected>");
        assertThat(openInvitationEmails(acme)).doesNotContain("would-be-owner@team.example");
    }

    @Test
    void anAddressThatIsNoEmailIsShownAtItsFieldEscaped() {
        HttpResponse<String> refused = WEB.post("/t/team-web/team/invitations", SESSIONS.get(Role.OWNER),
                Map.of("email", "<b>not an email", "role", "viewer"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"invite-email-error\">must be an email address")
                .contains("aria-invalid=\"true\"").contains("value=\"&lt;b&gt;not an email\"")
                .doesNotContain("<b>not");
    }

    @Test
    void anInvitedAddressWithMarkupRendersAsText() {
        HttpResponse<String> invited = WEB.post("/t/team-web/team/invitations", SESSIONS.get(Role.OWNER),
                Map.of("email", "<script>alert(1)</script>@evil.example", "role", "viewer"));
        assertThat(invited.statusCode()).isEqualTo(303);
        String page = WEB.get("/t/team-web/team", SESSIONS.get(Role.OWNER)).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;@evil.example")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void anotherBusinessesMemberAndInvitationIdsAnswer404AndNothingChangesOrLeaks() {
        String owner = SESSIONS.get(Role.OWNER);
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(WEB.post("/t/team-web/team/members/" + otherMember + "/role", owner, Map.of("role", "viewer")));
        answers.add(WEB.post("/t/team-web/team/members/" + otherMember + "/remove", owner));
        answers.add(WEB.post("/t/team-web/team/invitations/" + otherInvitation + "/revoke", owner));
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(answer.body()).doesNotContain("boss@other.example").doesNotContain("pending@other.example");
        }
        assertThat(role(other, "boss@other.example")).isEqualTo("owner");
        assertThat(openInvitationEmails(other)).contains("pending@other.example");
        assertThat(WEB.get("/t/team-web/team", owner).body()).doesNotContain("boss@other.example")
                .doesNotContain("pending@other.example");
        // And the other business's owner, who is no member of acme, is refused acme's team page.
        assertThat(WEB.get("/t/team-web/team", otherOwner).statusCode()).isEqualTo(403);
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenChangesNothing() {
        HttpResponse<String> refused = WEB.post("/t/team-web/team/invitations", SESSIONS.get(Role.OWNER),
                Map.of("_csrf", "forged", "email", "csrf@team.example", "role", "viewer"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(openInvitationEmails(acme)).doesNotContain("csrf@team.example");
    }

    private static String invite(TenantFixture tenant, String email) {
        return PLATFORM.postJson("/v1/members/invitations", tenant.key(), Map.of("email", email, "role", "viewer"),
                201).get("invitation").get("id").asText();
    }

    private static String memberId(TenantFixture tenant, String email) {
        for (JsonNode member : PLATFORM.getJson("/v1/members", tenant.key(), 200).get("data")) {
            if (member.get("email").asText().equals(email)) {
                return member.get("userId").asText();
            }
        }
        throw new AssertionError(email + " is no member of " + tenant.tenant().slug());
    }

    private static String role(TenantFixture tenant, String email) {
        for (JsonNode member : PLATFORM.getJson("/v1/members", tenant.key(), 200).get("data")) {
            if (member.get("email").asText().equals(email)) {
                return member.get("role").asText();
            }
        }
        return null;
    }

    private static List<String> memberEmails(TenantFixture tenant) {
        List<String> emails = new ArrayList<>();
        PLATFORM.getJson("/v1/members", tenant.key(), 200).get("data").forEach(m -> emails.add(m.get("email").asText()));
        return emails;
    }

    private static JsonNode openInvitation(TenantFixture tenant, String email) {
        for (JsonNode invitation : PLATFORM.getJson("/v1/members/invitations", tenant.key(), 200).get("data")) {
            if (invitation.get("email").asText().equals(email)) {
                return invitation;
            }
        }
        throw new AssertionError("no open invitation for " + email);
    }

    private static List<String> openInvitationEmails(TenantFixture tenant) {
        List<String> emails = new ArrayList<>();
        PLATFORM.getJson("/v1/members/invitations", tenant.key(), 200).get("data")
                .forEach(i -> emails.add(i.get("email").asText()));
        return emails;
    }
}

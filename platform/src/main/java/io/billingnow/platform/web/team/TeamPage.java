package io.billingnow.platform.web.team;

import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.identity.members.Member;
import io.billingnow.platform.identity.members.MemberService;
import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.TenantPage;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The team page: members with a role form and a remove button each, open invitations, and the invitation form. */
public final class TeamPage extends TenantPage {

    private final List<Member> members;
    private final List<MemberService.Invitation> invitations;
    private final FormErrors errors;
    private final String inviteEmail;
    private final String inviteRole;

    TeamPage(WebContext context, TenantShell shell, List<Member> members,
             List<MemberService.Invitation> invitations, FormErrors errors, String inviteEmail, String inviteRole) {
        super("team.mustache", context, shell, context.messages().all().get("team_title"));
        this.members = members;
        this.invitations = invitations;
        this.errors = errors;
        this.inviteEmail = inviteEmail;
        this.inviteRole = inviteRole;
    }

    public List<Map<String, Object>> members() {
        return members.stream().map(member -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("userId", member.userId().toString());
            row.put("email", member.email());
            row.put("name", member.displayName() == null ? "" : member.displayName());
            row.put("role", roleLabel(member.role()));
            row.put("joined", date(member.joinedAt()));
            row.put("roles", roles(member.role()));
            return row;
        }).toList();
    }

    public List<Map<String, String>> invitations() {
        return invitations.stream().map(invitation -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", invitation.id().toString());
            row.put("email", invitation.email());
            row.put("role", roleLabel(invitation.role()));
            row.put("expires", date(invitation.expiresAt()));
            return row;
        }).toList();
    }

    public boolean noInvitations() {
        return invitations.isEmpty();
    }

    /** The roles to choose from when inviting, the one typed before a refusal selected (viewer at first). */
    public List<Map<String, Object>> inviteRoles() {
        return roles(inviteRole == null || inviteRole.isEmpty() ? Role.VIEWER.wireName() : inviteRole);
    }

    public String inviteEmail() {
        return inviteEmail;
    }

    public FormErrors errors() {
        return errors;
    }

    private List<Map<String, Object>> roles(String selected) {
        return Arrays.stream(Role.values()).map(role -> {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("value", role.wireName());
            option.put("label", roleLabel(role.wireName()));
            option.put("selected", role.wireName().equals(selected));
            return option;
        }).toList();
    }

    private String roleLabel(String wireName) {
        return messages().all().getOrDefault("role_" + wireName, wireName);
    }

    private String date(Instant instant) {
        return instant == null ? "" : formats().date(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }
}

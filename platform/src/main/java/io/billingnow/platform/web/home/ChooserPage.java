package io.billingnow.platform.web.home;

import io.billingnow.platform.identity.members.MemberService;
import io.billingnow.platform.identity.sessions.MeResource;
import io.billingnow.platform.web.account.AccountInvitations;
import io.billingnow.platform.web.shell.WebContext;
import io.billingnow.platform.web.shell.WebPage;
import java.util.List;
import java.util.Map;

/** The businesses the person belongs to, each a link to its dashboard; an empty state when there is none yet. */
public final class ChooserPage extends WebPage {

    private final List<MeResource.Membership> memberships;
    private final List<MemberService.OpenInvitation> invitations;
    private final boolean signUp;

    ChooserPage(WebContext context, List<MeResource.Membership> memberships,
                List<MemberService.OpenInvitation> invitations, boolean signUp) {
        super("chooser.mustache", context, context.messages().all().get("chooser_title"));
        this.memberships = memberships;
        this.invitations = invitations;
        this.signUp = signUp;
    }

    /** The invitations waiting for the person, to accept or decline here (the account page's forms). */
    public List<Map<String, String>> invitations() {
        return AccountInvitations.rows(invitations, messages().all(), formats());
    }

    public boolean hasInvitations() {
        return !invitations.isEmpty();
    }

    /** Whether "Create a business" is offered (operators may switch self-service sign-up off). */
    public boolean signUp() {
        return signUp;
    }

    public List<Map<String, String>> businesses() {
        return memberships.stream()
                .map(m -> Map.of("href", "/t/" + m.slug() + "/", "name", m.name(),
                        "role", messages().all().getOrDefault("role_" + m.role(), m.role())))
                .toList();
    }

    public boolean none() {
        return memberships.isEmpty();
    }
}

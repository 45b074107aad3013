package io.billingnow.platform.web.account;

import io.billingnow.platform.identity.members.MemberService;
import io.billingnow.platform.identity.sessions.MeResource;
import io.billingnow.platform.identity.sessions.SessionRecord;
import io.billingnow.platform.identity.users.UserAccounts;
import io.billingnow.platform.web.shell.WebContext;
import io.billingnow.platform.web.shell.WebPage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The account page: who is signed in, their sessions, their businesses and the invitations waiting for them. */
public final class AccountPage extends WebPage {

    private final UserAccounts.User user;
    private final UUID currentSession;
    private final List<SessionRecord> sessions;
    private final List<MeResource.Membership> memberships;
    private final List<MemberService.OpenInvitation> invitations;
    private final boolean signUp;

    AccountPage(WebContext context, UserAccounts.User user, UUID currentSession, List<SessionRecord> sessions,
                List<MeResource.Membership> memberships, List<MemberService.OpenInvitation> invitations,
                boolean signUp) {
        super("account.mustache", context, context.messages().all().get("account_title"));
        this.user = user;
        this.currentSession = currentSession;
        this.sessions = sessions;
        this.memberships = memberships;
        this.invitations = invitations;
        this.signUp = signUp;
    }

    public String email() {
        return user.email();
    }

    public String displayName() {
        return user.displayName() == null || user.displayName().equals(user.email()) ? null : user.displayName();
    }

    /** The newest first; this browser's session is marked and offers no "end" of its own but signing out. */
    public List<Map<String, Object>> sessions() {
        return sessions.stream().sorted(Comparator.comparing(SessionRecord::lastSeenAt).reversed()).map(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", s.publicId().toString());
            row.put("device", s.userAgent() == null || s.userAgent().isBlank() ? msg().get("account_unknown_device")
                    : abbreviate(s.userAgent()));
            row.put("created", when(s.createdAt()));
            row.put("lastSeen", when(s.lastSeenAt()));
            row.put("current", s.publicId().equals(currentSession));
            return row;
        }).toList();
    }

    public List<Map<String, String>> businesses() {
        return memberships.stream().map(m -> Map.of("href", "/t/" + m.slug() + "/", "name", m.name(),
                "role", msg().getOrDefault("role_" + m.role(), m.role()))).toList();
    }

    public boolean noBusinesses() {
        return memberships.isEmpty();
    }

    public List<Map<String, String>> invitations() {
        return AccountInvitations.rows(invitations, msg(), formats());
    }

    public boolean noInvitations() {
        return invitations.isEmpty();
    }

    public boolean signUp() {
        return signUp;
    }

    private String when(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale())
                .format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }

    /** A user agent can be long: enough of it to recognise the browser. */
    private static String abbreviate(String userAgent) {
        return userAgent.length() <= 120 ? userAgent : userAgent.substring(0, 119) + "…";
    }
}

package io.billingnow.platform.web.account;

import io.billingnow.platform.identity.members.MemberService;
import io.billingnow.platform.web.i18n.Formats;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Open invitations as the account page and the chooser show them: the business, the role offered, until when, and
 * where accepting and declining post to (this package's {@link AccountResource}).
 */
public final class AccountInvitations {

    private AccountInvitations() {
    }

    public static List<Map<String, String>> rows(List<MemberService.OpenInvitation> invitations,
                                                 Map<String, String> messages, Formats formats) {
        return invitations.stream().map(i -> Map.of(
                "id", i.id().toString(),
                "business", i.tenant().name(),
                "role", messages.getOrDefault("role_" + i.role(), i.role()),
                "expires", formats.date(i.expiresAt().atZone(ZoneOffset.UTC).toLocalDate()),
                "accept", "/account/invitations/" + i.id() + "/accept",
                "decline", "/account/invitations/" + i.id() + "/decline")).toList();
    }
}

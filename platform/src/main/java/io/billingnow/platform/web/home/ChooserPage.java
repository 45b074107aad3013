package io.billingnow.platform.web.home;

import io.billingnow.platform.identity.sessions.MeResource;
import io.billingnow.platform.web.shell.WebContext;
import io.billingnow.platform.web.shell.WebPage;
import java.util.List;
import java.util.Map;

/** The businesses the person belongs to, each a link to its dashboard; an empty state when there is none yet. */
public final class ChooserPage extends WebPage {

    private final List<MeResource.Membership> memberships;

    ChooserPage(WebContext context, List<MeResource.Membership> memberships) {
        super("chooser.mustache", context, context.messages().all().get("chooser_title"));
        this.memberships = memberships;
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

package io.billingnow.platform.web.shell;

import java.util.List;
import java.util.Map;

/**
 * A page inside one business ({@code /t/{slug}/...}): the layout adds the business's navigation; the page's template
 * uses {@link #base()} for its links and forms and {@link #can()} to show only the actions the role may take.
 */
public abstract class TenantPage extends WebPage {

    private final TenantShell shell;

    protected TenantPage(String template, WebContext context, TenantShell shell, String title) {
        super(template, context, title);
        this.shell = shell;
    }

    public String business() {
        return shell.businessName();
    }

    /** The business's logo for the header, or null when it has none. */
    public String logoUrl() {
        return shell.logoUrl();
    }

    public String base() {
        return shell.base();
    }

    @Override
    public List<Map<String, Object>> nav() {
        return shell.nav(msg());
    }

    public Map<String, Boolean> can() {
        return shell.can();
    }

    protected TenantShell shell() {
        return shell;
    }
}

package io.billingnow.platform.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.web.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantShellTest {

    private static final Map<String, String> EN = Messages.of(Locale.ENGLISH).all();

    @Test
    void aViewerIsShownOnlyTheSectionsItMayOpenAndNoEditPermission() {
        TenantShell viewer = new TenantShell("acme", "Acme", Role.VIEWER, Section.INVOICES);
        assertThat(viewer.nav(EN)).extracting(item -> item.get("label"))
                .containsExactly("Dashboard", "Customers", "Invoices");
        assertThat(viewer.nav(EN)).filteredOn(item -> (Boolean) item.get("current"))
                .extracting(item -> item.get("href")).containsExactly("/t/acme/invoices");
        assertThat(viewer.can()).containsEntry("invoices_read", true).containsEntry("invoices_write", false)
                .containsEntry("customers_write", false);
    }

    @Test
    void anOwnerIsShownEverySectionAndADeveloperItsOwn() {
        assertThat(new TenantShell("acme", "Acme", Role.OWNER, Section.DASHBOARD).nav(EN)).hasSize(Section.values().length);
        List<Object> developer = new TenantShell("acme", "Acme", Role.DEVELOPER, Section.DASHBOARD).nav(EN).stream()
                .map(item -> item.get("label")).toList();
        assertThat(developer).containsExactly("Dashboard", "Customers", "Invoices", "Getting paid", "API keys");
    }

    @Test
    void onlyAKnownNoticeIsShown() {
        WebContext context = WebContext.of(Locale.ENGLISH, new WebAssets(), null);
        assertThat(context.withNotice("saved").notice()).isEqualTo("Saved.");
        assertThat(context.withNotice("<script>").notice()).isNull();
        assertThat(context.withNotice("no_such_notice").notice()).isNull();
        assertThat(WebContext.of(Locale.GERMAN, new WebAssets(), null).withNotice("saved").notice())
                .isEqualTo("Gespeichert.");
    }
}

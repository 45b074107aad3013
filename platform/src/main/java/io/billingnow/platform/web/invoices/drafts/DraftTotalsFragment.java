package io.billingnow.platform.web.invoices.drafts;

import io.billingnow.platform.web.shell.WebContext;
import io.billingnow.platform.web.shell.WebPage;

/** The totals box alone, for htmx to swap into the editor while the person types. */
public final class DraftTotalsFragment extends WebPage {

    private final DraftTotals totals;

    DraftTotalsFragment(WebContext context, DraftTotals totals) {
        super("drafts_totals.mustache", context, "");
        this.totals = totals;
    }

    public DraftTotals totals() {
        return totals;
    }
}

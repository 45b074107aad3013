package io.billingnow.platform.web.customers;

import io.billingnow.platform.billing.customers.Customer;
import io.billingnow.platform.core.paging.Page;
import io.billingnow.platform.web.shell.TenantPage;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The customers list: one page of the API's listing, its email search and the link to the next page. */
public final class CustomersPage extends TenantPage {

    private final Page<Customer> page;
    private final String email;

    CustomersPage(WebContext context, TenantShell shell, Page<Customer> page, String email) {
        super("customers.mustache", context, shell, context.messages().all().get("nav_customers"));
        this.page = page;
        this.email = email;
    }

    public String email() {
        return email == null ? "" : email;
    }

    public boolean searched() {
        return email != null;
    }

    public List<Map<String, String>> customers() {
        return page.data().stream().map(customer -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", customer.id().toString());
            row.put("name", customer.name());
            row.put("email", customer.email() == null ? "" : customer.email());
            row.put("country", customer.country() == null ? "" : customer.country());
            row.put("currency", customer.preferredCurrency() == null ? "" : customer.preferredCurrency());
            return row;
        }).toList();
    }

    public boolean none() {
        return page.data().isEmpty();
    }

    /** The next page's address, or null on the last page; the search goes along. */
    public String next() {
        if (page.nextCursor() == null) {
            return null;
        }
        return base() + "customers?" + (email == null ? "" : "email=" + encode(email) + "&") + "cursor="
                + encode(page.nextCursor());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

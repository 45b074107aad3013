package io.billingnow.platform.web.home;

import io.billingnow.platform.web.shell.WebContext;
import io.billingnow.platform.web.shell.WebPage;
import java.util.List;
import java.util.Map;

/** "Sign in with Google / Apple" (the providers configured), and the dev login form when it exists. */
public final class SignInPage extends WebPage {

    private static final Map<String, String> BRANDS = Map.of("google", "Google", "apple", "Apple");

    private final List<String> providers;
    private final boolean devLogin;

    SignInPage(WebContext context, List<String> providers, boolean devLogin) {
        super("signin.mustache", context, context.messages().all().get("signin_title"));
        this.providers = providers;
        this.devLogin = devLogin;
    }

    /** Google first, then Apple, then any other OpenID provider by its configured name. */
    public List<Map<String, String>> providers() {
        return providers.stream()
                .sorted((a, b) -> Integer.compare(rank(a), rank(b)))
                .map(p -> Map.of("login", "/auth/" + p + "/login?returnTo=/",
                        "label", messages().format("signin_with", BRANDS.getOrDefault(p, p)),
                        "name", p))
                .toList();
    }

    public boolean devLogin() {
        return devLogin;
    }

    private static int rank(String provider) {
        return provider.equals("google") ? 0 : provider.equals("apple") ? 1 : 2;
    }
}

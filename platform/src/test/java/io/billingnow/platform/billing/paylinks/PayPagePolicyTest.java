package io.billingnow.platform.billing.paylinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pay page as a browser receives it over HTTP, through the security-headers filter: one policy, no inline style
 * allowed or used, forms only to the page itself or https, and the stylesheet it links served by the platform.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PayPagePolicyTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    private static final Pattern INLINE_STYLE =
            Pattern.compile("<style[\\s>]|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

    /** Asserts what docs/security.md promises for the pay page; the live page in the payment flow test uses it too. */
    static void assertPayPagePolicy(Response response, String html) {
        List<String> policies = response.getStringHeaders().get("Content-Security-Policy");
        assertThat(policies).containsExactly(PayPageResource.CONTENT_SECURITY_POLICY);
        String policy = policies.get(0);
        assertThat(policy).doesNotContain("'unsafe-inline'").doesNotContain("http:").doesNotContain("script-src")
                .contains("default-src 'none'", "style-src 'self'", "form-action 'self' https:",
                        "frame-ancestors 'none'", "base-uri 'none'");
        assertThat(INLINE_STYLE.matcher(html).find()).as("inline style in %s", html).isFalse();
        assertThat(html).doesNotContainIgnoringCase("<script")
                .contains("<link rel=\"stylesheet\" href=\"" + PayPageStylesheet.PATH + "\">");
    }

    @Test
    void theNotFoundPageCarriesOnlyThePayPagePolicyWithoutInlineStylesOrPlainHttp() {
        Response page = platform.get("/pay/pl_doesnotexist", null);

        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getMediaType().toString()).startsWith("text/html");
        assertPayPagePolicy(page, page.readEntity(String.class));
    }

    @Test
    void theLinkedStylesheetIsServedByThePlatformAndMayBeCached() {
        Response css = platform.get(PayPageStylesheet.PATH, null);

        assertThat(css.getStatus()).isEqualTo(200);
        assertThat(css.getMediaType().toString()).startsWith("text/css");
        assertThat(css.getHeaderString("Cache-Control")).isEqualTo("public, max-age=86400");
        assertThat(css.readEntity(String.class)).contains("button {");
    }
}

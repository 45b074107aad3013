package io.billingnow.platform.billing.paylinks;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** The pay page's HTML: every value escaped, amounts in the currency's own minor units, strict headers. */
class PayPageRenderingTest {

    @Test
    void markupInValuesIsEscapedForTextAndAttributes() {
        assertThat(PayPageResource.escape("<script>alert('x')</script> & \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(PayPageResource.escape(null)).isEmpty();
    }

    @Test
    void amountsUseTheCurrencysMinorUnits() {
        assertThat(PayPageResource.amount(11_900, "EUR")).isEqualTo("119.00 EUR");
        assertThat(PayPageResource.amount(5_000, "JPY")).isEqualTo("5000 JPY");
        assertThat(PayPageResource.amount(1_234, "BHD")).isEqualTo("1.234 BHD");
    }

    @Test
    void pagesForbidScriptsFramingCachingAndReferrers() {
        Response page = PayPageResource.html(410, "T<i>", "<h1>x</h1>");
        assertThat(page.getStatus()).isEqualTo(410);
        assertThat(page.getHeaderString("Content-Security-Policy")).startsWith("default-src 'none'")
                .doesNotContain("script-src").doesNotContain("'unsafe-inline'").doesNotContain("http:");
        assertThat(page.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(page.getHeaderString("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getHeaderString("X-Frame-Options")).isEqualTo("DENY");
        assertThat((String) page.getEntity()).contains("<title>T&lt;i&gt;</title>").doesNotContain("<script");
    }
}

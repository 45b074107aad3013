package io.billingnow.platform.web.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.http.Problem;
import io.billingnow.platform.web.shell.MustacheRenderer;
import io.billingnow.platform.web.shell.WebAssets;
import io.billingnow.platform.web.shell.WebContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each error the web app can meet has its own page text, in every language, with the request id to quote. */
class ErrorPageTest {

    private static final WebAssets ASSETS = new WebAssets();

    @ParameterizedTest
    @CsvSource({"403,en,Not allowed", "404,en,Page not found", "410,en,No longer available",
            "500,en,Something went wrong", "403,de,Nicht erlaubt", "404,de,Seite nicht gefunden",
            "410,de,Nicht mehr verfügbar", "500,de,Etwas ist schiefgelaufen"})
    void theErrorPageSaysWhatHappenedInThePersonsLanguageWithTheRequestId(int status, String language,
                                                                         String title) throws Exception {
        Problem problem = new Problem(Problem.type("x"), "Problem title", status, "detail <b>", null,
                "req-<1>", List.of());
        HtmlErrorPages.ErrorPage page = new HtmlErrorPages.ErrorPage(
                WebContext.of(Locale.forLanguageTag(language), ASSETS, null), problem);
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        new MustacheRenderer().render(page, Locale.ROOT, html);
        String body = html.toString(StandardCharsets.UTF_8);
        assertThat(body).contains("<h1>" + title + "</h1>").contains("<html lang=\"" + language + "\"")
                .contains("<code id=\"request-id\">req-&lt;1&gt;</code>");
        assertThat(body).doesNotContain("req-<1>");
    }
}

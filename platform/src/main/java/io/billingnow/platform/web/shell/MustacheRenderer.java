package io.billingnow.platform.web.shell;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import io.dropwizard.views.common.View;
import io.dropwizard.views.common.ViewRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the web app's {@link WebPage}s with mustache.java, whose {@code {{value}}} always HTML-escapes (only
 * {@code {{{value}}}} would not, and no template of ours uses it). dropwizard-views-mustache is not published for
 * Dropwizard 5.0.1, so this small renderer takes its place; the compiler is the version the Dropwizard BOM manages.
 * Templates live in one folder and are compiled once (mustache.java caches them), partials and the layout by name.
 */
public final class MustacheRenderer implements ViewRenderer {

    static final String TEMPLATES = "io/billingnow/platform/web/templates";

    private final MustacheFactory factory = new DefaultMustacheFactory(TEMPLATES);

    @Override
    public boolean isRenderable(View view) {
        return view instanceof WebPage;
    }

    @Override
    public void render(View view, Locale locale, OutputStream output) throws IOException {
        String name = view.getTemplateName();
        Mustache template = factory.compile(name.substring(name.lastIndexOf('/') + 1));
        Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        template.execute(writer, view);
        writer.flush();
    }

    @Override
    public void configure(Map<String, String> options) {
    }

    @Override
    public String getConfigurationKey() {
        return "mustache";
    }
}

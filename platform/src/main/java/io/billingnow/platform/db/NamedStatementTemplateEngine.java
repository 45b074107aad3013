package io.billingnow.platform.db;

import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Jdbi's default template engine with the DAO method's name in front of the SQL, as a comment such as
 * {@code InvoiceDao.find}, so that PostgreSQL's activity views and logs say where a statement comes from.
 *
 * <p>Why not Dropwizard's {@code NamePrependingTemplateEngine}, which does the same: it implements only
 * {@code render}, so Jdbi cannot cache the parsed template and lexes every statement's SQL again on every execution
 * (visible in the load benchmark's profile). This engine is a {@link TemplateEngine.Parsing}: the template is parsed
 * once and cached by Jdbi; only the name is added per execution.
 */
final class NamedStatementTemplateEngine implements TemplateEngine.Parsing {

    private final DefinedAttributeTemplateEngine templates = new DefinedAttributeTemplateEngine();

    @Override
    public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
        return templates.parse(template, config).map(render -> context -> named(render.apply(context), context));
    }

    private static String named(String sql, StatementContext context) {
        ExtensionMethod method = context.getExtensionMethod();
        if (method == null) {
            return sql;
        }
        return "/* " + method.getType().getSimpleName() + '.' + method.getMethod().getName() + " */ " + sql;
    }
}

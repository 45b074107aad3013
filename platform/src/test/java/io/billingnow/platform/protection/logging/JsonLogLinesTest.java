package io.billingnow.platform.protection.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The production log format: Dropwizard's {@code json} layout with the MDC flattened, so {@code requestId} and
 * {@code tenant} are fields of every line, and the redaction filter in front of it.
 */
class JsonLogLinesTest {

    @Test
    void aJsonLineCarriesRequestIdAndTenantAndNoSecret() throws Exception {
        LoggerContext context = new LoggerContext();
        // A fresh Logback context has no MDC adapter of its own: give it SLF4J's, which MDC.put below writes to.
        context.setMDCAdapter(MDC.getMDCAdapter());
        EventJsonLayoutBaseFactory factory = new EventJsonLayoutBaseFactory();
        factory.setFlattenMdc(true);
        LayoutBase<ILoggingEvent> layout = factory.build(context, TimeZone.getTimeZone("UTC"));
        layout.start();
        Lines lines = new Lines(layout);
        lines.setContext(context);
        lines.start();
        Logger logger = context.getLogger("io.billingnow.json-test");
        logger.addAppender(lines);
        RedactingTurboFilter.install(context);
        RedactingTurboFilter.install(context);
        String secret = "bnk_" + "S3cr3tV4lu3".repeat(4);

        MDC.put("requestId", "req-12345678");
        MDC.put("tenant", "0b8f6a3e-8d7c-4e8e-9a51-5f0c6a1d2b3c");
        try {
            logger.warn("key {} refused", secret);
        } finally {
            MDC.remove("requestId");
            MDC.remove("tenant");
        }

        assertThat(context.getTurboFilterList()).hasSize(1);
        assertThat(lines.lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.lines.get(0));
        assertThat(line.get("requestId").asText()).isEqualTo("req-12345678");
        assertThat(line.get("tenant").asText()).isEqualTo("0b8f6a3e-8d7c-4e8e-9a51-5f0c6a1d2b3c");
        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("message").asText()).isEqualTo("key bnk_[REDACTED] refused");
        assertThat(lines.lines.get(0)).doesNotContain("S3cr3t");
        context.stop();
    }

    static final class Lines extends AppenderBase<ILoggingEvent> {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final LayoutBase<ILoggingEvent> layout;

        Lines(LayoutBase<ILoggingEvent> layout) {
            this.layout = layout;
        }

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(layout.doLayout(event));
        }
    }
}

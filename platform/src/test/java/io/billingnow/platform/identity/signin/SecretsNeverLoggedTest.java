package io.billingnow.platform.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Runs real flows with every logger at DEBUG (Jetty's then logs request headers) and a capturing appender on the
 * root logger, then scans every captured line, exceptions included, for every secret the flows used. Lives beside
 * the sign-in fixtures because it signs in through the dev login like a browser.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SecretsNeverLoggedTest {

    static final TestPlatform platform = new TestPlatform(new SignInFixture.ClockedApplication(), overrides());

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static final Capture CAPTURE = new Capture();

    private static ConfigOverride[] overrides() {
        List<ConfigOverride> all = new ArrayList<>(SignInFixture.overrides(true));
        all.add(ConfigOverride.config("logging.level", "DEBUG"));
        return all.toArray(ConfigOverride[]::new);
    }

    @BeforeAll
    static void capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern("%level %logger %mdc %msg%n%ex{full}");
        layout.start();
        CAPTURE.layout = layout;
        CAPTURE.setContext(context);
        CAPTURE.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(CAPTURE);
    }

    @AfterAll
    static void release() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(CAPTURE);
        CAPTURE.stop();
    }

    @Test
    void noSecretOfAnApiKeySignInOrLoggedMessageReachesAnyLogLine() {
        List<String> secrets = new ArrayList<>();
        Tenant tenant = platform.createTenant("log-scan", "EUR");
        String owner = platform.apiKey(tenant, Role.OWNER);
        secrets.add(owner);

        JsonNode created = platform.postJson("/v1/api-keys", owner, Map.of("name", "ci", "role", "viewer"), 201);
        String viewer = created.get("secret").asText();
        secrets.add(viewer);
        assertThat(platform.get("/v1/customers", viewer).getStatus()).isEqualTo(200);

        String forged = "bnk_" + "F0rg3dT0k3n".repeat(4);
        secrets.add(forged);
        assertThat(platform.get("/v1/customers", forged).getStatus()).isEqualTo(401);
        String operator = platform.operatorToken(false);
        secrets.add(operator);
        assertThat(platform.get("/admin/v1/security/lockouts", operator).getStatus()).isEqualTo(200);

        Browser browser = new Browser(platform);
        HttpResponse<String> login = browser.send("POST", "/auth/dev/login", "{\"email\":\"logscan@example.com\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        secrets.add(browser.session());
        secrets.addAll(browser.cookies.values());
        assertThat(browser.get("/v1/me").statusCode()).isEqualTo(200);

        String card = "4012888888881881";
        secrets.add(card);
        assertThat(platform.post("/v1/customers", owner, Map.of("name", "Card " + card)).getStatus())
                .isEqualTo(201);

        org.slf4j.Logger careless = LoggerFactory.getLogger("io.billingnow.test.careless");
        careless.info("calling with Authorization: Bearer {} and cookie {}", viewer, browser.session());
        careless.warn("card {} failed", "4012 8888 8888 1881");
        careless.error("provider call failed", new IllegalStateException("token " + operator + " was refused",
                new RuntimeException("inner " + owner)));

        List<String> lines = CAPTURE.lines;
        assertThat(lines).as("the capture works").anyMatch(line -> line.contains("io.billingnow.test.careless"));
        assertThat(lines).anyMatch(line -> line.contains("bnk_[REDACTED]"));
        for (String secret : secrets) {
            // A fragment too, in case a secret is logged cut or re-encoded around its edges.
            String core = secret.length() >= 20 ? secret.substring(4, 16) : secret;
            assertThat(lines).as("log lines containing a secret").noneMatch(line -> line.contains(secret)
                    || line.contains(core));
        }
        assertThat(lines).noneMatch(line -> line.replaceAll("[ -]", "").contains(card));
    }

    static final class Capture extends AppenderBase<ILoggingEvent> {
        final List<String> lines = new CopyOnWriteArrayList<>();
        PatternLayout layout;

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(layout.doLayout(event));
        }
    }
}

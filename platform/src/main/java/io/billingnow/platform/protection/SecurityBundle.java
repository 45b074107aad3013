package io.billingnow.platform.protection;

import io.billingnow.platform.protection.contact.SecurityTxt;
import io.billingnow.platform.protection.contact.SecurityTxtServlet;
import io.billingnow.platform.protection.headers.SecurityHeadersFilter;
import io.billingnow.platform.protection.limits.JsonLimitExceededExceptionMapper;
import io.billingnow.platform.protection.limits.JsonLimits;
import io.billingnow.platform.protection.limits.RequestBodyLimitFilter;
import io.billingnow.platform.protection.tls.HttpsRedirectConnectorFactory;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;

/**
 * The one entry point for the HTTP-level protections: security headers (application and admin), request body and
 * JSON limits, {@code /.well-known/security.txt}, and the start-up check that the admin listener is loopback-only
 * ({@link AdminListenerCheck}).
 *
 * <pre>
 * bootstrap.addBundle(new SecurityBundle&lt;&gt;(BillingNowConfiguration::getSecurity));
 * </pre>
 */
public final class SecurityBundle<C extends Configuration> implements ConfiguredBundle<C> {

    private final Function<C, SecurityConfiguration> securityConfiguration;
    private final Clock clock;

    public SecurityBundle(Function<C, SecurityConfiguration> securityConfiguration) {
        this(securityConfiguration, Clock.systemUTC());
    }

    public SecurityBundle(Function<C, SecurityConfiguration> securityConfiguration, Clock clock) {
        this.securityConfiguration = securityConfiguration;
        this.clock = clock;
    }

    @Override
    public void run(C configuration, Environment environment) {
        SecurityConfiguration security = securityConfiguration.apply(configuration);
        if (!security.isAllowNonLoopbackAdmin()) {
            AdminListenerCheck.require(configuration.getServerFactory());
        }
        HttpsRedirectConnectorFactory.pinRedirectHosts(configuration.getServerFactory(),
                security.getContact().getPublicBaseUrl());

        JsonLimits.apply(environment.getObjectMapper());
        environment.jersey().register(new JsonLimitExceededExceptionMapper());

        EnumSet<DispatcherType> requestAndError = EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR);
        environment.servlets()
                .addFilter("security-headers", new SecurityHeadersFilter(security.getHeaders()))
                .addMappingForUrlPatterns(requestAndError, false, "/*");
        environment.servlets()
                .addFilter("request-body-limit",
                        new RequestBodyLimitFilter(security.getLimits().getMaxRequestBodySize().toBytes()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        // Everything on the admin port (metrics, health, tasks) is operational data: never cache it.
        environment.admin()
                .addFilter("security-headers", new SecurityHeadersFilter(List.of("/"),
                        security.getHeaders().hstsValue()))
                .addMappingForUrlPatterns(requestAndError, false, "/*");

        environment.admin()
                .addFilter("admin-tasks-disabled", new AdminTasksDisabledFilter())
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, AdminTasksDisabledFilter.PATH);

        environment.servlets()
                .addServlet("security-txt", new SecurityTxtServlet(SecurityTxt.render(security.getContact(), clock)))
                .addMapping(SecurityTxt.PATH);
    }
}

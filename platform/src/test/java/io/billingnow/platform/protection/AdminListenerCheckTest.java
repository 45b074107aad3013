package io.billingnow.platform.protection;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminListenerCheckTest {

    @Test
    void dropwizardsDefaultAdminListenerOnAllInterfacesIsAProblem() {
        assertThat(AdminListenerCheck.problems(new DefaultServerFactory()))
                .singleElement().asString().contains("all interfaces");
    }

    @Test
    void loopbackAdminListenersAreFine() {
        DefaultServerFactory server = new DefaultServerFactory();
        server.setAdminConnectors(List.of(admin("127.0.0.1"), admin("::1")));

        assertThat(AdminListenerCheck.problems(server)).isEmpty();
    }

    @Test
    void aPublicAddressOrASingleSharedListenerIsAProblem() {
        DefaultServerFactory server = new DefaultServerFactory();
        server.setAdminConnectors(List.of(admin("0.0.0.0")));

        assertThat(AdminListenerCheck.problems(server)).singleElement().asString().contains("0.0.0.0");
        assertThat(AdminListenerCheck.problems(new SimpleServerFactory())).hasSize(1);
    }

    @Test
    void applicationRefusesToStartWithAnExposedAdminListener() throws Exception {
        Path directory = Files.createTempDirectory("billingnow-admin-check");
        io.billingnow.platform.testing.StrayOverrides.clear();
        DropwizardTestSupport<SecurityTestApplication.Config> app = new DropwizardTestSupport<>(
                SecurityTestApplication.class, ResourceHelpers.resourceFilePath("security-test.yml"),
                ConfigOverride.config("server.adminConnectors[0].bindHost", "0.0.0.0"),
                ConfigOverride.config("server.applicationConnectors[0].certificate.source", "self-signed"),
                ConfigOverride.config("server.applicationConnectors[0].certificate.selfSignedDirectory",
                        directory.toString()),
                ConfigOverride.config("server.applicationConnectors[1].certificate.source", "self-signed"),
                ConfigOverride.config("server.applicationConnectors[1].certificate.selfSignedDirectory",
                        directory.toString()));
        try {
            assertThatThrownBy(app::before).hasStackTraceContaining("network-reachable admin interface");
        } finally {
            app.after();
        }
    }

    private static HttpConnectorFactory admin(String bindHost) {
        HttpConnectorFactory connector = new HttpConnectorFactory();
        connector.setBindHost(bindHost);
        return connector;
    }
}

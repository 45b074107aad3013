package io.billingnow.platform.protection.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteClassTest {

    @ParameterizedTest
    @CsvSource({
            "/v1/customers, API",
            "/v1, API",
            "/admin/v1/tenants, API",
            "/auth/google/login, SIGN_IN",
            "/auth/dev/login, SIGN_IN",
            "/webhooks/whk_abc, WEBHOOKS",
            "/pay/pl_abc, PAY",
            "/v10/customers, NONE",
            "/payments, NONE",
            "/admin/v2/x, NONE",
            "/.well-known/security.txt, NONE"})
    void pathsBelongToTheirRouteClassAndNothingElseIsLimited(String path, String expected) {
        Optional<RouteClass> routeClass = RouteClass.of(path);

        assertThat(routeClass.map(Enum::name).orElse("NONE")).isEqualTo(expected);
    }
}

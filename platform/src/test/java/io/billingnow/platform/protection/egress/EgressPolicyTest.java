package io.billingnow.platform.protection.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The egress rule itself, with a fake name service standing in for DNS. */
class EgressPolicyTest {

    /** A name service that knows a few names, as a DNS server would answer them. */
    static final EgressPolicy.NameService NAMES = host -> switch (host) {
        case "api.stripe.com" -> addresses("52.0.0.10");
        case "rebound.example" -> addresses("52.0.0.11", "10.1.2.3");
        case "internal.example" -> addresses("169.254.169.254");
        default -> InetAddress.getAllByName(host);
    };

    static InetAddress[] addresses(String... literals) throws UnknownHostException {
        InetAddress[] result = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            result[i] = InetAddress.getByName(literals[i]);
        }
        return result;
    }

    static EgressPolicy production() {
        return new EgressPolicy(new EgressSettings(), NAMES);
    }

    static EgressPolicy.AllowedHosts stripeHosts(EgressPolicy policy) {
        return policy.hostsFor("stripe", List.of("api.stripe.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.5.5.5", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "169.254.1.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1",
            "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1", "::ffff:127.0.0.1",
            "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "::7f00:1"})
    void addressesThatAreNotThePublicInternetAreRefused(String literal) throws Exception {
        assertThat(ForbiddenAddresses.why(InetAddress.getByName(literal), false)).as(literal).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"52.0.0.10", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2600:1f18::1", "::ffff:8.8.8.8"})
    void publicAddressesAreAllowed(String literal) throws Exception {
        assertThat(ForbiddenAddresses.why(InetAddress.getByName(literal), false)).as(literal).isEmpty();
    }

    @Test
    void loopbackIsAllowedOnlyWhenConfiguredAndNothingElseWithIt() throws Exception {
        assertThat(ForbiddenAddresses.why(InetAddress.getByName("127.0.0.1"), true)).isEmpty();
        assertThat(ForbiddenAddresses.why(InetAddress.getByName("::1"), true)).isEmpty();
        assertThat(ForbiddenAddresses.why(InetAddress.getByName("10.0.0.1"), true)).isPresent();
        assertThat(ForbiddenAddresses.why(InetAddress.getByName("169.254.169.254"), true)).isPresent();
    }

    @Test
    void productionDefaultsAllowOnlyHttpsToADeclaredHost() {
        EgressPolicy policy = production();
        assertThat(policy.refusal(URI.create("https://api.stripe.com/v1"), stripeHosts(policy))).isEmpty();
        assertThat(policy.refusal(URI.create("http://api.stripe.com/v1"), stripeHosts(policy)))
                .hasValueSatisfying(why -> assertThat(why).contains("only https"));
        assertThat(policy.refusal(URI.create("ftp://api.stripe.com/"), stripeHosts(policy))).isPresent();
        assertThat(policy.refusal(URI.create("https://user:pw@api.stripe.com/"), stripeHosts(policy))).isPresent();
    }

    @Test
    void theAllowListRefusesAHostThePluginDidNotDeclare() {
        EgressPolicy policy = production();
        assertThat(policy.refusal(URI.create("https://evil.example/v1"), stripeHosts(policy)))
                .hasValueSatisfying(why -> assertThat(why).contains("not an allowed host").contains("api.stripe.com"));
        assertThat(policy.refusal(URI.create("https://api.stripe.com.evil.example/"), stripeHosts(policy)))
                .isPresent();
        assertThat(policy.refusal(URI.create("https://api.stripe.com/"), policy.hostsFor("legacy", List.of())))
                .hasValueSatisfying(why -> assertThat(why).contains("none declared"));
    }

    @Test
    void aLeadingWildcardCoversSubdomainsButNotTheDomainItself() {
        HostPattern adyen = new HostPattern("*.adyenpayments.com");
        assertThat(adyen.matches("1797a841fbb37ca7-acmecorp-checkout-live.adyenpayments.com")).isTrue();
        assertThat(adyen.matches("ADYENPAYMENTS-x.adyenpayments.com.")).isTrue();
        assertThat(adyen.matches("adyenpayments.com")).isFalse();
        assertThat(adyen.matches("evil-adyenpayments.com")).isFalse();
        assertThatThrownBy(() -> new HostPattern("api.*.com")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void operatorsExtendAProvidersHostsInConfiguration() {
        EgressSettings settings = new EgressSettings();
        settings.setExtraHosts(Map.of("stripe", List.of("stripe-proxy.example.net")));
        EgressPolicy policy = new EgressPolicy(settings, host -> addresses("52.0.0.20"));
        assertThat(policy.refusal(URI.create("https://stripe-proxy.example.net/v1"), stripeHosts(policy))).isEmpty();
        assertThat(policy.refusal(URI.create("https://stripe-proxy.example.net/v1"),
                policy.hostsFor("adyen", List.of("checkout-test.adyen.com")))).isPresent();
    }

    @Test
    void aMalformedOperatorHostIsAConfigurationError() {
        EgressSettings settings = new EgressSettings();
        assertThat(settings.isExtraHostsValid()).isTrue();
        settings.setExtraHosts(Map.of("stripe", List.of("api.*.example")));
        assertThat(settings.isExtraHostsValid()).isFalse();
    }

    @Test
    void anAllowedNameThatResolvesToAForbiddenAddressIsRefused() {
        EgressSettings settings = new EgressSettings();
        settings.setExtraHosts(Map.of("stripe", List.of("rebound.example", "internal.example", "localhost")));
        EgressPolicy policy = new EgressPolicy(settings, NAMES);
        assertThat(policy.refusal(URI.create("https://rebound.example/"), stripeHosts(policy)))
                .hasValueSatisfying(why -> assertThat(why).contains("private"));
        assertThat(policy.refusal(URI.create("https://internal.example/"), stripeHosts(policy)))
                .hasValueSatisfying(why -> assertThat(why).contains("metadata"));
        assertThat(policy.refusal(URI.create("https://localhost/"), stripeHosts(policy)))
                .hasValueSatisfying(why -> assertThat(why).contains("loopback"));
    }

    @Test
    void cloudMetadataNamesAreRefusedWhateverTheyResolveTo() {
        EgressSettings settings = new EgressSettings();
        settings.setExtraHosts(Map.of("stripe", List.of("metadata.google.internal")));
        EgressPolicy policy = new EgressPolicy(settings, host -> addresses("52.0.0.30"));
        assertThat(policy.refusal(URI.create("https://metadata.google.internal/computeMetadata/v1/"),
                stripeHosts(policy))).hasValueSatisfying(why -> assertThat(why).contains("metadata"));
        assertThatThrownBy(() -> policy.resolve("metadata.google.internal"))
                .isInstanceOf(EgressRefusedException.class);
    }

    @Test
    void aNameThatDoesNotResolveIsNotRefusedWhenSavedButCannotBeReached() {
        EgressPolicy policy = new EgressPolicy(new EgressSettings(), host -> {
            throw new UnknownHostException(host);
        });
        assertThat(policy.refusal(URI.create("https://api.stripe.com/"), stripeHosts(policy))).isEmpty();
        assertThatThrownBy(() -> policy.resolve("api.stripe.com")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void literalAddressesInUrlsAreJudgedLikeResolvedOnes() {
        EgressSettings settings = new EgressSettings();
        settings.setAllowPlainHttp(true);
        settings.setExtraHosts(Map.of("stripe", List.of("127.0.0.1", "::1", "10.0.0.1", "169.254.169.254")));
        EgressPolicy policy = new EgressPolicy(settings);
        for (String url : List.of("http://127.0.0.1:8081/tasks/log-level?logger=io.billingnow.security&level=OFF&x=",
                "http://[::1]:8081/tasks/gc", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/")) {
            assertThat(policy.refusal(URI.create(url), stripeHosts(policy))).as(url).isPresent();
        }
    }
}

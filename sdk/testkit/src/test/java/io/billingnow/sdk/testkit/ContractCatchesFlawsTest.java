package io.billingnow.sdk.testkit;

import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.PaymentProviderFactory;
import io.billingnow.sdk.testkit.ToyProvider.Flaw;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs the contract against a correct provider and against deliberately flawed ones: it must tell them apart. */
class ContractCatchesFlawsTest {

    abstract static class ToyContract extends PaymentProviderContract {
        abstract Flaw flaw();

        @Override
        protected PaymentProviderFactory factory() {
            return flaw() == Flaw.NONE ? new ToyProvider.Factory() : new ToyProvider.Factory(flaw());
        }

        @Override
        protected String newWebhookSecret() {
            return UUID.randomUUID().toString().replace("-", "");
        }

        @Override
        protected Credentials credentials(List<String> webhookSecrets) {
            return new Credentials(Map.of("merchant", "m_toy"), webhookSecrets);
        }

        @Override
        protected byte[] paymentSucceededBody(String invoiceReference, Money amount, Instant occurredAt) {
            return ("ev1;" + invoiceReference + ";" + amount.minorUnits() + ";" + amount.currency())
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected SignedWebhook sign(byte[] body, Instant signedAt, String secret) {
            return new SignedWebhook(body, Headers.of("Toy-Signature",
                    ToyProvider.header(body, signedAt.getEpochSecond(), secret)));
        }

        @Override
        protected boolean signsTimestamp() {
            return true;
        }
    }

    static class Correct extends ToyContract {
        @Override
        Flaw flaw() {
            return Flaw.NONE;
        }
    }

    static class AcceptsAnySignature extends ToyContract {
        @Override
        Flaw flaw() {
            return Flaw.ACCEPTS_ANY_SIGNATURE;
        }
    }

    static class IgnoresTimestamp extends ToyContract {
        @Override
        Flaw flaw() {
            return Flaw.IGNORES_TIMESTAMP;
        }
    }

    static class OnlyFirstSecret extends ToyContract {
        @Override
        Flaw flaw() {
            return Flaw.ONLY_FIRST_SECRET;
        }
    }

    static class ThrowsOnGarbage extends ToyContract {
        @Override
        Flaw flaw() {
            return Flaw.THROWS_ON_GARBAGE;
        }
    }

    static class LeaksSecret extends ToyContract {
        @Override
        Flaw flaw() {
            return Flaw.LEAKS_SECRET;
        }
    }

    static class LinkOutlivesExpiry extends ToyContract {
        @Override
        Flaw flaw() {
            return Flaw.LINK_OUTLIVES_EXPIRY;
        }
    }

    static class NoPaymentReference extends ToyContract {
        @Override
        Flaw flaw() {
            return Flaw.NO_PAYMENT_REFERENCE;
        }
    }

    static class CancelFailsWhenRepeated extends ToyContract {
        @Override
        Flaw flaw() {
            return Flaw.CANCEL_FAILS_WHEN_REPEATED;
        }
    }

    static class WrongReasonForMissingSignature extends ToyContract {
        @Override
        Flaw flaw() {
            return Flaw.WRONG_REASON_FOR_MISSING_SIGNATURE;
        }
    }

    static class EndpointWithoutHosts extends ToyContract {
        @Override
        Flaw flaw() {
            return Flaw.ENDPOINT_WITHOUT_HOSTS;
        }
    }

    private static Events run(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
    }

    private static List<String> failed(Class<?> contract) {
        return run(contract).failed().list().stream()
                .map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }

    @Test
    void correctProviderPassesEverything() {
        Events events = run(Correct.class);
        assertThat(events.failed().count()).as("failures: %s", failed(Correct.class)).isZero();
        assertThat(events.skipped().count()).isZero();
        assertThat(events.succeeded().count()).isGreaterThan(50);
    }

    @Test
    void eachFlawIsCaughtByTheTestNamedForIt() {
        assertThat(failed(AcceptsAnySignature.class)).contains("tamperedBodyIsRejected()",
                "tamperedSignatureIsRejected()", "wrongSecretIsRejected()");
        assertThat(failed(IgnoresTimestamp.class)).containsExactly(
                "staleTimestampIsRejectedAndOneWithinToleranceAccepted()");
        assertThat(failed(OnlyFirstSecret.class)).containsExactly("bothSecretsAreAcceptedDuringRotation()");
        assertThat(failed(ThrowsOnGarbage.class)).isNotEmpty()
                .allSatisfy(name -> assertThat(name).containsAnyOf("signed", "8 MiB"));
        assertThat(failed(LeaksSecret.class)).contains("wrongSecretIsRejected()");
        assertThat(failed(LinkOutlivesExpiry.class)).containsExactly("linkNeverOutlivesTheRequestedExpiry()");
        assertThat(failed(WrongReasonForMissingSignature.class)).containsExactly("missingSignatureIsRejected()");
        assertThat(failed(EndpointWithoutHosts.class)).containsExactly(
                "aProviderWithAnEndpointFieldDeclaresTheHostsItCalls()");
        assertThat(failed(NoPaymentReference.class)).containsExactly("correctlySignedPaymentIsAcceptedAndNormalised()");
        assertThat(failed(CancelFailsWhenRepeated.class))
                .containsExactly("cancellingAnIssuedLinkSucceedsAndARepeatedCancelToo()");
    }

    @Test
    void toyHeaderIsAnHmacOverTimestampDotBody() {
        assertThat(ToyProvider.header("x".getBytes(StandardCharsets.UTF_8), 1, "k"))
                .matches("t=1,v1=[0-9a-f]{64}")
                .isNotEqualTo(ToyProvider.header("y".getBytes(StandardCharsets.UTF_8), 1, "k"));
        assertThat(HexFormat.of().parseHex(ToyProvider.header(new byte[0], 1, "k").substring(7))).hasSize(32);
    }
}

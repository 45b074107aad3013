package io.billingnow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.Throttled;
import io.billingnow.platform.core.errors.Unavailable;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DomainStatusesTest {

    /** A kind added to the sealed hierarchy without a status would answer 500: the build says so first. */
    @Test
    void everyKindOfRefusalHasItsOwnStatus() {
        assertThat(DomainException.class.getPermittedSubclasses()).isNotEmpty();
        assertThat(DomainStatuses.STATUS.keySet().stream().map(Class::getName))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(DomainException.class.getPermittedSubclasses())
                        .map(Class::getName).toList());
        assertThat(DomainStatuses.STATUS.values()).doesNotHaveDuplicates().allMatch(s -> s >= 400 && s < 600);
    }

    /** A feature's own refusal (a lockout, a provider failure) answers as the kind it extends. */
    @Test
    void aFeaturesOwnRefusalAnswersAsItsKind() {
        class LockedOut extends Throttled {
            private static final long serialVersionUID = 1L;

            LockedOut() {
                super("locked-out", "Locked out", "Try again later", Duration.ofSeconds(90));
            }
        }
        Response response = ProblemResponses.of(new LockedOut());
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("90");
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(((Problem) response.getEntity()).type().toString()).endsWith("/locked-out");
    }

    @Test
    void unavailableCarriesItsRetryAfterAndAnUnauthenticatedCallerIsToldHowToAuthenticate() {
        Response unavailable = ProblemResponses.of(new Unavailable("provider-unavailable", "Unavailable",
                "Try later", Duration.ofSeconds(3)));
        assertThat(unavailable.getStatus()).isEqualTo(503);
        assertThat(unavailable.getHeaderString("Retry-After")).isEqualTo("3");
        Response unauthenticated = ProblemResponses.of(DomainException.unauthorized());
        assertThat(unauthenticated.getStatus()).isEqualTo(401);
        assertThat(unauthenticated.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer");
    }
}

package io.billingnow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billingnow.platform.core.errors.PreconditionFailed;
import io.billingnow.platform.core.errors.PreconditionRequired;
import jakarta.ws.rs.ext.RuntimeDelegate;
import jakarta.ws.rs.core.EntityTag;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void aVersionBecomesAWeakTag() {
        EntityTag tag = ETags.of(7);
        assertThat(tag.isWeak()).isTrue();
        assertThat(RuntimeDelegate.getInstance().createHeaderDelegate(EntityTag.class).toString(tag))
                .isEqualTo("W/\"7\"").isEqualTo(ETags.headerValue(7));
    }

    @Test
    void theCurrentTagWeakOrStrongOrAWildcardMatches() {
        assertThatCode(() -> ETags.requireMatch("W/\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("W/\"1\", W/\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("*", 3)).doesNotThrowAnyException();
    }

    @Test
    void aMissingHeaderIs428() {
        assertThatThrownBy(() -> ETags.requireMatch(null, 3)).isInstanceOf(PreconditionRequired.class);
        assertThatThrownBy(() -> ETags.requireMatch(" ", 3)).isInstanceOfSatisfying(PreconditionRequired.class,
                e -> assertThat(e.slug()).isEqualTo("precondition-required"));
    }

    @Test
    void anOtherOrMalformedTagIs412() {
        for (String stale : new String[] {"W/\"2\"", "\"4\"", "3", "W/3", "\"3", "W/\"33\""}) {
            assertThatThrownBy(() -> ETags.requireMatch(stale, 3)).as(stale)
                    .isInstanceOfSatisfying(PreconditionFailed.class, e -> {
                        assertThat(e.slug()).isEqualTo("precondition-failed");
                    });
        }
    }
}
